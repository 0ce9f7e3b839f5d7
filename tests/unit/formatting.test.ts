import { describe, expect, it } from 'vitest'
import {
  formatDate,
  formatMoment,
  formatNumber,
  formatPercent,
  formatRelative,
  formatZoned,
} from '~/components/time'
import { momentValue, msg, translateMessage } from '~/i18n/message'
import { translatorFor } from '~/i18n/translator.server'

const EN = 'en-GB'
const ID = 'id-ID'
const at = new Date('2026-03-09T14:05:00.000Z')

describe('numbers are written the way each language writes them', () => {
  it('groups thousands with a comma in English and a dot in Indonesian', () => {
    expect(formatNumber(1234567, EN)).toBe('1,234,567')
    expect(formatNumber(1234567, ID)).toBe('1.234.567')
  })

  it('writes decimals with a dot in English and a comma in Indonesian, to the digits asked', () => {
    expect(formatNumber(1.5, EN, 1)).toBe('1.5')
    expect(formatNumber(1.5, ID, 1)).toBe('1,5')
    expect(formatNumber(0.5, EN, 2)).toBe('0.50')
    expect(formatNumber(0.5, ID, 2)).toBe('0,50')
    expect(formatNumber(4, ID, 1)).toBe('4,0')
  })

  it('writes shares as percentages without a space, one decimal at most, a dash for none', () => {
    expect(formatPercent(0.4, EN)).toBe('40%')
    expect(formatPercent(0.4, ID)).toBe('40%')
    expect(formatPercent(0.125, EN)).toBe('12.5%')
    expect(formatPercent(0.125, ID)).toBe('12,5%')
    expect(formatPercent(1, ID)).toBe('100%')
    expect(formatPercent(null, EN)).toBe('—')
  })
})

describe('dates and moments are written for the reader, in UTC with the zone named', () => {
  it('writes a day in each language', () => {
    expect(formatDate(at, EN)).toBe('9 Mar 2026')
    expect(formatDate(at, ID)).toBe('9 Mar 2026')
    expect(formatDate(at, EN, 'long')).toBe('9 March 2026')
    expect(formatDate(at, ID, 'long')).toBe('9 Maret 2026')
  })

  it('keeps the day of UTC even when it is another day in Jakarta', () => {
    expect(formatDate(new Date('2026-03-09T23:30:00.000Z'), ID)).toBe('9 Mar 2026')
  })

  it('writes a moment with its time and zone, as each language separates hours and minutes', () => {
    expect(formatMoment(at, EN)).toBe('9 Mar 2026, 14:05 UTC')
    expect(formatMoment(at, ID)).toBe('9 Mar 2026, 14.05 UTC')
  })

  it('writes a moment on the wall clock of a zone, naming it', () => {
    expect(formatZoned(at, EN, 'Asia/Jakarta')).toBe('Mon 9 Mar, 21:05 GMT+7')
    expect(formatZoned(at, ID, 'Asia/Jakarta')).toBe('Sen, 9 Mar, 21.05 WIB')
  })

  it('says how long ago in each language', () => {
    const from = new Date(at.getTime() + 3 * 3600_000)
    expect(formatRelative(at, EN, from)).toBe('3 hours ago')
    expect(formatRelative(at, ID, from)).toBe('3 jam yang lalu')
    expect(formatRelative(at, ID, new Date(at.getTime() + 20_000))).toBeNull()
  })
})

describe('a moment sent from the server in a message', () => {
  const message = msg('moderation.notice.suspended', { reason: 'Spam', until: momentValue(at) })

  it('is written in the language the message is read in', () => {
    expect(translateMessage(translatorFor('en'), message)).toBe(
      'This account is suspended until 9 Mar 2026, 14:05 UTC. Reason: “Spam”.',
    )
    expect(translateMessage(translatorFor('id'), message)).toBe(
      'Akun ini ditangguhkan sampai 9 Mar 2026, 14.05 UTC. Alasan: “Spam”.',
    )
  })

  it('follows the locale the page passes, whatever language the translate function has', () => {
    expect(translateMessage(translatorFor('id'), message, EN)).toContain('14:05 UTC')
  })
})

describe('percentages inside texts', () => {
  it('writes the rate of the automation e-mail the way each language writes decimals', () => {
    const values = { template: 'Grind finer', rate: 12.5 }
    expect(translatorFor('en')('replies.mail.automationOffText', values)).toContain(
      'fell to 12.5%,',
    )
    expect(translatorFor('id')('replies.mail.automationOffText', values)).toContain(
      'turun menjadi 12,5%,',
    )
  })
})
