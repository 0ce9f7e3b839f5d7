import { describe, expect, it } from 'vitest'
import { translateMessage } from '~/i18n/message'
import { translatorFor } from '~/i18n/translator.server'
import { signupSchema } from '~/modules/auth/validation'
import {
  BODY_MAX,
  fieldErrorsOf,
  listFiltersSchema,
  parseListFilters,
  questionSchema,
  splitTags,
} from '~/modules/questions/validation'
import { slugify } from '~/utils/slug'

/** Field errors are message descriptors: read as an English reader sees them. */
const errorsOf = (error: Parameters<typeof fieldErrorsOf>[0]) =>
  Object.fromEntries(
    Object.entries(fieldErrorsOf(error)).map(([field, message]) => [
      field,
      translateMessage(translatorFor('en'), message),
    ]),
  )

const valid = {
  title: 'Where is my order from last week?',
  body: 'The tracking number has shown no movement for four days now.',
  category: 'orders-shipping',
  tags: 'shipping, jne',
}

describe('question validation', () => {
  it('accepts a normal question and splits its tags', () => {
    const parsed = questionSchema.parse(valid)
    expect(parsed.tags).toEqual(['shipping', 'jne'])
  })

  it('rejects titles outside 10–150 characters with a message for the field', () => {
    for (const title of ['Too short', 'x'.repeat(151)]) {
      const result = questionSchema.safeParse({ ...valid, title })
      expect(result.success).toBe(false)
      if (!result.success) expect(errorsOf(result.error).title).toMatch(/Titles must be/)
    }
  })

  it('accepts a body of exactly 30 000 characters and rejects one more', () => {
    expect(questionSchema.safeParse({ ...valid, body: 'a'.repeat(BODY_MAX) }).success).toBe(true)
    const result = questionSchema.safeParse({ ...valid, body: 'a'.repeat(BODY_MAX + 1) })
    expect(result.success).toBe(false)
    if (!result.success) expect(errorsOf(result.error).body).toMatch(/at most 30,000/)
  })

  it('requires 1 to 5 tags with valid names', () => {
    expect(questionSchema.safeParse({ ...valid, tags: '' }).success).toBe(false)
    expect(questionSchema.safeParse({ ...valid, tags: 'a b c d e f' }).success).toBe(false)
    expect(questionSchema.safeParse({ ...valid, tags: 'a b c d e' }).success).toBe(true)
    const bad = questionSchema.safeParse({ ...valid, tags: '<script>' })
    expect(bad.success).toBe(false)
    if (!bad.success) expect(errorsOf(bad.error).tags).toMatch(/lowercase letters/)
  })

  it('normalises tags: lower case, no duplicates, no leading #', () => {
    expect(splitTags('#Shipping shipping,  JNE ')).toEqual(['shipping', 'jne'])
  })

  it('leaves junk list filters out and names each one, so the page can say so', () => {
    const { filters, rejected } = parseListFilters(
      new URLSearchParams('sort=drop+table&page=-3&status=weird&category=orders-shipping&tag='),
    )
    expect(filters).toEqual({ sort: 'newest', page: 1, category: 'orders-shipping' })
    expect(rejected).toEqual([
      { name: 'status', value: 'weird' },
      { name: 'sort', value: 'drop table' },
      { name: 'page', value: '-3' },
    ])
    expect(listFiltersSchema.parse({})).toEqual({ sort: 'newest', page: 1 })
    expect(parseListFilters(new URLSearchParams('status=open&status=solved')).rejected).toEqual([
      { name: 'status', value: 'open' },
    ])
  })
})

describe('sign-up validation', () => {
  it('lower-cases e-mail and handle and explains a bad handle', () => {
    const ok = signupSchema.parse({
      email: ' Ayu@Example.COM ',
      handle: 'Ayu_P',
      displayName: 'Ayu',
      password: 'long enough password',
    })
    expect(ok.email).toBe('ayu@example.com')
    expect(ok.handle).toBe('ayu_p')
    const bad = signupSchema.safeParse({
      email: 'x@y.z',
      handle: 'a b',
      displayName: 'A',
      password: 'short',
    })
    expect(bad.success).toBe(false)
    if (!bad.success) {
      const errors = errorsOf(bad.error)
      expect(errors.handle).toBeDefined()
      expect(errors.password).toMatch(/at least 10/)
    }
  })
})

describe('slugify', () => {
  it('makes readable ASCII slugs and never an empty one', () => {
    expect(slugify('Kopi Gayo: why sour?!')).toBe('kopi-gayo-why-sour')
    expect(slugify('Café crème')).toBe('cafe-creme')
    expect(slugify('🙂🙂')).toBe('question')
  })
})
