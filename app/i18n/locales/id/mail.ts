import type en from '../en/mail'
import type { Translation } from '../../keys'

/** Kata-kata e-mail, pilihan notifikasi, ikuti, halaman berhenti langganan dan kotak keluar admin. */
const mail: Translation<typeof en> = {
  types: {
    questionAnswered: {
      label: 'Jawaban untuk pertanyaan saya',
      hint: 'Ada yang menjawab pertanyaan yang Anda ajukan.',
    },
    answerAccepted: {
      label: 'Jawaban saya dipilih',
      hint: 'Penanya menerima jawaban Anda.',
    },
    questionClosedDuplicate: {
      label: 'Pertanyaan saya ditutup sebagai duplikat',
      hint: 'Pertanyaan Anda sudah punya jawaban di tempat lain.',
    },
    questionEscalated: {
      label: 'Pertanyaan yang dieskalasi',
      hint: 'Untuk staf: pertanyaan menunggu terlalu lama dan diteruskan ke Anda.',
    },
    questionAssigned: {
      label: 'Pertanyaan yang ditugaskan ke saya',
      hint: 'Untuk staf: rekan menyerahkan pertanyaan kepada Anda.',
    },
    questionAcknowledged: {
      label: 'Tim kami menangani pertanyaan saya',
      hint: 'Staf sudah mengambil pertanyaan yang Anda ajukan.',
    },
    followedNewQuestion: {
      label: 'Pertanyaan baru di yang saya ikuti',
      hint: 'Pertanyaan baru di tag atau kategori yang Anda ikuti.',
    },
    followedNewAnswer: {
      label: 'Jawaban baru di yang saya ikuti',
      hint: 'Jawaban baru di utas yang Anda ikuti.',
    },
    mention: {
      label: 'Saya disebut',
      hint: 'Ada yang menulis @handle Anda di sebuah tulisan.',
    },
    questionClosed: {
      label: 'Pertanyaan saya ditutup',
      hint: 'Moderator menutup pertanyaan yang Anda ajukan, beserta alasannya.',
    },
    surveyRequested: {
      label: 'Survei setelah pertanyaan saya terjawab tuntas',
      hint: 'Dua pertanyaan singkat tentang bantuan yang Anda terima, setelah pertanyaan Anda terjawab tuntas.',
    },
    acceptReminder: {
      label: 'Pengingat untuk menerima jawaban',
      hint: 'Pertanyaan Anda sudah dijawab tetapi belum ada yang dipilih: setelah 3 hari, dan sekali lagi setelah 7 hari.',
    },
    questionLocked: {
      label: 'Pertanyaan saya dikunci',
      hint: 'Moderator mengunci utas yang Anda mulai, beserta alasannya.',
    },
    questionMerged: {
      label: 'Pertanyaan saya digabungkan',
      hint: 'Moderator menggabungkan pertanyaan yang Anda ajukan atau ikuti ke pertanyaan sama yang lebih dulu ada; jawabannya ikut pindah.',
    },
    templateAutomationOff: {
      label: 'Jawaban otomatis dimatikan (staf)',
      hint: 'Template balasan berhenti menjawab sendiri karena tingkat penuntasannya turun.',
    },
    moderationSanctioned: {
      label: 'Moderator menindak akun saya',
      hint: 'Peringatan, atau pembatasan akun Anda, beserta alasan dan kapan berakhirnya.',
    },
    postHiddenByFlags: {
      label: 'Tulisan saya disembunyikan karena ditandai',
      hint: 'Anggota menandai salah satu tulisan Anda dan tulisan itu menunggu moderator; Anda tetap bisa mengubahnya.',
    },
  },
  inApp: {
    escalated: 'Dieskalasi ke Anda (tingkat {{level}})',
    followedQuestion: 'Pertanyaan baru di yang Anda ikuti',
    followedAnswer: '{{who}} menjawab utas yang Anda ikuti',
    mention: '{{who}} menyebut Anda',
  },
  message: {
    greeting: 'Halo {{name}},',
    openThread: 'Buka utasnya',
    openDesk: 'Buka meja eskalasi',
    why: 'Anda menerima e-mail ini sesuai pilihan notifikasi Anda di {{site}}.',
    whyAlways:
      'Anda menerima e-mail ini karena isinya menyangkut akun atau salah satu tulisan Anda di {{site}}. Pesan seperti ini selalu dikirim dan tidak bisa dimatikan.',
    manage: 'Atur e-mail yang Anda terima',
    unsubscribe: 'Berhenti menerima e-mail seperti ini',
    answered: {
      subject: 'Jawaban baru untuk “{{title}}”',
      text: '{{who}} menjawab pertanyaan Anda “{{title}}”:',
    },
    accepted: {
      subject: 'Jawaban Anda dipilih: “{{title}}”',
      text: '{{who}} menerima jawaban Anda untuk “{{title}}”. Terima kasih sudah membantu.',
    },
    duplicate: {
      subject: 'Pertanyaan Anda ditutup sebagai duplikat: “{{title}}”',
      text: '{{who}} menutup pertanyaan Anda “{{title}}” sebagai duplikat. Jawabannya mungkin sudah ada di “{{original}}”.',
      original: 'Buka “{{original}}”',
    },
    escalated: {
      subject: 'Eskalasi (tingkat {{level}}): “{{title}}”',
      text: 'Pertanyaan “{{title}}” di {{category}} perlu ditangani staf sekarang.',
      why: 'Alasannya: {{reason}}',
      note: 'Kata mereka: “{{note}}”',
      waited: 'Pertanyaan ini sudah menunggu {{duration}} tanpa tanggapan.',
      level1:
        'Anda sedang piket, jadi pertanyaan ini datang ke Anda lebih dulu. Tandai sudah ditangani di meja eskalasi supaya penanya tahu ada yang mengurusnya.',
      level2:
        'Belum ada yang menanganinya tepat waktu, jadi sekarang diteruskan ke semua staf dan admin.',
    },
    escalatedMany: {
      subject_one: '{{count}} pertanyaan dieskalasi ke Anda (tingkat {{level}})',
      subject_other: '{{count}} pertanyaan dieskalasi ke Anda (tingkat {{level}})',
      text_one:
        '{{count}} pertanyaan perlu ditangani staf sekarang. Pertanyaan ini melewati target tanggapannya atau diteruskan ke staf secara manual.',
      text_other:
        '{{count}} pertanyaan perlu ditangani staf sekarang. Pertanyaan-pertanyaan ini melewati target tanggapannya atau diteruskan ke staf secara manual.',
      item: '“{{title}}”, menunggu {{duration}}',
      open: 'Buka meja staf',
    },
    reasons: {
      sla: 'melewati target waktu tanggapan kategorinya',
      manual: 'seorang relawan atau moderator meneruskannya ke staf',
      unacknowledged: 'eskalasi pertama tidak ditangani tepat waktu',
      other: '{{reason}}',
    },
    assigned: {
      subject: 'Ditugaskan ke Anda: “{{title}}”',
      text: '{{who}} menugaskan pertanyaan “{{title}}” kepada Anda.',
    },
    acknowledged: {
      subject: 'Tim kami sedang menangani “{{title}}”',
      text: 'Anggota tim dukungan kami sudah mengambil pertanyaan Anda “{{title}}” dan akan menjawabnya.',
    },
    followedQuestion: {
      subject: 'Pertanyaan baru di {{where}}: “{{title}}”',
      text: '{{who}} bertanya “{{title}}” di {{where}}, yang Anda ikuti:',
    },
    followedAnswer: {
      subject: 'Jawaban baru di “{{title}}”',
      text: '{{who}} menjawab “{{title}}”, utas yang Anda ikuti:',
    },
    mention: {
      subject: '{{who}} menyebut Anda di “{{title}}”',
      text: '{{who}} menyebut Anda di “{{title}}”:',
    },
    hiddenByFlags: {
      subject: 'Tulisan Anda di “{{title}}” disembunyikan sampai moderator memeriksanya',
      text: 'Anggota menandai tulisan Anda di “{{title}}”, jadi tulisan itu disembunyikan dari orang lain sampai moderator memeriksanya. Anda tetap bisa membuka dan mengubahnya.',
    },
    sanctioned: {
      subject: 'Pesan dari moderator',
      text: 'Moderator telah mengambil tindakan atas akun Anda. Notifikasi Anda di situs menjelaskan artinya dan sampai kapan.',
      open: 'Buka notifikasi Anda',
    },
    digest: {
      subject_one: 'Ringkasan harian Anda: {{count}} kabar baru',
      subject_other: 'Ringkasan harian Anda: {{count}} kabar baru',
      intro: 'Ini yang terjadi sejak ringkasan terakhir Anda:',
      more_one: '…dan {{count}} lainnya. Lihat semuanya di halaman notifikasi.',
      more_other: '…dan {{count}} lainnya. Lihat semuanya di halaman notifikasi.',
      openNotifications: 'Buka notifikasi Anda',
    },
    someone: 'Seseorang',
    tag: 'tag “{{name}}”',
    minutes_one: '{{count}} menit',
    minutes_other: '{{count}} menit',
    hours_one: '{{count}} jam',
    hours_other: '{{count}} jam',
    hoursMinutes: '{{hours}} {{minutes}}',
  },
  settings: {
    meta: 'Pilihan notifikasi · Tanya',
    title: 'Pilihan notifikasi',
    menu: 'Pilihan notifikasi',
    lead: 'Untuk tiap jenis kabar, pilih apakah tampil di situs ini dan apakah dikirim lewat e-mail: langsung, dalam satu ringkasan harian, atau tidak sama sekali.',
    kind: 'Jenis',
    inApp: 'Di situs',
    email: 'Lewat e-mail',
    instant: 'Langsung',
    digest: 'Ringkasan harian',
    off: 'Mati',
    save: 'Simpan pilihan',
    invalid:
      'Untuk tiap jenis, pilih apakah e-mail dikirim langsung, harian, atau tidak sama sekali.',
    saved: 'Pilihan Anda sudah disimpan.',
    noEmail:
      'Akun Anda tidak punya alamat e-mail yang bisa kami kirimi, jadi tidak ada e-mail yang dikirim.',
    follows: 'Yang Anda ikuti',
    followsLead:
      'Pertanyaan baru di tag dan kategori yang Anda ikuti, serta jawaban baru di utas yang Anda ikuti, sampai ke Anda sesuai pilihan di atas.',
    followsEmpty:
      'Anda belum mengikuti apa pun. Gunakan “Ikuti” pada pertanyaan, tag, atau kategori.',
    thread: 'Utas',
    tag: 'Tag',
    category: 'Kategori',
    unfollow: 'Berhenti mengikuti',
    unfollowNamed: 'Berhenti mengikuti {{name}}',
    unfollowed: 'Anda tidak lagi mengikuti {{name}}.',
    fromNotifications: 'Atur kabar apa yang Anda terima dan caranya',
  },
  follow: {
    follow: 'Ikuti',
    unfollow: 'Berhenti mengikuti',
    followQuestion: 'Ikuti pertanyaan ini',
    unfollowQuestion: 'Berhenti mengikuti pertanyaan ini',
    followTag: 'Ikuti tag {{name}}',
    unfollowTag: 'Berhenti mengikuti tag {{name}}',
    followCategory: 'Ikuti {{name}}',
    unfollowCategory: 'Berhenti mengikuti {{name}}',
    following: 'Anda mengikuti ini: tulisan baru sampai ke Anda sesuai pilihan notifikasi Anda.',
  },
  unsubscribe: {
    meta: 'Berhenti langganan · Tanya',
    title: 'Berhenti langganan',
    confirm: 'Hentikan e-mail tentang “{{kind}}” ke {{email}}?',
    confirmDigest: 'Hentikan e-mail ringkasan harian ke {{email}}?',
    button: 'Berhenti langganan',
    all: 'Berhenti dari semua e-mail',
    allHint:
      'Notifikasi di situs tetap tampil, dan Anda bisa menyalakan e-mail lagi di pilihan notifikasi.',
    done: 'Beres: tidak ada lagi e-mail tentang “{{kind}}”.',
    doneDigest: 'Beres: tidak ada lagi e-mail ringkasan harian.',
    doneAll:
      'Beres: kami tidak akan mengirim e-mail notifikasi lagi. Hanya pesan tentang akun atau tulisan Anda (tindakan moderator, tulisan yang disembunyikan karena ditandai) yang tetap dikirim, karena yang itu tidak bisa dimatikan.',
    alwaysSent:
      'E-mail tentang “{{kind}}” memberi tahu apa yang terjadi pada akun atau tulisan Anda. E-mail ini selalu dikirim dan tidak bisa dimatikan.',
    invalid:
      'Tautan berhenti langganan ini tidak berlaku. Mungkin tautannya terpotong: coba salin seluruh tautan dari e-mail, atau masuk dan ubah pilihan notifikasi Anda.',
    manage: 'Ubah pilihan notifikasi Anda',
    digestKind: 'Ringkasan harian',
  },
  outbox: {
    meta: 'Kotak keluar · Tanya',
    title: 'Kotak keluar',
    lead: 'Setiap e-mail dari situs menunggu di sini sampai tugas pengiriman menyerahkannya ke server e-mail, dan tetap tersimpan sesudahnya.',
    noSmtp:
      'Server e-mail belum diatur (SMTP_URL), jadi pesan tetap menunggu. Anda bisa membacanya di sini.',
    filter: 'Tampilkan',
    all: 'Semua',
    statuses: {
      pending: 'Menunggu',
      sent: 'Terkirim',
      dead: 'Gagal permanen',
    },
    counts: 'Jumlah pesan per status',
    empty: 'Tidak ada pesan di sini.',
    to: 'Kepada',
    subject: 'Subjek',
    status: 'Status',
    created: 'Masuk antrean',
    attempts_one: '{{count}} percobaan',
    attempts_other: '{{count}} percobaan',
    nextAttempt: 'Percobaan berikutnya',
    sentAt: 'Terkirim',
    lastError: 'Galat terakhir',
    kind: 'Jenis',
    language: 'Bahasa',
    open: 'Baca',
    retry: 'Coba kirim sekarang',
    retried: 'Pesan akan dikirim pada putaran pengiriman berikutnya.',
    back: 'Kembali ke kotak keluar',
    message: 'Pesan {{id}}',
    textVersion: 'Teks biasa',
    htmlVersion: 'HTML, seperti yang dilihat penerima',
    headers: 'Header',
  },
  admin: {
    meta: 'Administrasi · Tanya',
    title: 'Administrasi',
    lead: 'Alat untuk mengelola situs yang terbuka untuk peran Anda.',
    menu: 'Administrasi',
    outbox: 'Kotak keluar',
    outboxHint: 'E-mail yang menunggu dikirim, sudah terkirim, atau gagal; baca pesan mana pun.',
    search: 'Sinonim pencarian',
    searchHint: 'Kata-kata yang harus saling menemukan dalam pencarian.',
    spam: 'Aturan spam',
    spamHint: 'Kata yang diblokir, dan apakah kiriman pertama akun baru menunggu moderator.',
    sla: 'Target tanggapan',
    slaHint: 'Berapa lama tiap kategori boleh menunggu tanggapan sebelum dieskalasi.',
    rota: 'Jadwal piket',
    rotaHint: 'Siapa yang menerima eskalasi, dan kapan.',
    desk: 'Meja eskalasi',
    deskHint: 'Pertanyaan yang dieskalasi dan ditugaskan, menunggu staf.',
    review: 'Antrean tinjauan',
    reviewHint: 'Tulisan bertanda yang menunggu keputusan moderator.',
    dashboard: 'Dasbor dukungan',
    dashboardHint:
      'Waktu tanggapan, kepuasan, otomatisasi, defleksi, dan eskalasi, dengan tren dan CSV.',
    audit: 'Log audit',
    auditHint: 'Setiap tindakan moderator dan admin, beserta alasannya.',
    users: 'Pengguna',
    usersHint: 'Cari akun, ubah peran, lihat sanksi dan tanda, ekspor data seseorang.',
    templates: 'Template balasan',
    templatesHint:
      'Balasan tersimpan, seberapa berhasil masing-masing, dan mana yang menjawab otomatis.',
  },
}

export default mail
