import type en from '../en/replies'
import type { Translation } from '../../keys'

/** Kata-kata area ini dalam Bahasa Indonesia (lihat ../id.ts). */
const replies: Translation<typeof en> = {
  meta: {
    list: 'Template balasan · Tanya',
    new: 'Template balasan baru · Tanya',
    edit: 'Ubah “{{title}}” · Tanya',
  },
  page: {
    title: 'Template balasan',
    lead: 'Balasan tersimpan untuk jawaban yang kita berikan berulang kali. Setiap template menunjukkan hasilnya: seberapa sering dipakai, seberapa sering menuntaskan utas, nilai dari penanya, dan apa yang masih mereka tanyakan sesudahnya.',
    new: 'Template baru',
    newTitle: 'Template balasan baru',
    editTitle: 'Ubah template balasan',
    back: '← Semua template',
    empty:
      'Belum ada template. Tulis yang pertama, atau sertakan sebagai berkas di content/replies.',
    shipped: 'bawaan situs',
    shippedHint:
      'Template ini bawaan situs. Setelah Anda menyimpannya di sini, versi Anda tetap dipakai walaupun berkas bawaannya berubah.',
  },
  visibility: {
    public: 'Relawan dan staf',
    staff: 'Khusus staf',
  },
  languages: { en: 'Bahasa Inggris', id: 'Bahasa Indonesia' },
  form: {
    title: 'Judul',
    category: 'Kategori',
    anyCategory: 'Semua kategori',
    tags: 'Tag',
    tagsHint: 'Paling banyak 5, dipisah spasi atau koma. Tag membantu menemukan template.',
    visibility: 'Siapa yang boleh memakai',
    language: 'Bahasa',
    body: 'Teks',
    bodyHint:
      'Markdown. Variabel, masing-masing dengan cadangan setelah garis tegak: {{variables}} (tautan artikel).',
    create: 'Buat template',
    save: 'Simpan template',
  },
  validation: {
    titleMin: 'Beri judul template minimal {{min}} karakter.',
    titleMax: 'Judul paling panjang {{max}} karakter.',
    bodyMin: 'Tulis minimal {{min}} karakter.',
    bodyMax: 'Teks paling panjang {{max}} karakter.',
    unknownVariable:
      'Variabel tidak dikenal: {{names}}. Gunakan asker.name, question.title, helper.name, atau kb:alamat-artikel.',
    unknownArticle: 'Tidak ada artikel terbit dengan alamat: {{slugs}}.',
    category: 'Pilih kategori dari daftar.',
    visibility: 'Pilih siapa yang boleh memakai template ini.',
    minRate: 'Masukkan persentase bulat dari 50 sampai 100.',
    minUses: 'Masukkan jumlah pemakaian bulat dari 1 sampai 1000.',
  },
  figures: {
    uses: 'Dipakai',
    closureRate: 'Tingkat penuntasan',
    ofDecided_one: 'dari {{count}} pemakaian terhitung',
    ofDecided_other: 'dari {{count}} pemakaian terhitung',
    definition:
      'Sebuah pemakaian terhitung begitu ia menuntaskan utasnya (jawabannya dipilih, atau penanya memberi nilai 4 atau 5) atau begitu umurnya 7 hari. Tingkat penuntasan = pemakaian yang tuntas ÷ pemakaian terhitung.',
    rating: 'Nilai rata-rata',
    ratings_one: '{{count}} penilaian',
    ratings_other: '{{count}} penilaian',
    edited: 'Teks yang diubah sebelum dikirim',
  },
  automation: {
    on: 'Menjawab pertanyaan baru secara otomatis',
    start: 'Jawab otomatis',
    stop: 'Hentikan jawaban otomatis',
    tooFewUses:
      'Belum otomatis: perlu {{minUses}} pemakaian terhitung untuk dinilai, baru ada {{decided}}.',
    rateTooLow:
      'Belum otomatis: tingkat penuntasannya {{rate}}, di bawah {{minRate}} yang disyaratkan.',
  },
  refused: {
    tooFewUses: 'Template ini belum cukup sering dipakai untuk menjawab sendiri.',
    rateTooLow: 'Template ini belum cukup sering menuntaskan utas untuk menjawab sendiri.',
  },
  settings: {
    title: 'Kapan template boleh menjawab sendiri',
    lead: 'Template boleh menjawab pertanyaan baru secara otomatis hanya jika tingkat penuntasannya mencapai angka di bawah, setelah dipakai paling tidak sebanyak jumlah di bawah. Jika nanti tingkatnya turun di bawah angka itu, jawaban otomatis mati sendiri dan staf diberi tahu di sini.',
    minRate: 'Tingkat penuntasan yang disyaratkan (%)',
    minUses: 'Jumlah pemakaian terhitung yang disyaratkan',
    save: 'Simpan batas',
  },
  notices: {
    title: 'Pemberitahuan',
    switchedOff:
      'Jawaban otomatis dengan “{{title}}” dimatikan: tingkat penuntasannya turun menjadi {{rate}}.',
  },
  trend: {
    caption:
      '12 minggu terakhir: batang adalah pemakaian, garis adalah tingkat penuntasan pemakaian tiap minggu.',
    table: 'Angka per minggu',
    tableCaption: 'Pemakaian dan utas tuntas per minggu untuk “{{title}}”',
    week: 'Minggu mulai',
    uses: 'Dipakai',
    closed: 'Tuntas (dari pemakaian terhitung)',
  },
  improve: {
    title: 'Yang perlu diperbaiki',
    none: 'Belum ada penanya yang kembali dengan pertanyaan lanjutan setelah template ini.',
  },
  picker: {
    summary_one: 'Sisipkan template balasan ({{count}})',
    summary_other: 'Sisipkan template balasan ({{count}})',
    search: 'Cari template',
    searchHint:
      'Ketik untuk mempersempit daftar; tombol panah untuk berpindah, Enter memilih yang pertama.',
    listLabel: 'Template balasan',
    noMatch: 'Tidak ada template yang cocok.',
    chosen: 'Disisipkan dari template “{{title}}”. Baca dan ubah yang perlu sebelum mengirim.',
    remove: 'Mulai lagi tanpa template',
  },
  suggestion: {
    label: 'Saran otomatis.',
    explain:
      'Dikirim oleh Tanya karena cocok dengan pertanyaan Anda. Tim tetap akan menjawab jika ini tidak membantu.',
    ask: 'Apakah ini menjawab pertanyaan Anda?',
    solved: 'Ini menyelesaikan masalah saya',
    needHelp: 'Saya masih butuh bantuan',
    declinedByYou: 'Anda bilang masih butuh bantuan: seseorang dari tim akan menjawab Anda.',
    declined: 'Penanya bilang saran ini belum menyelesaikan masalahnya.',
  },
  notifications: {
    automationOff: 'Jawaban otomatis dengan “{{title}}” dimatikan: tingkat penuntasannya turun.',
  },
  mail: {
    automationOffSubject: 'Jawaban otomatis dengan “{{template}}” dimatikan',
    automationOffText:
      'Template balasan “{{template}}” tidak lagi menjawab pertanyaan baru sendiri: tingkat penuntasannya turun menjadi {{rate, number}}%, di bawah syarat jawaban otomatis. Lihat apa yang ditanyakan penanya setelahnya sebelum menyalakannya lagi.',
    openTemplates: 'Buka template',
  },
  auto: {
    articleBody:
      'Artikel di pusat bantuan kami ini mungkin menjawab pertanyaan Anda: [{{title}}]({{href}})\n\n> {{summary}}',
  },
}

export default replies
