import type en from '../en/flags'
import type { Translation } from '../../keys'

/** Kata-kata penandaan (flag) dan antrean tinjauan, dalam Bahasa Indonesia. */
const flags: Translation<typeof en> = {
  reasons: {
    spam: 'Spam',
    rude: 'Kasar atau menghina',
    offTopic: 'Di luar topik',
    needsStaff: 'Perlu ditangani staf',
    other: 'Alasan lain',
  },
  reasonHints: {
    spam: 'Iklan, atau tautan yang tidak ada hubungannya dengan pertanyaan.',
    rude: 'Hinaan, pelecehan, atau ujaran kebencian.',
    offTopic: 'Bukan soal produk kami atau komunitas ini.',
    needsStaff: 'Hanya tim kami yang bisa membereskannya: akun, pesanan, atau galat.',
    other: 'Jelaskan masalahnya di catatan.',
  },
  form: {
    summary: 'Tandai',
    whyQuestion: 'Kenapa moderator perlu melihat pertanyaan ini?',
    whyAnswer: 'Kenapa moderator perlu melihat jawaban ini?',
    note: 'Keterangan untuk moderator',
    noteHint: 'Wajib diisi untuk “Alasan lain”. Paling banyak {{max}} karakter.',
    submit: 'Laporkan ke moderator',
    thanks: 'Terima kasih. Moderator akan memeriksa tulisan yang Anda tandai.',
  },
  validation: {
    reason: 'Pilih alasannya',
    noteMax: 'Paling banyak {{max}} karakter',
    noteNeeded: 'Jelaskan singkat apa masalahnya',
  },
  errors: {
    already: 'Anda sudah menandai tulisan ini.',
    limitHours_one:
      'Jatah {{max}} tanda Anda hari ini sudah habis. Anda bisa menandai lagi dalam {{count}} jam.',
    limitHours_other:
      'Jatah {{max}} tanda Anda hari ini sudah habis. Anda bisa menandai lagi dalam {{count}} jam.',
    limitMinutes_one:
      'Jatah {{max}} tanda Anda hari ini sudah habis. Anda bisa menandai lagi dalam {{count}} menit.',
    limitMinutes_other:
      'Jatah {{max}} tanda Anda hari ini sudah habis. Anda bisa menandai lagi dalam {{count}} menit.',
  },
  notifications: {
    questionHidden:
      'Pertanyaan Anda disembunyikan karena ditandai anggota komunitas ({{why}}) sampai moderator memeriksanya. Anda tetap bisa membuka dan mengubahnya',
    answerHidden:
      'Jawaban Anda disembunyikan karena ditandai anggota komunitas ({{why}}) sampai moderator memeriksanya. Anda tetap bisa membuka dan mengubahnya',
  },
  review: {
    nav: {
      link: 'Tinjauan',
      pending_one: '{{count}} tulisan bertanda menunggu tinjauan',
      pending_other: '{{count}} tulisan bertanda menunggu tinjauan',
    },
    page: {
      meta: 'Antrean tinjauan · Tanya',
      heading: 'Antrean tinjauan',
      intro:
        'Tulisan yang ditandai, dari yang paling lama. Ambil dulu sebuah item sebelum memutuskannya, supaya tidak ada moderator lain yang mengerjakannya bersamaan.',
      empty: 'Tidak ada yang perlu ditinjau. Tulisan yang ditandai orang akan muncul di sini.',
      emptyFiltered: 'Tidak ada tulisan bertanda yang cocok dengan saringan ini.',
      total_one: '{{value}} item',
      total_other: '{{value}} item',
      filters: 'Saring antrean',
      reason: 'Alasan',
      anyReason: 'Semua alasan',
      kind: 'Jenis',
      anyKind: 'Pertanyaan dan jawaban',
      questions: 'Pertanyaan',
      answers: 'Jawaban',
      showAll: 'Tampilkan semua tulisan bertanda',
      apply: 'Saring',
    },
    item: {
      question: 'Pertanyaan dari {{name}}',
      answer: 'Jawaban dari {{name}}',
      on: 'Di “{{title}}”',
      open: 'Buka utasnya',
      score_one: 'Skor {{score}} dari {{count}} tanda',
      score_other: 'Skor {{score}} dari {{count}} tanda',
      firstFlagged: 'Pertama ditandai',
      hiddenByFlags: 'Disembunyikan karena tanda',
      hidden: 'Disembunyikan',
      deleted: 'Dihapus',
      banned: 'Penulis diblokir',
      flags: 'Tanda',
      weight: 'bobot {{weight}}',
      claimedByYou: 'Anda sedang meninjau ini; klaim Anda berakhir {{time}}.',
      claimedBy: '{{name}} sedang meninjau ini; klaimnya berakhir {{time}}.',
    },
    actions: {
      label: 'Putuskan',
      claim: 'Ambil',
      release: 'Lepaskan',
      approve: 'Setujui: biarkan tampil',
      ignore: 'Abaikan tandanya',
      hide: 'Sembunyikan…',
      delete: 'Hapus…',
      whyHide: 'Kenapa disembunyikan?',
      whyDelete: 'Kenapa dihapus?',
      submitHide: 'Sembunyikan tulisan',
      submitDelete: 'Hapus tulisan',
      spammer: 'Hapus spammer…',
      spammerWarning:
        'Semua tulisan {{name}} akan disembunyikan dan akunnya diblokir; semua sesinya langsung berakhir.',
      spammerReason: 'Alasan pemblokiran (orangnya akan membaca ini)',
      spammerSubmit: 'Sembunyikan semua tulisan dan blokir',
      restore: 'Pulihkan…',
      restoreDeleted:
        'Tulisan ini sudah dihapus. Jika dipulihkan, semua orang bisa melihatnya lagi dan tandanya ditolak.',
      restoreHidden:
        'Tulisan ini sedang disembunyikan. Jika dipulihkan, semua orang bisa melihatnya lagi dan tandanya ditolak.',
      restoreSubmit: 'Pulihkan tulisan',
      edit: 'Sunting',
      editQuestion: 'Sunting pertanyaan dari {{name}}',
      editAnswer: 'Sunting jawaban dari {{name}}',
    },
    done: {
      claimed: 'Item ini milik Anda selama {{count}} menit.',
      released: 'Anda melepaskan item ini.',
      approve: 'Disetujui: tulisan tetap tampil dan tandanya ditolak.',
      ignore: 'Tandanya diabaikan; tidak ada yang berubah.',
      hide: 'Tulisan sudah disembunyikan.',
      delete: 'Tulisan sudah dihapus.',
      spammer: 'Semua tulisan penulisnya disembunyikan dan akunnya diblokir.',
      restore: 'Tulisan sudah tampil lagi untuk semua orang, dan tandanya ditolak.',
      edited: 'Suntingan Anda tersimpan. Item ini tetap di antrean sampai ada yang memutuskannya.',
    },
    errors: {
      decided: 'Item ini sudah diputuskan orang lain.',
      notRemoved:
        'Tulisan ini tidak sedang dihapus atau disembunyikan, jadi tidak ada yang perlu dipulihkan.',
      claimed_one:
        '{{name}} sedang meninjau item ini. Coba lagi dalam {{count}} menit, atau pilih item lain.',
      claimed_other:
        '{{name}} sedang meninjau item ini. Coba lagi dalam {{count}} menit, atau pilih item lain.',
    },
  },
}

export default flags
