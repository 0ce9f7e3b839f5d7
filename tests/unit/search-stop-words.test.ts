import { describe, expect, it } from 'vitest'
import {
  CONTENT_WORDS_ACROSS,
  foldedWords,
  INDONESIAN_STOP_WORDS,
  isQueryStopWord,
  isStopWordIn,
  normalizeForIndex,
  NO_SYNONYMS,
  parseQuery,
  spellingWords,
} from '~/modules/search/normalize.server'
import { STOP_WORDS } from '~/modules/search/query-text.server'

const queryWords = (q: string) => parseQuery(q, NO_SYNONYMS).terms.map((t) => t.text)

describe('stop words per language', () => {
  // word, dropped from an English post, from an Indonesian post, from a query
  const WORDS: [string, boolean, boolean, boolean][] = [
    // English words on the Indonesian list only because chat says "halo min" / "kak admin"
    ['admin', false, true, false],
    ['min', false, true, false],
    // "aren't" in English, palm sugar (gula aren) in Indonesian
    ['aren', true, false, false],
    // an English stop word that means nothing in Indonesian
    ['can', true, false, true],
    ['the', true, false, true],
    // the same function word in each language
    ['and', true, false, true],
    ['dan', false, true, true],
    ['yang', false, true, true],
    // content words in both
    ['panel', false, false, false],
    ['paket', false, false, false],
    // "belum" (not yet) is a word: "belum sampai" is another problem than "sudah sampai"
    ['belum', false, false, false],
  ]
  for (const [word, en, id, query] of WORDS)
    it(`"${word}": English post ${en ? 'drops' : 'keeps'} it, Indonesian post ${id ? 'drops' : 'keeps'} it, a query ${query ? 'drops' : 'keeps'} it`, () => {
      expect(isStopWordIn(word, 'en')).toBe(en)
      expect(isStopWordIn(word, 'id')).toBe(id)
      expect(isQueryStopWord(word)).toBe(query)
    })

  it('keeps in queries only stop words that are content words of the other language', () => {
    for (const word of CONTENT_WORDS_ACROSS) {
      const onEnglish = STOP_WORDS.has(word)
      const onIndonesian = INDONESIAN_STOP_WORDS.has(word)
      // on exactly one list: a word on both is a stop word whatever the language
      expect(onEnglish !== onIndonesian, word).toBe(true)
    }
  })

  it('indexes a post with its own language’s stop words only', () => {
    expect(normalizeForIndex('Admin panel shows 30 min delay', 'en', NO_SYNONYMS)).toBe(
      'admin panel show 30 min delay',
    )
    expect(normalizeForIndex('Halo min, paket saya dan kopi', 'id', NO_SYNONYMS)).toBe('paket kopi')
  })

  it('reads "admin panel" as two words and "paket dan pesanan" without "dan"', () => {
    expect(queryWords('admin panel')).toEqual(['admin', 'panel'])
    expect(queryWords('can I change my admin password')).toEqual(['change', 'admin', 'password'])
    expect(queryWords('paket dan pesanan')).toEqual(['paket', 'pesanan'])
    expect(queryWords('coffee and filters')).toEqual(['coffee', 'filters'])
  })

  it('lists title words for "did you mean" by the title’s language', () => {
    expect(spellingWords('Admin panel login', 'en')).toBe('admin panel login')
    expect(spellingWords('Halo admin, paket belum sampai', 'id')).toBe('paket belum sampai')
  })
})

describe('amounts of money', () => {
  const words = (text: string) => foldedWords(text)
  const AMOUNTS: [string, string[]][] = [
    ['Rp350.000', ['350000']],
    ['Rp 350.000', ['350000']],
    ['Rp. 350.000,-', ['350000']],
    ['350rb', ['350000']],
    ['350 ribu', ['350000']],
    ['350k', ['350000']],
    ['350.000', ['350000']],
    ['350000', ['350000']],
    ['1,5 jt', ['1500000']],
    ['Rp67.500 padahal Rp75.000', ['67500', 'padahal', '75000']],
    ['refund 350k to GoPay', ['refund', '350000', 'to', 'gopay']],
  ]
  for (const [text, expected] of AMOUNTS)
    it(`reads “${text}” as ${expected.join(' ')}`, () => {
      expect(words(text)).toEqual(expected)
    })

  it('leaves numbers that are no amount as they are', () => {
    expect(words('Hario V60 size 02')).toEqual(['hario', 'v60', 'size', '02'])
    expect(words('version 1.5 at 10.30')).toEqual(['version', '1', '5', 'at', '10', '30'])
    expect(words('2kg beans')).toEqual(['2kg', 'beans'])
  })

  it('makes every way of writing an amount index and query as the same word', () => {
    const indexed = normalizeForIndex('Refund GoPay cuma Rp350.000', 'id', NO_SYNONYMS)
    for (const query of ['350rb', '350 ribu', '350k', 'Rp 350.000'])
      expect(indexed.split(' ')).toContain(queryWords(query)[0])
  })
})
