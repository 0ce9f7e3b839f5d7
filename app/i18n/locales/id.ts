import type { Translation } from '../keys'
import questions from './id/questions'
import community from './id/community'
import kb from './id/kb'
import search from './id/search'
import escalation from './id/escalation'
import desk from './id/desk'
import mail from './id/mail'
import privacy from './id/privacy'
import moderation from './id/moderation'
import flags from './id/flags'
import audit from './id/audit'
import accounts from './id/accounts'
import trust from './id/trust'
import threads from './id/threads'
import replies from './id/replies'
import dashboard from './id/dashboard'

/**
 * Antarmuka dalam Bahasa Indonesia: kunci yang sama dengan `en.ts`, kalimatnya ditulis untuk
 * pembaca Indonesia, bukan diterjemahkan kata per kata.
 */
const id: { common: Translation } = {
  common: {
    // Each area's words live in a file of their own, beside the layout's below.
    questions,
    community,
    kb,
    search,
    escalation,
    desk,
    mail,
    privacy,
    moderation,
    flags,
    audit,
    accounts,
    trust,
    threads,
    replies,
    dashboard,
    site: {
      name: 'Tanya',
      tagline: 'Komunitas Kopi Nusantara',
      title: 'Tanya · Komunitas Kopi Nusantara',
      description:
        'Tanya jawab seputar pesanan, pengiriman, pembayaran, dan cara seduh di Kopi Nusantara.',
      skipToContent: 'Langsung ke isi',
      footer:
        'Tanya — dukungan komunitas Kopi Nusantara. Saling menghargai, ya; jawaban dibagikan dengan lisensi CC BY-SA 4.0.',
    },
    nav: {
      main: 'Menu utama',
      questions: 'Pertanyaan',
      kb: 'Pusat bantuan',
      tags: 'Tag',
      ask: 'Ajukan pertanyaan',
      siteSearch: 'Cari di situs',
      search: 'Cari',
      searchPlaceholder: 'Cari jawaban…',
      notifications: 'Notifikasi',
      unread: 'belum dibaca',
      account: 'Akun',
      logIn: 'Masuk',
      signUp: 'Daftar',
      logOut: 'Keluar',
      logOutEverywhere: 'Keluar dari semua perangkat',
      logOutEverywhereHint:
        '“Semua perangkat” mengakhiri sesi Anda di mana pun, termasuk di perangkat ini.',
    },
    language: {
      label: 'Bahasa / Language',
      switch: 'Ganti',
      switcher: 'Pilih bahasa',
    },
    roles: {
      member: 'anggota',
      helper: 'relawan',
      moderator: 'moderator',
      staff: 'staf',
      admin: 'admin',
    },
    time: {
      justNow: 'baru saja',
      utc: '{{time}} UTC',
    },
    pagination: {
      label: 'Halaman',
      previous: '← Sebelumnya',
      next: 'Berikutnya →',
      page: 'Halaman {{page}}',
    },
    forms: {
      markdownHint: 'Markdown: **tebal**, _miring_, `kode`, daftar, tautan, tabel.',
      preview: 'Pratinjau',
      previewEmpty: 'Mulai mengetik untuk melihat tampilan tulisan Anda.',
      optional: 'opsional',
    },
    errors: {
      title400: 'Permintaan itu tidak bisa kami pahami',
      text400: 'Periksa lagi yang Anda kirim, lalu coba sekali lagi.',
      title403: 'Anda tidak punya izin untuk itu',
      text403:
        'Akun Anda tidak punya izin untuk tindakan ini. Kalau menurut Anda seharusnya boleh, tanyakan ke moderator.',
      title404: 'Halaman itu tidak kami temukan',
      text404: 'Mungkin sudah dipindahkan atau dihapus, atau alamatnya salah ketik.',
      title409: 'Keadaannya sudah berubah',
      text409: 'Ada orang lain yang lebih dulu. Muat ulang halaman untuk melihat keadaan terbaru.',
      title415: 'Itu tidak dikirim dari formulir kami',
      text415: 'Kembali ke halamannya, isi formulir di sana, lalu kirim lagi.',
      title429: 'Pelan-pelan dulu, ya',
      text429: 'Terlalu banyak permintaan dalam waktu singkat. Tunggu sebentar, lalu coba lagi.',
      title500: 'Ada masalah di pihak kami',
      text500: 'Kesalahannya sudah kami catat. Coba lagi sebentar lagi.',
      homeOrBrowse: '<home>Ke beranda</home> atau <browse>lihat pertanyaan</browse>.',
      notFound: {
        question: 'Pertanyaan tidak ditemukan',
        answer: 'Jawaban tidak ditemukan',
        article: 'Artikel tidak ditemukan',
        candidate: 'Usulan artikel tidak ditemukan',
        user: 'Pengguna tidak ditemukan',
        category: 'Kategori tidak ditemukan',
        page: 'Halaman tidak ditemukan',
      },
      forbidden: 'Anda tidak punya izin untuk itu',
      tooManySeconds_one: 'Terlalu banyak percobaan. Tunggu {{count}} detik, lalu coba lagi.',
      tooManySeconds_other: 'Terlalu banyak percobaan. Tunggu {{count}} detik, lalu coba lagi.',
      tooManyMinutes_one: 'Terlalu banyak percobaan. Tunggu {{count}} menit, lalu coba lagi.',
      tooManyMinutes_other: 'Terlalu banyak percobaan. Tunggu {{count}} menit, lalu coba lagi.',
      unknownAction: 'Formulir itu meminta sesuatu yang tidak bisa dilakukan halaman ini.',
      notAForm: 'Kirim formulir ini dari halamannya, ya.',
      unreadableForm: 'Formulirnya tidak terbaca. Kirim lagi dari halamannya.',
      plain: {
        back: 'Kembali ke Tanya',
        unreadableText:
          'Alamat atau data yang dikirim tidak bisa dibaca. Periksa lagi tautannya, ya.',
        forgedTitle: 'Permintaan ditolak',
        forgedText:
          'Formulir ini dikirim dari situs lain, jadi tidak kami terima. Kembali ke halaman sebelumnya, muat ulang, lalu coba lagi.',
        methodTitle: 'Metode tidak diizinkan',
        methodText: 'Situs ini hanya menerima permintaan {{methods}}.',
        badRequestTitle: 'Permintaan tidak valid',
        notAPage: 'Tujuan permintaan itu bukan sebuah halaman.',
        notAProxy:
          'Server ini hanya melayani halamannya sendiri; permintaan ke situs lain tidak diteruskan.',
        lengthTitle: 'Ukuran data wajib disebutkan',
        lengthText: 'Permintaan yang membawa data harus menyebutkan ukurannya.',
        tooLargeTitle: 'Kirimannya terlalu besar',
        tooLargeText:
          'Data yang Anda kirim lebih dari {{size, number}} KB. Tulisan paling panjang {{characters, number}} karakter; silakan dipersingkat.',
      },
    },
    auth: {
      logInTitle: 'Masuk',
      logInButton: 'Masuk',
      loggingIn: 'Sedang masuk…',
      email: 'E-mail',
      password: 'Kata sandi',
      newHere: 'Baru di sini? <go>Buat akun</go>',
      signedOut_one: 'Anda sudah keluar dari semua perangkat: {{count}} sesi diakhiri.',
      signedOut_other: 'Anda sudah keluar dari semua perangkat: {{count}} sesi diakhiri.',
      signedUp:
        'Akun Anda sudah siap: masuk dengan e-mail dan kata sandi yang Anda pilih. Kalau e-mail itu ternyata sudah punya akun, masuk dengan kata sandi akun tersebut.',
      signUpTitle: 'Buat akun Anda',
      signUpLead: 'Ajukan pertanyaan, bantu jawab pertanyaan orang lain, dan pantau pesanan Anda.',
      handle: 'Nama pengguna',
      handleHint:
        '3 sampai 20 karakter: huruf, angka, dan _. Ini juga alamat profil Anda: /users/nama.',
      displayName: 'Nama tampilan',
      displayNameHint: 'Nama yang dilihat orang di samping tulisan Anda.',
      passwordHint:
        'Minimal 10 karakter. Beberapa kata yang tidak saling berhubungan sudah cukup kuat.',
      createAccount: 'Buat akun',
      creatingAccount: 'Sedang membuat akun…',
      haveAccount: 'Sudah punya akun? <go>Masuk</go>',
      logInMeta: 'Masuk · Tanya',
      signUpMeta: 'Daftar · Tanya',
      noMatch: 'E-mail dan kata sandi itu tidak cocok dengan akun mana pun.',
      handleTaken: 'Nama pengguna ini sudah dipakai; coba yang lain',
      emailRequired: 'Masukkan alamat e-mail Anda',
      emailTooLong: 'Alamat e-mail paling panjang 254 karakter',
      emailInvalid: 'Masukkan alamat e-mail yang benar, misalnya nama@contoh.com',
      handleMin: 'Nama pengguna minimal 3 karakter',
      handleMax: 'Nama pengguna paling panjang 20 karakter',
      handlePattern: 'Gunakan huruf, angka, dan _ saja',
      displayNameRequired: 'Masukkan nama yang akan dilihat orang',
      displayNameMax: 'Nama paling panjang 50 karakter',
      passwordMin: 'Kata sandi minimal 10 karakter',
      passwordMax: 'Kata sandi paling panjang 200 karakter',
      passwordRequired: 'Masukkan kata sandi Anda',
    },
  },
}

export default id
