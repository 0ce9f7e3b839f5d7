import { describe, expect, it } from 'vitest'
import en from '~/i18n/locales/en'
import id from '~/i18n/locales/id'
import { msg, translateMessage } from '~/i18n/message'
import { translatorFor } from '~/i18n/translator.server'

type Tree = { [key: string]: string | Tree }

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key}`
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of leaves(value, `${path}.`)) out.set(k, v)
  }
  return out
}

const english = leaves(en.common)
const indonesian = leaves(id.common)
// A placeholder may name a format ("{{max, number}}"): its name is what must match.
const placeholders = (text: string) =>
  [...text.matchAll(/\{\{(\w+)(?:,[^}]*)?\}\}/g)].map((m) => m[1]).sort()
const tags = (text: string) => [...text.matchAll(/<(\w+)>/g)].map((m) => m[1]).sort()

describe('the two interface languages', () => {
  it('have exactly the same keys: a key missing in either language fails here', () => {
    expect([...indonesian.keys()].filter((k) => !english.has(k))).toEqual([])
    expect([...english.keys()].filter((k) => !indonesian.has(k))).toEqual([])
  })

  it('fill in the same values and wrap the same links in every message', () => {
    for (const [key, text] of english) {
      const other = indonesian.get(key) ?? ''
      expect(placeholders(other), key).toEqual(placeholders(text))
      expect(tags(other), key).toEqual(tags(text))
    }
  })

  it('never wrap a link in a tag the message parser treats as empty (an HTML void element)', () => {
    const VOID = new Set([
      'area',
      'base',
      'br',
      'col',
      'embed',
      'hr',
      'img',
      'input',
      'link',
      'meta',
      'source',
      'track',
      'wbr',
    ])
    for (const [key, text] of english)
      for (const tag of tags(text)) expect(VOID.has(tag), key).toBe(false)
  })

  it('leave no message empty or untranslated by accident', () => {
    for (const [key, text] of indonesian) expect(text.trim(), key).not.toBe('')
    // A few words are the same in both (brand names, "E-mail", "admin"); most must not be.
    const same = [...english].filter(([key, text]) => indonesian.get(key) === text)
    expect(same.length / english.size).toBeLessThan(0.1)
  })
})

describe('message descriptors', () => {
  it('carry a key and its values to the reader, in the reader’s language', () => {
    const descriptor = msg('errors.tooManyMinutes', { count: 3 })
    expect(translateMessage(translatorFor('en'), descriptor)).toBe(
      'Too many attempts. Please wait 3 minutes and try again.',
    )
    expect(translateMessage(translatorFor('id'), descriptor)).toBe(
      'Terlalu banyak percobaan. Tunggu 3 menit, lalu coba lagi.',
    )
  })

  it('leave a person’s own words alone, even when they look like a key', () => {
    const t = translatorFor('id')
    expect(translateMessage(t, 'There is no question #12 to point to.')).toBe(
      'There is no question #12 to point to.',
    )
    expect(translateMessage(t, 'nav.doesNotExist')).toBe('nav.doesNotExist')
    expect(translateMessage(t, `auth.noMatch\u0000{broken`)).toBe(`auth.noMatch\u0000{broken`)
  })
})
