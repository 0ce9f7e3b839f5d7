import type en from '../en/moderation'
import type { Translation } from '../../keys'

/** Kata-kata moderasi akun: peringatan, bisukan, tangguhkan, blokir. */
const moderation: Translation<typeof en> = {
  validation: {
    kind: 'Pilih tindakannya',
    days: 'Masukkan jumlah hari dari 1 sampai {{max}}',
    reasonRequired: 'Tulis alasannya singkat: orangnya akan membaca ini',
    reasonTooLong: 'Paling banyak {{max}} karakter',
  },
  errors: {
    alreadyLifted: 'Sanksi ini sudah berakhir atau sudah dicabut.',
  },
  kinds: {
    warn: 'Peringatkan',
    silence: 'Bisukan (hanya baca)',
    suspend: 'Tangguhkan',
    ban: 'Blokir',
  },
  kindHints: {
    warn: 'Pesan yang dicatat: orangnya membacanya di halaman status akunnya.',
    silence:
      'Ia tetap bisa membaca dan menghapus tulisannya sendiri, tetapi tidak bisa menulis, mengubah, memberi suara, atau memoderasi selama hari yang Anda tentukan.',
    suspend: 'Ia langsung dikeluarkan dan tidak bisa masuk sampai masanya habis.',
    ban: 'Dikeluarkan untuk seterusnya, sampai ada yang mencabut blokirnya.',
  },
  page: {
    title: 'Moderasi {{name}} · Tanya',
    heading: 'Moderasi {{name}}',
    ownHeading: 'Status akun Anda',
    back: 'Kembali ke profil',
    inForce: 'Berlaku sekarang',
    none: 'Tidak ada sanksi yang berlaku.',
    history: 'Riwayat',
    noHistory: 'Belum ada catatan apa pun untuk akun ini.',
    newSanction: 'Sanksi baru',
    kind: 'Tindakan',
    days: 'Berapa hari',
    daysHint: 'Hanya untuk bisukan dan tangguhkan.',
    reason: 'Alasan',
    reasonHint: 'Orangnya membaca alasan ini, begitu juga moderator lain.',
    submit: 'Terapkan',
    lift: 'Cabut',
    liftLabel: 'Cabut {{kind}} sejak {{date}}',
    applied: 'Selesai: orangnya sudah diberi tahu.',
    lifted: 'Dicabut.',
    by: 'oleh {{name}}',
    until: 'sampai <when></when>',
    forGood: 'sampai dicabut',
    liftedOn: 'dicabut <when></when>',
    ended: 'berakhir',
    moderate: 'Moderasi akun ini',
    yourStanding: 'Status akun Anda',
  },
  spammer: {
    heading: 'Hapus spammer',
    intro:
      'Untuk akun yang hanya mengirim spam: semua tulisan {{name}} disembunyikan, semua tanda yang menunggu tentang dia diputuskan, akunnya diblokir, dan semua sesinya langsung berakhir.',
    reason: 'Mengapa diblokir sebagai spammer?',
    reasonHint: 'Orangnya akan membaca ini, dan alasannya dicatat di log audit.',
    next: 'Lanjut…',
    confirmTitle: 'Hapus {{name}} sebagai spammer?',
    questions_one: '{{value}} pertanyaan akan disembunyikan',
    questions_other: '{{value}} pertanyaan akan disembunyikan',
    answers_one: '{{value}} jawaban akan disembunyikan',
    answers_other: '{{value}} jawaban akan disembunyikan',
    items_one: '{{value}} tulisan bertanda di antrean tinjauan akan diputuskan',
    items_other: '{{value}} tulisan bertanda di antrean tinjauan akan diputuskan',
    ban: 'Akunnya akan diblokir dan dikeluarkan dari semua perangkat',
    reasonShown: 'Alasan:',
    confirm: 'Sembunyikan semua tulisan dan blokir',
    cancel: 'Batal',
    done: 'Semua tulisan orang ini disembunyikan dan akunnya diblokir.',
  },
  notice: {
    readOnly:
      'Akun Anda hanya bisa membaca sampai <when></when>: Anda bisa membaca dan menghapus tulisan sendiri, tetapi tidak bisa menulis, mengubah, atau memberi suara. Alasan: “{{reason}}”.',
    details: 'Rincian',
    suspended: 'Akun ini ditangguhkan sampai {{until}}. Alasan: “{{reason}}”.',
    banned: 'Akun ini diblokir. Alasan: “{{reason}}”.',
    warned: 'Moderator memperingatkan Anda: “{{reason}}”.',
  },
}

export default moderation
