import { createCookie } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { languageFromCookie, parseAcceptLanguage, plainPageLanguage } from '~/i18n/negotiate.server'

describe('Accept-Language', () => {
  it.each([
    ['id', 'id'],
    ['id-ID', 'id'],
    ['ID-id', 'id'],
    // The code Indonesian had before 1989, which some systems still send.
    ['in-ID', 'id'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7', 'id'],
    ['en-US,en;q=0.9,id;q=0.8', 'en'],
  ])('%s → %s', (header, language) => {
    expect(parseAcceptLanguage(header)).toBe(language)
  })

  it('follows the quality values, not the order, and the order among equal ones', () => {
    expect(parseAcceptLanguage('en;q=0.5, id;q=0.9')).toBe('id')
    expect(parseAcceptLanguage('fr, id, en')).toBe('id')
    expect(parseAcceptLanguage('en;q=0.8, id;q=0.8')).toBe('en')
    expect(parseAcceptLanguage('de;q=1, id-ID ; q = 0.4')).toBe('id')
  })

  it('skips languages refused with q=0 and values that are not numbers', () => {
    expect(parseAcceptLanguage('id;q=0, en;q=0.1')).toBe('en')
    expect(parseAcceptLanguage('id;q=0.000')).toBeNull()
    expect(parseAcceptLanguage('id;q=abc, en;q=0.2')).toBe('en')
    expect(parseAcceptLanguage('id;q=2')).toBeNull()
  })

  it('names none of ours for nothing, anything, or languages we do not have', () => {
    for (const header of [undefined, null, '', '*', 'fr-FR,de;q=0.9', ',,;;', 'indonesian'])
      expect(parseAcceptLanguage(header)).toBeNull()
  })

  it('reads a hostile header quickly and without throwing', () => {
    const long = `${'x-'.repeat(50_000)}id`
    expect(parseAcceptLanguage(long)).toBeNull()
    expect(parseAcceptLanguage(`${'fr;q=0.1,'.repeat(10_000)}id`)).toBeNull()
  })
})

describe('the language cookie', () => {
  // The switcher's cookie is written by Remix; reading it here must agree with how it is written.
  const cookie = createCookie('tanya_lang', { path: '/' })
  const header = async (value: unknown) => (await cookie.serialize(value)).split(';')[0]

  it('reads the language the switcher kept', async () => {
    expect(languageFromCookie(await header('id'))).toBe('id')
    expect(languageFromCookie(`a=1; ${await header('en')}; b=2`)).toBe('en')
  })

  it('ignores other cookies, other values and broken encodings', async () => {
    expect(languageFromCookie('tanya_session=abc')).toBeNull()
    expect(languageFromCookie(await header('fr'))).toBeNull()
    expect(languageFromCookie(await header({ language: 'id' }))).toBeNull()
    expect(languageFromCookie('tanya_lang=%E0%A4%A')).toBeNull()
    expect(languageFromCookie('tanya_lang=!!!')).toBeNull()
    expect(languageFromCookie(undefined)).toBeNull()
  })
})

describe('a plain page’s language', () => {
  it('is the cookie’s, then the browser’s, then English', async () => {
    const id = (await createCookie('tanya_lang').serialize('id')).split(';')[0]
    const en = (await createCookie('tanya_lang').serialize('en')).split(';')[0]
    expect(plainPageLanguage({ cookie: en, acceptLanguage: 'id-ID' })).toBe('en')
    expect(plainPageLanguage({ cookie: id, acceptLanguage: 'en' })).toBe('id')
    expect(plainPageLanguage({ cookie: null, acceptLanguage: 'id-ID,id;q=0.9' })).toBe('id')
    expect(plainPageLanguage({ cookie: 'other=1', acceptLanguage: 'fr' })).toBe('en')
    expect(plainPageLanguage({})).toBe('en')
  })
})
