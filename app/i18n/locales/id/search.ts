import type en from '../en/search'
import type { Translation } from '../../keys'

/** Kata-kata halaman pencarian dan saran di formulir bertanya, dalam Bahasa Indonesia. */
const search: Translation<typeof en> = {
  meta: {
    title: 'Pencarian · Tanya',
    withQuery: '“{{q}}” · Pencarian · Tanya',
  },
  page: {
    heading: 'Cari',
    resultsHeading: 'Hasil pencarian',
    intro:
      'Sekali cari, hasilnya mencakup pusat bantuan dan semua diskusi komunitas. Tulis kendala Anda dalam beberapa kata, misalnya <first>{{one}}</first> atau <second>{{two}}</second>.',
    exampleOne: 'pengembalian dana GoPay',
    exampleTwo: 'lacak resi JNE',
    nothingFound: 'Tidak ada hasil untuk “{{q}}”',
    nothingFiltered:
      'Tidak ada yang cocok dengan filter ini. Coba hapus filternya, atau pakai lebih sedikit kata.',
    nothingTryOther:
      'Coba kata lain, atau lebih sedikit kata. Kalau jawabannya belum ada, komunitas siap membantu.',
    ask: 'Tanyakan ke komunitas',
    notWhatYouWanted: 'Belum menemukan yang Anda cari? <ask>Tanyakan ke komunitas</ask>.',
  },
  form: {
    label: 'Cari dengan filter',
    search: 'Cari',
    placeholder: 'mis. refund ke GoPay, lacak resi JNE, V60 terasa asam',
    button: 'Cari',
    filters: 'Filter',
    show: 'Tampilkan',
    types: {
      all: 'Semua',
      kb: 'Pusat bantuan',
      threads: 'Diskusi komunitas',
    },
    category: 'Kategori',
    allCategories: 'Semua kategori',
    tag: 'Tag',
    tagPlaceholder: 'mis. gopay',
    threads: 'Diskusi',
    solvedAny: 'Selesai atau belum',
    solvedOnly: 'Hanya yang selesai',
    unsolved: 'Belum selesai',
    apply: 'Terapkan filter',
    clear: 'Hapus filter',
  },
  results: {
    kbHeading: 'Pusat bantuan',
    articles_one: '{{n}} artikel',
    articles_other: '{{n}} artikel',
    article: 'Artikel',
    allArticles: 'Lihat semua {{n}} artikel yang cocok →',
    threadsHeading: 'Diskusi komunitas',
    threads_one: '{{n}} diskusi',
    threads_other: '{{n}} diskusi',
    noThreads: 'Tidak ada diskusi yang cocok.',
    noThreadsFiltered: 'Tidak ada diskusi yang cocok dengan filter ini.',
    acceptedAnswer: 'Jawaban terpilih:',
    answers_one: '{{count}} jawaban',
    answers_other: '{{count}} jawaban',
  },
  notices: {
    longQuery_one: 'Pencariannya terlalu panjang: hanya kata pertama yang dipakai.',
    longQuery_other: 'Pencariannya terlalu panjang: hanya {{count}} kata pertama yang dipakai.',
    noneHasAll:
      'Tidak ada diskusi yang memuat semua kata Anda; yang tampil di bawah memuat sebagian kata.',
    fewHaveAll_one:
      'Hanya satu diskusi yang memuat semua kata Anda (ditampilkan paling atas); sisanya memuat sebagian kata.',
    fewHaveAll_other:
      'Hanya {{count}} diskusi yang memuat semua kata Anda (ditampilkan paling atas); sisanya memuat sebagian kata.',
    noWords:
      'Tidak ada kata yang bisa dicari dari situ. Coba beberapa kata biasa, misalnya “pengembalian dana GoPay” atau “lacak resi JNE”.',
    kbNoWords: 'Tidak ada kata yang bisa dicari dari situ. Coba beberapa kata biasa.',
    kbLoading: 'Artikel pusat bantuan masih dimuat; coba cari lagi sebentar lagi untuk melihatnya.',
    prefixUsed:
      'Bila tidak ada yang memuat kata “{{word}}” secara utuh, ditampilkan hasil dengan kata yang diawali kata itu.',
    failed:
      'Pencarian itu tidak bisa dijalankan. Coba dengan kata yang lebih sedikit atau lebih sederhana.',
  },
  suggest: {
    found_one: '{{count}} saran jawaban di bawah judul',
    found_other: '{{count}} saran jawaban di bawah judul',
    title: 'Mungkin ini sudah menjawabnya',
    newTab: 'Setiap tautan terbuka di tab baru, jadi pertanyaan Anda tetap aman di sini.',
    listLabel: 'Saran jawaban',
    nothing:
      'Belum ada yang cocok di pusat bantuan maupun di diskusi yang sudah terjawab. Silakan kirim pertanyaan Anda.',
    threadDetail_one: '{{category}} · {{count}} jawaban',
    threadDetail_other: '{{category}} · {{count}} jawaban',
  },
  synonyms: {
    meta: 'Sinonim pencarian · Tanya',
    menu: 'Sinonim pencarian',
    title: 'Sinonim pencarian',
    lead: 'Kata-kata berbeda yang dipakai orang untuk hal yang sama. Mencari salah satu kata dalam satu grup juga menemukan tulisan dengan kata lainnya, ke dua arah: “ongkir” menemukan “ongkos kirim”, begitu juga sebaliknya.',
    saved:
      'Tersimpan. Pencarian langsung memakai daftar baru; diskusi yang sudah ada diindeks ulang di latar belakang, beberapa detik sampai beberapa menit di situs yang besar.',
    reindexing: 'Diskusi sedang diindeks ulang dengan daftar terbaru.',
    label: 'Grup sinonim',
    hint: 'Satu grup per baris, kata atau frasanya dipisahkan koma, misalnya “resi, nomor resi, tracking number”. Setiap kata atau frasa hanya boleh ada di satu grup.',
    custom: 'Ini daftar buatan Anda sendiri.',
    shipped: 'Ini daftar bawaan Tanya.',
    save: 'Simpan sinonim',
    reset: 'Kembalikan daftar bawaan',
    errors: {
      tooLong: 'Daftarnya jangan lebih dari {{max}} karakter',
      tooFew: 'Baris {{line}}: satu grup perlu dua kata atau frasa atau lebih, dipisahkan koma',
      tooMany: 'Baris {{line}}: satu grup paling banyak berisi {{max}} anggota',
      memberTooLong: 'Baris {{line}}: “{{member}}…” lebih panjang dari {{max}} karakter',
      noLetters: 'Baris {{line}}: “{{member}}” tidak punya huruf atau angka untuk dicari',
      tooManyWords: 'Baris {{line}}: “{{member}}” lebih dari {{max}} kata',
      elsewhere: 'Baris {{line}}: “{{member}}” sudah ada di grup pada baris {{earlier}}',
      notDifferent: 'Baris {{line}}: satu grup perlu dua kata atau frasa yang berbeda',
      tooManyGroups: 'Gunakan paling banyak {{max}} grup',
    },
  },
  postLanguage: {
    label: 'Bahasa',
    hint: 'Peramban dan pembaca layar membaca tulisan ini dalam bahasa tersebut.',
    auto: 'Deteksi otomatis',
    en: 'Bahasa Inggris',
    id: 'Bahasa Indonesia',
    invalid: 'Pilih bahasa, atau biarkan terdeteksi otomatis',
  },
  didYouMean: 'Maksud Anda <go>{{correction}}</go>?',
  quick: {
    listLabel: 'Saran',
    found_one: '{{count}} saran. Pilih dengan panah atas dan bawah, buka dengan Enter.',
    found_other: '{{count}} saran. Pilih dengan panah atas dan bawah, buka dengan Enter.',
    none: 'Tidak ada saran. Tekan Enter untuk mencari.',
    article: 'Artikel',
    thread: 'Diskusi',
    tooLong: 'Kata pencarian paling panjang {{max}} karakter',
    oneQuery: 'Kirim satu pencarian (q) saja, jangan beberapa',
  },
  tagLookup: {
    onePrefix: 'Kirim satu awalan tag (q) saja, jangan beberapa',
    tooLong: 'Tag paling panjang {{max}} karakter',
  },
}

export default search
