import { describe, expect, it } from 'vitest'
import { detectLanguage, resolveLanguage } from '~/modules/search/detect-language.server'
import { indonesianStems, snowballIndonesianStem } from '~/modules/search/indonesian-stemmer.server'
import {
  compileSynonyms,
  documentForms,
  normalizeForIndex,
  NO_SYNONYMS,
  parseQuery,
  queryForms,
  termTokens,
} from '~/modules/search/normalize.server'

/** Snowball's Indonesian stemmer on words of every affix it knows (its published behaviour). */
const SNOWBALL: [string, string][] = [
  // particles and possessives
  ['bukankah', 'bukan'],
  ['ambillah', 'ambil'],
  ['bukunya', 'buku'],
  ['paketnya', 'paket'],
  ['rumahku', 'rumah'],
  // first-order prefixes, with the nasal forms
  ['dikirim', 'kirim'],
  ['terkirim', 'kirim'],
  ['mengambil', 'ambil'],
  ['mengirim', 'irim'],
  ['menyimpan', 'simpan'],
  ['membayar', 'bayar'],
  ['memesan', 'pesan'],
  ['mencari', 'cari'],
  ['melihat', 'lihat'],
  ['pembayaran', 'bayar'],
  ['pemesanan', 'pesan'],
  ['penyimpanan', 'simpan'],
  ['pengiriman', 'irim'],
  ['kembali', 'mbali'],
  // second-order prefixes
  ['bekerja', 'kerja'],
  ['berjalan', 'jalan'],
  ['belajar', 'ajar'],
  ['pelajaran', 'ajar'],
  ['perjalanan', 'jalan'],
  ['pekerjaan', 'kerja'],
  // suffixes, and the prefix–suffix pairs Tala forbids
  ['kiriman', 'kirim'],
  ['dikembalikan', 'kembali'],
  ['pertanyaan', 'tanya'],
  ['ditanyakan', 'tanya'],
  ['penggantian', 'ganti'],
  // two vowels or fewer: left alone
  ['paket', 'paket'],
  ['kurir', 'kurir'],
  ['ongkir', 'ongkir'],
  ['lupa', 'lupa'],
]

describe('Indonesian stemming', () => {
  it.each(SNOWBALL)('Snowball stems %s to %s', (word, stem) => {
    expect(snowballIndonesianStem(word)).toBe(stem)
  })

  it('puts back the letter a nasal prefix swallowed, so derived words meet their root', () => {
    expect(indonesianStems('pengiriman')).toContain('kirim')
    expect(indonesianStems('mengirim')).toContain('kirim')
    expect(indonesianStems('menulis')).toContain('tulis')
    expect(indonesianStems('menunggu')).toContain('tunggu')
    expect(indonesianStems('menerima')).toContain('terima')
    expect(indonesianStems('memasak')).toContain('masak')
    expect(indonesianStems('pengembalian')).toContain('kembali')
  })

  it('keeps the word and its endings-only reading where Snowball reads a root as a prefix', () => {
    // kembali is not ke- + mbali, pesanan not pe- + san + -an
    expect(indonesianStems('kembali')).toContain('kembali')
    expect(indonesianStems('pesanan')).toContain('pesan')
    const shared = (a: string, b: string) =>
      indonesianStems(a).some((s) => indonesianStems(b).includes(s))
    for (const [a, b] of [
      ['kembali', 'pengembalian'],
      ['pesan', 'pesanan'],
      ['pesan', 'pemesanan'],
      ['kirim', 'pengiriman'],
      ['kirim', 'dikirim'],
      ['tanya', 'pertanyaan'],
      ['terima', 'diterima'],
      ['bayar', 'pembayaran'],
      ['sampai', 'menyampaikan'],
    ])
      expect([a, b, shared(a, b)]).toEqual([a, b, true])
  })

  it('leaves words that are not plain letters, and short words, as they are', () => {
    expect(indonesianStems('v60')).toEqual(['v60'])
    expect(indonesianStems('注文')).toEqual(['注文'])
    expect(indonesianStems('dia')).toEqual(['dia'])
  })
})

describe('word forms', () => {
  it('gives an English post English stems, and Indonesian readings only to words English leaves alone', () => {
    expect(documentForms('shipping', 'en')).toEqual(['ship'])
    expect(documentForms('different', 'en')).toEqual(['differ'])
    expect(documentForms('pengiriman', 'en')).toEqual(
      expect.arrayContaining(['pengiriman', 'kirim']),
    )
  })

  it('gives an Indonesian post every Indonesian reading and the English stem of its English words', () => {
    expect(documentForms('pengiriman', 'id')).toEqual(expect.arrayContaining(['irim', 'kirim']))
    expect(documentForms('refunded', 'id')).toEqual(expect.arrayContaining(['refunded', 'refund']))
  })

  it('looks a query word up by its forms in both languages', () => {
    expect(queryForms('refunds')).toEqual(expect.arrayContaining(['refund']))
    expect(queryForms('pengiriman')).toEqual(expect.arrayContaining(['kirim', 'pengiriman']))
  })

  it("leaves out the stop words of the post's own language", () => {
    expect(normalizeForIndex('Paket saya belum sampai di rumah', 'id', NO_SYNONYMS)).toBe(
      'paket belum sampa sampai rumah',
    )
    expect(normalizeForIndex('My parcel has not arrived yet', 'en', NO_SYNONYMS)).toBe(
      'parcel arriv yet',
    )
  })
})

describe('synonyms in the index and the query', () => {
  const synonyms = compileSynonyms(
    [
      { token: '_ongkir', members: [['ongkir'], ['ongkos', 'kirim'], ['shipping', 'cost']] },
      { token: '_cod', members: [['cod'], ['bayar', 'di', 'tempat']] },
    ],
    'test',
  )

  it('indexes the group token wherever a member stands, a phrase included', () => {
    expect(normalizeForIndex('Berapa ongkos kirim ke Bandung?', 'id', synonyms)).toContain(
      '_ongkir',
    )
    expect(normalizeForIndex('The shipping costs to Bandung', 'en', synonyms)).toContain('_ongkir')
    expect(normalizeForIndex('Bisa bayar di tempat?', 'id', synonyms)).toContain('_cod')
    expect(normalizeForIndex('Ongkos naik, kirim besok', 'id', synonyms)).not.toContain('_ongkir')
  })

  it('reads a member of several words as one term of the query', () => {
    const parsed = parseQuery('ongkos kirim murah', synonyms)
    expect(parsed.terms.map((t) => [t.text, t.synonym])).toEqual([
      ['ongkos kirim', '_ongkir'],
      ['murah', null],
    ])
    expect(termTokens(parseQuery('ongkir', synonyms).terms[0])).toContain('_ongkir')
  })
})

describe('language detection', () => {
  it.each([
    ['Paket saya belum sampai, sudah 5 hari', 'id'],
    ['Kak, ongkir ke Bandung berapa ya?', 'id'],
    ['Refund GoPay belum masuk ke saldo saya', 'id'],
    ['Lupa kata sandi', 'id'],
    ['Pengiriman ke Makassar lama sekali, resi tidak bisa dilacak', 'id'],
    ['Grinder saya rusak setelah dua minggu dipakai', 'id'],
    ['My parcel has not arrived yet after 5 days', 'en'],
    ['How do I reset my password?', 'en'],
    ['The tracking number from JNE does not work', 'en'],
    ['Which grind size for V60?', 'en'],
    // nothing telling either way: the site's default
    ['GoPay refund', 'en'],
  ] as const)('reads “%s” as %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language)
  })

  it('keeps a language chosen in the form, and detects only when asked to', () => {
    expect(resolveLanguage('en', 'Paket saya belum sampai')).toBe('en')
    expect(resolveLanguage('auto', 'Paket saya belum sampai')).toBe('id')
    expect(resolveLanguage(undefined, 'Where is my order?')).toBe('en')
  })
})
