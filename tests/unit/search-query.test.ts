import { describe, expect, it } from 'vitest'
import { buildMatch, buildSimilarMatch } from '~/modules/search/fts-query.server'
import { NO_SYNONYMS, parseQuery } from '~/modules/search/normalize.server'
import { highlightWords, markedToHtml, snippetHtml } from '~/modules/search/query-text.server'

const parse = (q: string, prefix = false) => parseQuery(q, NO_SYNONYMS, { prefix })
const extractWords = (q: string) => {
  const parsed = parse(q, true)
  return {
    words: parsed.terms.map((t) => t.text),
    truncated: parsed.truncated,
    lastIsPartial: parsed.terms.at(-1)?.partial === true,
  }
}

describe('query words', () => {
  it('keeps letters and digits of any script, folds case and accents, and drops stop words', () => {
    expect(extractWords('How do I get my Refund to GoPay?').words).toEqual(['refund', 'gopay'])
    expect(extractWords('Bagaimana cara refund ke GoPay, kak?').words).toEqual([
      'cara',
      'refund',
      'gopay',
    ])
    expect(extractWords('Café crème, order KN-24817').words).toEqual([
      'cafe',
      'creme',
      'order',
      'kn',
      '24817',
    ])
    expect(extractWords('注文 配達').words).toEqual(['注文', '配達'])
  })

  it('keeps stop words when nothing else is left, and finds none in emoji or punctuation', () => {
    expect(extractWords('how to').words).toEqual(['how', 'to'])
    expect(extractWords('☕🫘 *** "" :^~').words).toEqual([])
  })

  it('uses only the first twelve words and says so', () => {
    const many = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ')
    expect(extractWords(many)).toMatchObject({ truncated: true })
    expect(extractWords(many).words).toHaveLength(12)
    expect(extractWords('x'.repeat(10_240)).words).toEqual(['x'.repeat(40)])
  })

  it('knows whether the last word is still being typed', () => {
    expect(extractWords('refund gop').lastIsPartial).toBe(true)
    expect(extractWords('refund gop ').lastIsPartial).toBe(false)
    expect(extractWords('refund gop?').lastIsPartial).toBe(false)
    expect(extractWords('refund the').lastIsPartial).toBe(false)
  })
})

// Each word is looked up by its forms in both languages (normalize.server.ts): a word that
// Indonesian stemming leaves alone by its English stem only ("title" is "titl").
describe('FTS5 match expressions', () => {
  it('looks an Indonesian word up by all its readings', () => {
    expect(buildMatch(parse('pengiriman')).all).toBe(
      '("pengiriman" OR "irim" OR "kirim" OR "pengirim")',
    )
  })

  it('quotes every word, so operators and column filters are only words', () => {
    expect(buildMatch(parse('title: NEAR(refund OR gopay) NOT ovo*'))).toEqual({
      all: '"titl" AND "near" AND "refund" AND "gopay" AND "ovo"',
      any: '"titl" OR "near" OR "refund" OR "gopay" OR "ovo"',
    })
  })

  it('matches the word being typed as a prefix too, when it has three letters or more', () => {
    expect(buildMatch(parse('refund gop', true), true).all).toBe('"refund" AND ("gop" OR "gop"*)')
    expect(buildMatch(parse('refund go', true), true).all).toBe('"refund" AND "go"')
    expect(buildMatch(parse('refund gop', true), false).all).toBe('"refund" AND "gop"')
  })
})

describe('similar-question match expressions', () => {
  it('adds each pair of neighbouring words as a proximity match, leaving out a half-typed word', () => {
    expect(buildSimilarMatch(parse('community promotion ads 2012 '))).toBe(
      '"commun" OR "promot" OR "ad" OR "2012" OR ' +
        'NEAR("commun" "promot", 6) OR NEAR("promot" "ad", 6) OR NEAR("ad" "2012", 6)',
    )
    expect(buildSimilarMatch(parse('password reset ema', true), true)).toBe(
      '"password" OR "reset" OR ("ema" OR "ema"*) OR NEAR("password" "reset", 6)',
    )
  })
})

describe('highlighted HTML', () => {
  it('escapes everything and adds only balanced <mark> tags', () => {
    expect(markedToHtml('<b>\uE000refund\uE001</b> & "x"')).toBe(
      '&lt;b&gt;<mark>refund</mark>&lt;/b&gt; &amp; &quot;x&quot;',
    )
    expect(markedToHtml('\uE001a\uE000b\uE000c')).toBe('a<mark>bc</mark>')
  })

  it('cuts a snippet around the best cluster of matches and marks them', () => {
    const text = `${'Opening words. '.repeat(20)}The parcel was sent by JNE and the parcel is late. ${'Closing. '.repeat(20)}`
    const snippet = snippetHtml(text, (w) => w === 'parcel', 12)
    expect(snippet.found).toBe(true)
    expect(snippet.html).toMatch(/^….*<mark>parcel<\/mark>.*<mark>parcel<\/mark>.*…$/)
    expect(snippetHtml('No match <here>', () => false)).toEqual({
      html: 'No match &lt;here&gt;',
      found: false,
    })
  })

  it('marks words by their folded form', () => {
    expect(highlightWords('Refunds <fast> & Café', (w) => w === 'refunds' || w === 'cafe')).toBe(
      '<mark>Refunds</mark> &lt;fast&gt; &amp; <mark>Café</mark>',
    )
  })
})
