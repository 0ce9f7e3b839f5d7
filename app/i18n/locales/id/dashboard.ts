import type en from '../en/dashboard'
import type { Translation } from '../../keys'

/** Kata-kata area ini dalam Bahasa Indonesia (lihat ../id.ts). */
const dashboard: Translation<typeof en> = {
  survey: {
    meta: 'Survei Anda: {{title}} · Tanya',
    title: 'Bagaimana bantuan kami?',
    lead: 'Pertanyaan Anda sudah terjawab tuntas. Dua pertanyaan singkat membantu kami membantu orang berikutnya.',
    ratingQuestion: 'Seberapa puas Anda dengan bantuan yang Anda terima?',
    ratings: {
      r1: 'Sangat tidak puas',
      r2: 'Tidak puas',
      r3: 'Biasa saja',
      r4: 'Puas',
      r5: 'Sangat puas',
    },
    commentQuestion: 'Apa yang bisa kami lakukan lebih baik?',
    commentHint: 'Tidak wajib, paling banyak {{max}} karakter.',
    send: 'Kirim jawaban saya',
    change: 'Ubah jawaban saya',
    answered:
      'Terima kasih: Anda memberi nilai {{rating}} dari 5. Anda masih bisa mengubah jawaban sampai {{date}}.',
    thanks:
      'Terima kasih: nilai {{rating}} dari 5 sudah tersimpan. Anda masih bisa mengubahnya di bawah.',
    closedNotice:
      'Survei ini sudah ditutup: jawaban dapat diberikan atau diubah selama 7 hari setelah pertanyaan terjawab tuntas.',
    closedAnswered: 'Anda memberi nilai {{rating}} dari 5. Terima kasih.',
    closedUnanswered: 'Survei untuk pertanyaan ini sudah ditutup.',
    badLink: 'Tautan survei ini tidak berlaku. Buka pertanyaannya di situs untuk mengisi survei.',
    chooseRating: 'Pilih nilai dari 1 sampai 5.',
    commentMax: 'Paling banyak {{max}} karakter.',
  },
  accept: {
    title: 'Pilih jawaban ini sebagai solusi?',
    answerBy: 'Jawaban dari {{author}}',
    confirm:
      'Jika jawaban ini menyelesaikan masalah Anda, pilihlah sebagai solusi: orang lain dengan pertanyaan yang sama akan menemukannya lebih dulu.',
    button: 'Ya, pilih jawaban ini',
    done: 'Sudah dipilih. Terima kasih!',
    already: 'Jawaban ini sudah dipilih.',
    openThread: 'Buka pertanyaannya',
    expired:
      'Tautan ini sudah tidak berlaku: jawaban tidak bisa lagi dipilih dengan cara ini, atau tautannya lebih dari 14 hari. Silakan buka pertanyaannya di situs.',
    badLink: 'Tautan ini tidak berlaku.',
  },
  thread: {
    answersClosed_one:
      'Pertanyaan ini sudah terjawab tuntas dan tidak menerima jawaban baru sejak {{date}} ({{count}} hari setelah terjawab). Jika Anda masih butuh bantuan, ajukan pertanyaan baru.',
    answersClosed_other:
      'Pertanyaan ini sudah terjawab tuntas dan tidak menerima jawaban baru sejak {{date}} ({{count}} hari setelah terjawab). Jika Anda masih butuh bantuan, ajukan pertanyaan baru.',
  },
  notifications: {
    survey: 'Pertanyaan Anda terjawab tuntas: bagaimana bantuan kami?',
    reminder: 'Pertanyaan Anda sudah dijawab: apakah ada yang menyelesaikannya?',
  },
  mail: {
    survey: {
      subject: 'Terjawab tuntas: bagaimana bantuan kami untuk “{{title}}”?',
      text: 'Pertanyaan Anda “{{title}}” sudah terjawab tuntas. Kami ingin tahu bagaimana bantuannya.',
      open: 'Jawab kedua pertanyaan',
    },
    reminder: {
      subject: 'Apakah ada jawaban yang menyelesaikan “{{title}}”?',
      text_one:
        'Pertanyaan Anda “{{title}}” sudah mendapat {{count}} jawaban, tetapi belum ada yang dipilih.',
      text_other:
        'Pertanyaan Anda “{{title}}” sudah mendapat {{count}} jawaban, tetapi belum ada yang dipilih.',
      how: 'Jika salah satunya menyelesaikan masalah Anda, pilihlah sebagai solusi: orang lain dengan pertanyaan yang sama akan menemukan solusinya lebih dulu. Setiap tautan di bawah menampilkan jawabannya dan meminta konfirmasi sebelum memilih apa pun.',
      item: 'Pilih jawaban dari {{author}}: “{{excerpt}}”',
    },
  },
  page: {
    meta: 'Dasbor dukungan · Tanya',
    title: 'Dasbor dukungan',
    lead: 'Pertanyaan yang diajukan dari {{from}} sampai {{to}}. Semua angka dihitung dari log peristiwa; riwayat hasil impor tidak pernah dihitung.',
    leadPerson: 'Kerja {{name}} pada pertanyaan yang diajukan dari {{from}} sampai {{to}}.',
    summary: 'Angka utama',
    csv: 'CSV',
    trendCsv: 'Unduh semua tren sebagai CSV',
    definition: 'Cara menghitung:',
  },
  filters: {
    label: 'Saring dasbor',
    from: 'Dari',
    to: 'Sampai',
    category: 'Kategori',
    allCategories: 'Semua kategori',
    person: 'Orang',
    personHint: 'nama pengguna',
    show: 'Tampilkan',
    unknownPerson: 'Tidak ada yang memakai nama pengguna ini, jadi angkanya untuk semua orang.',
  },
  cards: {
    frt: 'Tanggapan pertama, median',
    waiting_one: '{{value}} pertanyaan masih menunggu',
    waiting_other: '{{value}} pertanyaan masih menunggu',
    csat: 'Kepuasan (CSAT)',
    answers_one: '{{value}} jawaban survei',
    answers_other: '{{value}} jawaban survei',
    resolution: 'Waktu penyelesaian, median',
    solved_one: '{{value}} pertanyaan terjawab tuntas',
    solved_other: '{{value}} pertanyaan terjawab tuntas',
    automatic: 'Diselesaikan otomatis',
    ofSolved: '{{part}} dari {{whole}} yang terjawab tuntas',
    deflection: 'Defleksi',
    visits_one: '{{value}} kunjungan formulir bertanya dengan saran',
    visits_other: '{{value}} kunjungan formulir bertanya dengan saran',
    notPersonal: 'Tidak dihitung per orang.',
    escalations: 'Eskalasi',
    breaches_one: '{{value}} target tanggapan terlewat',
    breaches_other: '{{value}} target tanggapan terlewat',
  },
  table: {
    figure: 'Angka',
    median: 'Median',
    p90: 'Persentil ke-90',
    measured: 'Terukur',
    person: 'Orang',
  },
  frt: {
    title: 'Waktu tanggapan pertama',
    caption_one: '{{value}} pertanyaan diajukan dalam rentang ini',
    caption_other: '{{value}} pertanyaan diajukan dalam rentang ini',
    who: 'Tanggapan oleh',
    all: 'Siapa saja',
    community: 'Komunitas',
    staff: 'Staf',
    medianAlways: 'Median, 24/7',
    p90Always: 'Persentil 90, 24/7',
    medianBusiness: 'Median, jam kerja',
    p90Business: 'Persentil 90, jam kerja',
    waiting: 'Belum mendapat tanggapan',
  },
  escalated: {
    title: 'Tanggapan staf pertama setelah eskalasi',
    row: 'Eskalasi → tanggapan staf',
    waiting: 'Dieskalasi, belum ada tanggapan staf',
  },
  resolution: {
    title: 'Waktu penyelesaian',
    row: 'Diajukan → jawaban dipilih',
    waiting: 'Belum terjawab tuntas',
  },
  csat: {
    title: 'Kepuasan pelanggan (CSAT)',
    caption_one: '{{rate}} puas, dari {{value}} jawaban',
    caption_other: '{{rate}} puas, dari {{value}} jawaban',
    rating: 'Nilai',
    answers: 'Jawaban',
  },
  automatic: {
    title: 'Tingkat penyelesaian otomatis',
    figure:
      '{{rate}}: {{part}} dari {{whole}} pertanyaan yang terjawab tuntas diselesaikan oleh jawaban otomatis.',
  },
  deflection: {
    title: 'Defleksi',
    figure:
      '{{rate}}: {{part}} dari {{whole}} kunjungan formulir bertanya yang menampilkan saran berakhir tanpa pertanyaan ({{pending}} kunjungan dari 24 jam terakhir belum dihitung).',
  },
  escalations: {
    title: 'Eskalasi dan target yang terlewat',
    escalated: 'Dieskalasi ke staf',
    level2: 'Dinaikkan ke semua orang (tingkat 2)',
    breaches: 'Target tanggapan terlewat',
    acknowledged: 'Ditanggapi staf',
  },
  onCall: {
    title: 'Beban piket',
    escalated: 'Dieskalasi kepadanya',
    acknowledged: 'Ditanggapi olehnya',
    empty: 'Tidak ada eskalasi dalam rentang ini.',
  },
  states: {
    title: 'Pertanyaan menurut status',
    open: 'Terbuka (belum ada tanggapan)',
    answered: 'Dijawab, belum tuntas',
    solved: 'Terjawab tuntas',
    closed: 'Ditutup',
  },
  templates: {
    title: 'Template balasan',
    template: 'Template',
    uses: 'Dipakai',
    decided: 'Terhitung',
    closed: 'Tuntas',
    closureRate: 'Tingkat penuntasan',
    rating: 'Nilai rata-rata',
    ratings: 'Penilaian',
    empty: 'Tidak ada template balasan yang dipakai dalam rentang ini.',
  },
  helpers: {
    title: 'Penolong teratas',
    accepted: 'Jawaban terpilih',
    answers: 'Jawaban',
    empty: 'Belum ada yang menjawab dalam rentang ini.',
  },
  charts: {
    frtMedian: 'Waktu tanggapan pertama, median',
    resolutionMedian: 'Waktu penyelesaian, median',
    csatRate: 'Porsi puas (CSAT)',
    automaticRate: 'Tingkat penyelesaian otomatis',
    deflectionRate: 'Tingkat defleksi',
    escalations: 'Eskalasi',
    asked: 'Pertanyaan diajukan',
  },
  chart: {
    showTable: 'Tampilkan angkanya',
    period: 'Periode mulai',
    value: 'Nilai',
    empty: 'Tidak ada yang bisa ditampilkan dalam rentang ini.',
    summary: 'Dari {{first}} sampai {{last}}; nilai tertinggi {{max}}.',
  },
  definitions: {
    frt: 'waktu sejak pertanyaan diajukan sampai tanggapan pertamanya: jawaban yang terlihat dari orang selain penanya, bukan dari otomatisasi. Dihitung atas pertanyaan yang diajukan dalam rentang ini; yang belum mendapat tanggapan dihitung terpisah, tidak pernah dibuang. Komunitas berarti tanggapan dari orang yang bukan staf; jam kerja hanya menghitung jam buka kategori pertanyaannya (kategori tanpa jam buka tidak ikut dihitung).',
    afterEscalation:
      'untuk pertanyaan yang diajukan dalam rentang ini dan dieskalasi, waktu sejak eskalasi pertama sampai jawaban staf pertama sesudahnya.',
    resolution:
      'waktu sejak pertanyaan diajukan sampai jawabannya dipilih (jawaban yang terpilih pada akhir rentang ini).',
    csat: 'porsi jawaban survei dalam rentang ini yang memberi nilai 4 atau 5 dari 5; jika penanya mengubah jawabannya, yang terbaru yang dihitung.',
    automatic:
      'pertanyaan terjawab tuntas yang jawaban terpilihnya dikirim oleh otomatisasi (balasan otomatis atau saran basis pengetahuan yang ditandai penanya sebagai solusi), dibagi semua pertanyaan terjawab tuntas yang diajukan dalam rentang ini.',
    deflection:
      'kunjungan formulir bertanya tempat pengunjung membuka saran dan tidak mengajukan pertanyaan dalam 24 jam, dibagi semua kunjungan formulir bertanya yang menampilkan saran.',
    escalations:
      'eskalasi ke staf, kenaikan ke semua orang, target tanggapan yang terlewat, dan tanggapan staf yang terjadi dalam rentang ini.',
    onCall:
      'per anggota staf, eskalasi yang masuk kepadanya saat piket, dan eskalasi yang ditanggapinya, dalam rentang ini.',
    states: 'posisi saat ini dari pertanyaan yang diajukan dalam rentang ini.',
    helpers:
      'jawaban terpilih dan jawaban (bukan otomatis, bukan milik penanya sendiri) yang diposting dalam rentang ini, per orang; sepuluh teratas.',
    templates:
      'jawaban yang diposting dari tiap template balasan dalam rentang ini (oleh siapa pun, atau otomatis), dengan hasilnya sejauh ini. Sebuah pemakaian terhitung begitu ia menuntaskan utasnya (jawabannya dipilih, atau penanya memberi nilai 4 atau 5) atau begitu umurnya 7 hari; tingkat penuntasan = pemakaian yang tuntas ÷ pemakaian terhitung. Nilai rata-rata dihitung atas pemakaian yang survei penanyanya sudah dijawab.',
  },
  csv: {
    unknownTable: 'Tabel itu tidak ada.',
    medianMinutes: 'Median (menit)',
    p90Minutes: 'Persentil ke-90 (menit)',
    clock: 'Jam',
    satisfiedShare: 'Porsi puas',
    solved: 'Terjawab tuntas',
    automatic: 'Otomatis',
    share: 'Porsi',
    visits: 'Kunjungan',
    showed: 'Menampilkan saran',
    deflected: 'Terdefleksi',
    pending: 'Belum dihitung',
    handle: 'Nama pengguna',
    state: 'Status',
    questions: 'Pertanyaan',
    frtMedianMinutes: 'Tanggapan pertama, median (menit)',
    resolutionMedianMinutes: 'Waktu penyelesaian, median (menit)',
    closureShare: 'Tingkat penuntasan (pecahan)',
  },
  settings: {
    meta: 'Pengaturan dukungan · Tanya',
    title: 'Pengaturan dukungan',
    link: 'Pengaturan',
    back: 'Kembali ke dasbor',
    solvedCloseDays:
      'Jumlah hari setelah pertanyaan terjawab tuntas tidak lagi menerima jawaban baru',
    solvedCloseDaysHint:
      '0 membuat pertanyaan yang terjawab tuntas tetap terbuka untuk jawaban. Utasnya menjelaskan mengapa ditutup.',
    daysInvalid: 'Masukkan jumlah hari berupa bilangan bulat dari 0 sampai 3650.',
    save: 'Simpan',
    saved: 'Tersimpan.',
  },
  own: {
    title: 'Angka Anda, {{days}} hari terakhir',
    lead: 'Hanya Anda yang melihat ini.',
    answers: 'Jawaban',
    accepted: 'Jawaban terpilih',
    firstAnswer: 'Jawaban Anda, sejak pertanyaan diajukan (median)',
    csat: 'Kepuasan pada pertanyaan yang diselesaikan jawaban Anda',
  },
}

export default dashboard
