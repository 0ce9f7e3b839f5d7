import type en from '../en/trust'
import type { Translation } from '../../keys'

/** Kata-kata area ini dalam Bahasa Indonesia (lihat ../id.ts). */
const trust: Translation<typeof en> = {
  levels: {
    '0': 'Baru',
    '1': 'Dasar',
    '2': 'Anggota',
    '3': 'Tetap',
    '4': 'Pemimpin',
  },
  limits: {
    links:
      'Akun baru boleh memuat paling banyak {{max}} tautan. Untuk sekarang, hapus sebagian tautannya. $t(trust.limits.lift.{{lift}})',
    images:
      'Akun baru belum boleh memuat gambar. Jelaskan gambarnya dengan kata-kata, atau tautkan saja. $t(trust.limits.lift.{{lift}})',
    lift: {
      one: 'Batas ini berakhir begitu Anda mencapai tingkat kepercayaan 1, yaitu setelah Anda $t(trust.limits.need.{{first}}, {"count": {{firstCount}} }) (tingkat diperbarui setiap {{every}} jam).',
      two: 'Batas ini berakhir begitu Anda mencapai tingkat kepercayaan 1, yaitu setelah Anda $t(trust.limits.need.{{first}}, {"count": {{firstCount}} }) dan $t(trust.limits.need.{{second}}, {"count": {{secondCount}} }) (tingkat diperbarui setiap {{every}} jam).',
      three:
        'Batas ini berakhir begitu Anda mencapai tingkat kepercayaan 1, yaitu setelah Anda $t(trust.limits.need.{{first}}, {"count": {{firstCount}} }), $t(trust.limits.need.{{second}}, {"count": {{secondCount}} }), dan $t(trust.limits.need.{{third}}, {"count": {{thirdCount}} }) (tingkat diperbarui setiap {{every}} jam).',
      soon: 'Anda sudah memenuhi syarat tingkat kepercayaan 1: batas ini berakhir saat tingkat diperbarui berikutnya, paling lambat {{every}} jam lagi.',
      locked:
        'Tingkat kepercayaan Anda ditetapkan oleh moderator, jadi batas ini tetap berlaku sampai moderator mengubahnya.',
    },
    need: {
      age_one: 'menunggu {{count}} jam lagi',
      age_other: 'menunggu {{count}} jam lagi',
      visits_one: 'berkunjung lagi pada {{count}} hari yang berbeda',
      visits_other: 'berkunjung lagi pada {{count}} hari yang berbeda',
      reads_one: 'membaca {{count}} pertanyaan lagi',
      reads_other: 'membaca {{count}} pertanyaan lagi',
    },
    tooSoon: {
      seconds_one:
        'Akun baru menunggu {{seconds}} detik di antara dua kiriman. Anda dapat mengirim lagi dalam {{count}} detik; teks Anda tetap ada di bawah.',
      seconds_other:
        'Akun baru menunggu {{seconds}} detik di antara dua kiriman. Anda dapat mengirim lagi dalam {{count}} detik; teks Anda tetap ada di bawah.',
      minutes_one:
        'Akun baru perlu menunggu di antara dua kiriman. Anda dapat mengirim lagi dalam {{count}} menit; teks Anda tetap ada di bawah.',
      minutes_other:
        'Akun baru perlu menunggu di antara dua kiriman. Anda dapat mengirim lagi dalam {{count}} menit; teks Anda tetap ada di bawah.',
      hours_one:
        'Akun baru perlu menunggu di antara dua kiriman. Anda dapat mengirim lagi dalam {{count}} jam; teks Anda tetap ada di bawah.',
      hours_other:
        'Akun baru perlu menunggu di antara dua kiriman. Anda dapat mengirim lagi dalam {{count}} jam; teks Anda tetap ada di bawah.',
    },
    firstDayQuestions: {
      seconds_one:
        'Pada hari pertamanya, sebuah akun boleh mengajukan {{max}} pertanyaan. Batas ini berakhir dalam {{count}} detik; teks Anda tetap ada di bawah.',
      seconds_other:
        'Pada hari pertamanya, sebuah akun boleh mengajukan {{max}} pertanyaan. Batas ini berakhir dalam {{count}} detik; teks Anda tetap ada di bawah.',
      minutes_one:
        'Pada hari pertamanya, sebuah akun boleh mengajukan {{max}} pertanyaan. Batas ini berakhir dalam {{count}} menit; teks Anda tetap ada di bawah.',
      minutes_other:
        'Pada hari pertamanya, sebuah akun boleh mengajukan {{max}} pertanyaan. Batas ini berakhir dalam {{count}} menit; teks Anda tetap ada di bawah.',
      hours_one:
        'Pada hari pertamanya, sebuah akun boleh mengajukan {{max}} pertanyaan. Batas ini berakhir dalam {{count}} jam; teks Anda tetap ada di bawah.',
      hours_other:
        'Pada hari pertamanya, sebuah akun boleh mengajukan {{max}} pertanyaan. Batas ini berakhir dalam {{count}} jam; teks Anda tetap ada di bawah.',
    },
    firstDayAnswers: {
      seconds_one:
        'Pada hari pertamanya, sebuah akun boleh mengirim {{max}} jawaban. Batas ini berakhir dalam {{count}} detik; teks Anda tetap ada di bawah.',
      seconds_other:
        'Pada hari pertamanya, sebuah akun boleh mengirim {{max}} jawaban. Batas ini berakhir dalam {{count}} detik; teks Anda tetap ada di bawah.',
      minutes_one:
        'Pada hari pertamanya, sebuah akun boleh mengirim {{max}} jawaban. Batas ini berakhir dalam {{count}} menit; teks Anda tetap ada di bawah.',
      minutes_other:
        'Pada hari pertamanya, sebuah akun boleh mengirim {{max}} jawaban. Batas ini berakhir dalam {{count}} menit; teks Anda tetap ada di bawah.',
      hours_one:
        'Pada hari pertamanya, sebuah akun boleh mengirim {{max}} jawaban. Batas ini berakhir dalam {{count}} jam; teks Anda tetap ada di bawah.',
      hours_other:
        'Pada hari pertamanya, sebuah akun boleh mengirim {{max}} jawaban. Batas ini berakhir dalam {{count}} jam; teks Anda tetap ada di bawah.',
    },
  },
  held: {
    question:
      'Pertanyaan Anda sedang menunggu moderator. Orang lain belum dapat melihatnya sampai disetujui; biasanya dalam sehari.',
    answer:
      'Jawaban Anda sedang menunggu moderator. Orang lain belum dapat melihatnya sampai disetujui; biasanya dalam sehari.',
    moderator: 'Ditahan untuk ditinjau sebelum ada yang melihatnya: {{reasons}}.',
  },
  rules: {
    firstPost: 'kiriman pertama akun baru',
    newAccountLinks: 'tautan dari akun baru',
    repeated: 'teks yang sama sudah dikirim dalam sehari terakhir',
    blockedWords: 'memuat kata yang diblokir',
    burst: 'banyak kiriman dalam beberapa menit',
    edit: 'suntingan pada kiriman yang sudah bisa dilihat orang lain',
  },
  review: {
    held: 'Ditahan oleh aturan spam',
    reasons: 'Alasan ditahan',
    score: 'Skor spam {{score}}',
    approve: 'Setujui dan terbitkan',
    approveHint:
      'Kiriman baru diterbitkan seolah-olah baru dikirim: pengikut diberi tahu dan kiriman dapat dicari. Suntingan yang ditahan menampilkan kembali kirimannya seperti semula.',
    onlyApproveOrDelete: 'Kiriman yang ditahan hanya dapat disetujui atau dihapus.',
  },
  reputation: {
    heading: 'Reputasi',
    summary: '{{name}} memiliki {{count}} reputasi. Setiap perubahannya tercantum di bawah.',
    empty: 'Belum ada yang menambah atau mengurangi reputasi.',
    on: 'pada',
    reasons: {
      upvote: 'Mendapat suara naik',
      downvote: 'Mendapat suara turun',
      voteRemoved: 'Suara ditarik',
      accepted: 'Jawaban diterima',
      unaccepted: 'Penerimaan dibatalkan',
      postDeleted: 'Kiriman dihapus',
      postRestored: 'Kiriman dipulihkan',
      imported: 'Reputasi yang dibawa dari situs yang diimpor',
      opening: 'Reputasi yang diperoleh sebelum riwayat ini mulai dicatat',
    },
    deletedPost: 'kiriman yang telah dihapus',
    title: 'Reputasi {{name}} · Tanya',
    link: 'Dari mana reputasi ini',
    back: 'Kembali ke profil',
  },
  profile: {
    level: 'Tingkat kepercayaan: {{level}}',
  },
  manage: {
    heading: 'Tingkat kepercayaan',
    current: 'Tingkat kepercayaan {{level}} ({{name}}), dihitung dari aktivitas.',
    locked: 'Tingkat kepercayaan {{level}} ({{name}}), dikunci oleh moderator.',
    level: 'Kunci pada tingkat',
    unlock: 'Dihitung dari aktivitas (tanpa kunci)',
    submit: 'Simpan tingkat kepercayaan',
    saved: 'Tingkat kepercayaan telah disimpan.',
    helperHeading: 'Relawan',
    isHelper:
      'Orang ini relawan: ia melihat antrean relawan, menutup duplikat, dan dapat mengeskalasi pertanyaan.',
    notHelper:
      'Relawan melihat antrean relawan, menutup duplikat, dan dapat mengeskalasi pertanyaan.',
    makeHelper: 'Jadikan relawan',
    removeHelper: 'Cabut peran relawan',
    helperSaved: 'Peran telah diubah.',
    reason: 'Alasan (untuk log audit)',
    validation: {
      level: 'Pilih tingkat 0 sampai 4, atau tanpa kunci',
    },
  },
  spam: {
    title: 'Aturan spam · Tanya',
    heading: 'Aturan spam',
    lead: 'Kiriman yang terjaring aturan ini menunggu di antrean tinjauan sebelum ada yang melihatnya.',
    holdFirstPosts: 'Tahan kiriman pertama akun baru untuk moderator',
    words: 'Kata dan frasa yang diblokir',
    wordsHint:
      'Satu per baris. Kiriman yang memuat salah satunya ditahan untuk ditinjau. Paling banyak {{max}}.',
    submit: 'Simpan aturan spam',
    saved: 'Aturan spam telah disimpan.',
    validation: {
      tooMany: 'Paling banyak {{max}} kata atau frasa',
      tooLong: 'Setiap kata atau frasa paling banyak {{max}} karakter',
    },
  },
}

export default trust
