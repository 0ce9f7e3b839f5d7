import { describe, expect, it } from 'vitest'
import {
  buildMatch,
  buildSimilarMatch,
  extractWords,
  highlightWords,
  markedToHtml,
} from '~/modules/search/query-text.server'

describe('query words', () => {
  it('keeps letters and digits of any script, folds case and accents, and drops stop words', () => {
    expect(extractWords('How do I get my Refund to GoPay?').words).toEqual(['refund', 'gopay'])
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

describe('FTS5 match expressions', () => {
  it('quotes every word, so operators and column filters are only words', () => {
    expect(buildMatch(extractWords('title: NEAR(refund OR gopay) NOT ovo*'))).toEqual({
      all: '"title" AND "near" AND "refund" AND "gopay" AND "ovo"',
      any: '"title" OR "near" OR "refund" OR "gopay" OR "ovo"',
    })
  })

  it('matches the word being typed as a prefix too, when it has three letters or more', () => {
    expect(buildMatch(extractWords('refund gop'), true).all).toBe('"refund" AND ("gop" OR "gop"*)')
    expect(buildMatch(extractWords('refund go'), true).all).toBe('"refund" AND "go"')
    expect(buildMatch(extractWords('refund gop'), false).all).toBe('"refund" AND "gop"')
  })
})

describe('similar-question match expressions', () => {
  it('adds each pair of neighbouring words as a proximity match, leaving out a half-typed word', () => {
    expect(buildSimilarMatch(extractWords('community promotion ads 2012 '))).toBe(
      '"community" OR "promotion" OR "ads" OR "2012" OR NEAR("community" "promotion", 3) OR ' +
        'NEAR("promotion" "ads", 3) OR NEAR("ads" "2012", 3)',
    )
    expect(buildSimilarMatch(extractWords('password reset ema'), true)).toBe(
      '"password" OR "reset" OR ("ema" OR "ema"*) OR NEAR("password" "reset", 3)',
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

  it('marks words by their folded form', () => {
    expect(highlightWords('Refunds <fast> & Café', (w) => w === 'refunds' || w === 'cafe')).toBe(
      '<mark>Refunds</mark> &lt;fast&gt; &amp; <mark>Café</mark>',
    )
  })
})
