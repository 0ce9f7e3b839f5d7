import type en from '../en/privacy'
import type { Translation } from '../../keys'

/** Kata-kata pertanyaan pribadi dan antrean para relawan, dalam Bahasa Indonesia. */
const privacy: Translation<typeof en> = {
  ask: {
    legend: 'Siapa yang bisa melihat pertanyaan ini?',
    public: 'Publik — siapa saja bisa membaca dan menjawab',
    publicHint:
      'Paling pas kalau orang lain mungkin punya pertanyaan yang sama: jawabannya ikut membantu mereka.',
    private: 'Pribadi — hanya Anda dan staf kami',
    privateHint:
      'Untuk nomor pesanan, alamat, atau hal pribadi lainnya. Tidak pernah muncul di pencarian, daftar, atau profil Anda bagi orang lain.',
    invalid: 'Pilih publik atau pribadi.',
  },
  badge: {
    private: 'Pribadi',
    privateLabel: 'Pertanyaan pribadi: hanya penanya dan staf yang bisa melihatnya',
  },
  page: {
    askerNotice: 'Hanya Anda dan staf kami yang bisa melihat pertanyaan ini beserta jawabannya.',
    staffNotice: 'Pertanyaan pribadi: hanya penanya dan staf yang bisa melihat dan menjawabnya.',
    consentIntro:
      'Kalau jawabannya bisa membantu pelanggan lain, Anda boleh mengizinkan staf kami memublikasikan pertanyaan ini. Pastikan dulu tidak ada data pribadi di dalamnya.',
    consentGiven: 'Anda sudah mengizinkan staf kami memublikasikan pertanyaan ini.',
    allow: 'Izinkan staf memublikasikan pertanyaan ini',
    withdraw: 'Batalkan izin',
    staffConsent: 'Penanya sudah mengizinkan pertanyaan ini dipublikasikan.',
    staffNoConsent:
      'Penanya belum mengizinkan pertanyaan ini dipublikasikan. Tombol “Jadikan publik” aktif setelah ada izinnya.',
    makePublic: 'Jadikan publik',
  },
  errors: {
    alreadyPublic: 'Pertanyaan ini sudah publik.',
    noConsent: 'Hanya bisa dengan izin penanya, dan penanya belum memberikannya.',
    unknownAction: 'Formulir ini tidak melakukan itu.',
  },
  queue: {
    meta: 'Perlu jawaban · Tanya',
    nav: 'Antrean',
    heading: 'Perlu jawaban',
    lead: 'Pertanyaan publik di tag dan kategori yang Anda ikuti yang masih menunggu tanggapan, dari yang paling lama.',
    filters: 'Saring antrean',
    category: 'Kategori',
    tag: 'Tag',
    anyCategory: 'Semua yang saya ikuti',
    anyTag: 'Semua yang saya ikuti',
    apply: 'Tampilkan',
    clear: 'Hapus saringan',
    count_one: '{{value}} pertanyaan menunggu',
    count_other: '{{value}} pertanyaan menunggu',
    waited: 'Menunggu {{duration}}',
    escalatesIn: 'Dieskalasi dalam {{duration}}',
    escalated: 'Sudah dieskalasi',
    overdue: 'Lewat batas',
    noTarget: 'Tanpa target tanggapan',
    askedBy: 'ditanyakan oleh {{name}}',
    empty: 'Tidak ada yang menunggu di topik yang Anda ikuti. Mantap!',
    emptyFiltered: 'Tidak ada yang menunggu dengan saringan ini.',
    followNothing: 'Anda belum mengikuti tag atau kategori apa pun.',
    followHint:
      'Ikuti <tags>tag</tags> dan <categories>kategori</categories> yang Anda kuasai, lalu pertanyaan yang menunggu di sana muncul di sini.',
    units: {
      d: '{{n}} hari',
      h: '{{n}} jam',
      m: '{{n}} menit',
    },
  },
}

export default privacy
