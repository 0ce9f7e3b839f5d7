import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '~/i18n/config'
import { msg, translateMessage, type MessageValues } from '~/i18n/message'
import { translatorFor } from '~/i18n/translator.server'

// The links and images refusals name what is left before trust level 1 by nesting one phrase
// per need (trust.limits.need.*) into the sentence `lift` picks (trust.limits.lift.*).

const say = (
  language: 'en' | 'id',
  key: 'trust.limits.links' | 'trust.limits.images',
  values: MessageValues,
) => translateMessage(translatorFor(language), msg(key, values))

const LIFTS: MessageValues[] = [
  { lift: 'one', first: 'reads', firstCount: 1, every: 6 },
  { lift: 'two', first: 'visits', firstCount: 1, second: 'reads', secondCount: 3, every: 6 },
  {
    lift: 'three',
    first: 'age',
    firstCount: 5,
    second: 'visits',
    secondCount: 2,
    third: 'reads',
    thirdCount: 1,
    every: 6,
  },
  { lift: 'soon', every: 6 },
  { lift: 'locked' },
]

describe('the links and images refusals', () => {
  it('say in plain words, with the right plurals, what is left before the limit lifts', () => {
    expect(say('en', 'trust.limits.links', { max: 2, ...LIFTS[1] })).toBe(
      'New accounts may post at most 2 links. Remove some links for now. The limit lifts at trust level 1, after coming back on 1 more day and reading 3 more questions (levels are updated every 6 hours).',
    )
    expect(say('en', 'trust.limits.images', LIFTS[2]!)).toBe(
      'New accounts cannot post images yet. Describe the image in words, or link to it. The limit lifts at trust level 1, after waiting 5 more hours, coming back on 2 more days and reading 1 more question (levels are updated every 6 hours).',
    )
    expect(say('id', 'trust.limits.images', LIFTS[2]!)).toBe(
      'Akun baru belum boleh memuat gambar. Jelaskan gambarnya dengan kata-kata, atau tautkan saja. Batas ini berakhir begitu Anda mencapai tingkat kepercayaan 1, yaitu setelah Anda menunggu 5 jam lagi, berkunjung lagi pada 2 hari yang berbeda, dan membaca 1 pertanyaan lagi (tingkat diperbarui setiap 6 jam).',
    )
    expect(say('id', 'trust.limits.links', { max: 2, ...LIFTS[3] })).toBe(
      'Akun baru boleh memuat paling banyak 2 tautan. Untuk sekarang, hapus sebagian tautannya. Anda sudah memenuhi syarat tingkat kepercayaan 1: batas ini berakhir saat tingkat diperbarui berikutnya, paling lambat 6 jam lagi.',
    )
  })

  it('leave no nesting, placeholder or key unresolved in any case, in either language', () => {
    for (const language of LANGUAGES)
      for (const values of LIFTS)
        for (const key of ['trust.limits.links', 'trust.limits.images'] as const) {
          const text = say(language, key, { max: 2, ...values })
          expect(text, `${language} ${key} ${String(values.lift)}`).not.toMatch(
            /\$t\(|\{\{|trust\.limits/,
          )
        }
  })
})
