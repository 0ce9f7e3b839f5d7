import { describe, expect, it } from 'vitest'
import {
  editedShare,
  fillTemplate,
  placeholdersOf,
  unknownPlaceholders,
} from '~/modules/templates/variables'
import { templateFormSchema } from '~/modules/templates/validation'

const article = (slug: string) =>
  slug === 'grind-size-guide' ? { title: 'Grind size guide', href: '/kb/grind-size-guide' } : null

describe('template variables', () => {
  it('fills each variable, and its fallback when the value is missing or blank', () => {
    const body =
      'Hi {{asker.name|there}}, about “{{question.title|your order}}” — {{helper.name|The team}}'
    expect(
      fillTemplate(body, {
        variables: {
          'asker.name': 'Budi',
          'question.title': 'Parcel stuck',
          'helper.name': 'Sari',
        },
        article,
      }),
    ).toBe('Hi Budi, about “Parcel stuck” — Sari')
    expect(fillTemplate(body, { variables: { 'asker.name': '  ' }, article })).toBe(
      'Hi there, about “your order” — The team',
    )
  })

  it('leaves nothing where a variable without a fallback has no value', () => {
    expect(fillTemplate('Hi {{asker.name}}!', { variables: {}, article })).toBe('Hi !')
  })

  it('turns {{kb:slug}} into the article’s link, or its fallback when the article is gone', () => {
    expect(fillTemplate('See {{kb:grind-size-guide|the guide}}.', { variables: {}, article })).toBe(
      'See [Grind size guide](/kb/grind-size-guide).',
    )
    expect(
      fillTemplate('See {{ kb:old-article | our help centre }}.', { variables: {}, article }),
    ).toBe('See our help centre.')
  })

  it('keeps a name as text, not markdown', () => {
    expect(
      fillTemplate('Hi {{asker.name}}', { variables: { 'asker.name': '*Budi* [x](y)' }, article }),
    ).toBe('Hi \\*Budi\\* \\[x\\](y)')
  })

  it('finds unknown variables, which a template may not be saved with', () => {
    expect(
      unknownPlaceholders('Hi {{asker.name|there}} {{customer.name}} {{kb:ok}} {{ }}'),
    ).toEqual(['{{customer.name}}', '{{ }}'])
    expect(placeholdersOf('{{kb:grind-size-guide|guide}}')).toEqual([
      {
        kind: 'kb',
        slug: 'grind-size-guide',
        fallback: 'guide',
        raw: '{{kb:grind-size-guide|guide}}',
      },
    ])
    const parsed = templateFormSchema.safeParse({
      title: 'Sour coffee',
      category: '',
      tags: '',
      visibility: 'public',
      language: 'en',
      body: 'Hello {{asker.nickname}}, grind finer.',
    })
    expect(parsed.success).toBe(false)
  })

  it('measures the share of the text that was changed', () => {
    const text = 'grind a step finer and bloom for forty seconds'
    expect(editedShare(text, text)).toBe(0)
    expect(editedShare(text, 'something else entirely')).toBe(1)
    const share = editedShare(text, `${text} then pour slowly`)
    expect(share).toBeGreaterThan(0)
    expect(share).toBeLessThan(0.2)
  })
})
