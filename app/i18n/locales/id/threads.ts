import type en from '../en/threads'
import type { Translation } from '../../keys'

/** Kata-kata area ini dalam Bahasa Indonesia (lihat ../id.ts). */
const threads: Translation<typeof en> = {
  merge: {
    heading: 'Gabungkan ke pertanyaan asli',
    into: 'Gabungkan ke pertanyaan',
    intoHint:
      'Nomor atau tautannya. Jawaban pertanyaan ini pindah ke sana beserta penulis, suara, dan riwayatnya, dan alamat ini akan mengarah ke sana mulai sekarang.',
    note: 'Catatan untuk log (opsional)',
    submit: 'Gabungkan',
    notVisible:
      'Pertanyaan itu disembunyikan, dihapus, privat, atau sudah digabungkan: jawaban yang digabung ke sana akan hilang dari pembaca. Pilih pertanyaan publik.',
  },
  audit: {
    merged: 'Digabungkan ke pertanyaan #{{original}} (jawaban dipindahkan: {{count}})',
  },
  notifications: {
    merged: '{{who}} menggabungkan pertanyaan Anda “{{title}}” ke utas ini, beserta jawabannya',
    warned: 'Moderator memberi Anda peringatan',
    silenced: 'Akun Anda hanya-baca sampai <when></when>',
    suspended: 'Akun Anda ditangguhkan sampai <when></when>',
    banned: 'Akun Anda diblokir',
    sanctionedForGood: 'Moderator membatasi akun Anda',
    reason: 'Alasan: “{{reason}}”',
    readWhy: 'Baca selengkapnya di halaman status akun Anda',
  },
  mail: {
    mergedSubject: 'Pertanyaan Anda digabungkan: {{title}}',
    mergedText:
      '{{who}} menilai pertanyaan Anda “{{duplicate}}” sama dengan “{{title}}” lalu menggabungkannya. Jawabannya sekarang ada di sana, dan tautan lamanya mengarah ke sana.',
    sanctionedWarned: 'Moderator mengirimi Anda peringatan.',
    sanctionedSilenced:
      'Moderator membuat akun Anda hanya-baca sampai {{until}}: Anda masih bisa membaca dan menghapus kiriman sendiri, tetapi tidak bisa mengirim, menyunting, atau memberi suara.',
    sanctionedSuspended:
      'Moderator menangguhkan akun Anda sampai {{until}}. Sampai saat itu Anda tidak bisa masuk.',
    sanctionedBanned: 'Moderator memblokir akun Anda.',
    reason: 'Alasan: “{{reason}}”',
    openStanding: 'Baca selengkapnya di halaman status akun Anda',
  },
  personalData: {
    kinds: {
      email: 'alamat e-mail',
      phone: 'nomor telepon',
      order: 'nomor pesanan',
      card: 'nomor kartu',
    },
    heading: 'Sepertinya ini data pribadi',
    found: 'Semua orang bisa membaca kiriman ini. Sepertinya ada {{what}} di dalamnya: {{items}}.',
    why: 'Siapa pun bisa menyalinnya dari halaman publik. Tim kami tidak pernah memerlukannya di depan umum: tanyakan secara privat dan hanya staf yang akan melihatnya.',
    typing: 'Hati-hati: sepertinya ini {{what}}. Semua orang bisa membaca kiriman ini.',
    editOut: 'Hapus dulu',
    postAnyway: 'Kirim saja',
    askPrivately: 'Tanyakan secara privat',
    and: '{{first}} dan {{last}}',
  },
}

export default threads
