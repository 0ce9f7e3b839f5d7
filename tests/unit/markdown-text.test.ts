import { describe, expect, it } from 'vitest'
import { markdownToText } from '~/utils/markdown-text.server'

describe('markdownToText: a post as one line of its own words', () => {
  it('reads emphasis as words, not punctuation', () => {
    expect(markdownToText('The payment was _successful_ but **still** ~~pending~~.')).toBe(
      'The payment was successful but still pending.',
    )
  })

  it('keeps every word, numbers included', () => {
    expect(markdownToText('My order **Order KN 25412** has not arrived.')).toBe(
      'My order Order KN 25412 has not arrived.',
    )
    expect(markdownToText('1. Open **Orders** and `KN-1`\n> [the page](https://x.example)')).toBe(
      'Open Orders and KN-1 the page',
    )
  })

  it('shows headings, lists, tables, code and image descriptions as text', () => {
    const md = [
      '## Steps',
      '',
      '- first',
      '- second',
      '',
      '| courier | days |',
      '|---|---|',
      '| JNE | 3 |',
      '',
      '```',
      'error 502',
      '```',
      '',
      '![the torn bag](https://img.example/bag.jpg)',
    ].join('\n')
    expect(markdownToText(md)).toBe('Steps first second courier days JNE 3 error 502 the torn bag')
  })

  it('shows raw HTML and entities as the reader would see them', () => {
    expect(markdownToText('Type <b>bold</b> &amp; see AT&amp;T &#8364;5')).toBe(
      'Type <b>bold</b> & see AT&T €5',
    )
  })

  it('lets the search engine’s match markers through untouched', () => {
    expect(markdownToText('…the \uE000refund\uE001 was _late_')).toBe(
      '…the \uE000refund\uE001 was late',
    )
  })

  it('cuts long text at a word boundary with an ellipsis', () => {
    const text = markdownToText('word '.repeat(100), 42)
    expect(text.endsWith('word…')).toBe(true)
    expect(text.length).toBeLessThanOrEqual(43)
    expect(markdownToText('short', 42)).toBe('short')
  })

  it('survives nesting deep enough to overflow a parser', () => {
    const deep = `${'> '.repeat(5000)}deep`
    expect(markdownToText(deep)).toContain('deep')
  })
})
