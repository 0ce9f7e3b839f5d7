import { useTranslation } from 'react-i18next'
import { INTL_LOCALES, isLanguage, DEFAULT_LANGUAGE } from '~/i18n/config'

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
]

/** The Intl locale of the page's language ("en-GB", "id-ID"). */
export function useIntlLocale() {
  const { i18n } = useTranslation()
  const language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE
  return INTL_LOCALES[language]
}

/**
 * Intl formatters are costly to make (a page of dates made hundreds of them, a tenth of the
 * server's time under load) and cheap to reuse: one per locale and kind.
 */
function cached<F>(make: (locale: string) => F) {
  const made = new Map<string, F>()
  return (locale: string): F => {
    let format = made.get(locale)
    if (!format) made.set(locale, (format = make(locale)))
    return format
  }
}

const relativeFormat = cached((locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }))
const absoluteFormat = cached(
  (locale) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
)
const numberFormat = cached((locale) => new Intl.NumberFormat(locale))

/** "3 hours ago" / "3 jam yang lalu"; null under a minute (the caller says "just now"). */
export function formatRelative(date: Date, locale: string, from = new Date()): string | null {
  const seconds = Math.round((date.getTime() - from.getTime()) / 1000)
  const relative = relativeFormat(locale)
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit)
  }
  return null
}

/** "3 hours ago", with the exact UTC time on hover and for machines, in the page's language. */
export function RelativeTime({ value }: { value: string | Date }) {
  const { t } = useTranslation()
  const locale = useIntlLocale()
  const date = new Date(value)
  const absolute = absoluteFormat(locale)
  return (
    <time
      dateTime={date.toISOString()}
      title={t('time.utc', { time: absolute.format(date) })}
      suppressHydrationWarning
    >
      {formatRelative(date, locale) ?? t('time.justNow')}
    </time>
  )
}

const zonedFormat = cached((key) => {
  const [locale, timeZone] = key.split('|')
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  })
})

/** "Mon 9 Mar, 09:00 GMT+7" / "Sen, 9 Mar, 09.00 WIB": a moment on the wall clock of `zone`. */
export function formatZoned(date: Date, locale: string, zone: string): string {
  return zonedFormat(`${locale}|${zone}`).format(date)
}

/** "Mon 9 Mar, 09:00 WIB": a moment as the clock on the wall of `zone` shows it. */
export function ZonedTime({ value, zone }: { value: string | Date; zone: string }) {
  const locale = useIntlLocale()
  const date = new Date(value)
  return (
    <time dateTime={date.toISOString()} suppressHydrationWarning>
      {formatZoned(date, locale, zone)}
    </time>
  )
}

// Days and moments are written in UTC, the zone the site keeps time in, so the server and the
// browser write the same words (a reader's own zone would differ between the two).
const dateFormat = cached(
  (locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
)
const longDateFormat = cached(
  (locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
)
const momentFormat = cached(
  (locale) =>
    new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
      timeZoneName: 'short',
    }),
)

/** "9 Mar 2026" / "9 Mar 2026"; `long`: "9 March 2026" / "9 Maret 2026". */
export function formatDate(date: Date, locale: string, style: 'medium' | 'long' = 'medium') {
  return (style === 'long' ? longDateFormat : dateFormat)(locale).format(date)
}

/** "9 Mar 2026, 14:05 UTC" / "9 Mar 2026, 14.05 UTC": a moment with its zone named. */
export function formatMoment(date: Date, locale: string): string {
  return momentFormat(locale).format(date)
}

const decimalFormat = cached((key) => {
  const [locale, digits] = key.split('|')
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: Number(digits),
    maximumFractionDigits: Number(digits),
  })
})
const percentFormat = cached(
  (locale) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }),
)

/** 1,234 / 1.234; with `digits`, always that many decimals: 1.50 / 1,50. */
export function formatNumber(n: number, locale: string, digits?: number): string {
  return (
    digits === undefined ? numberFormat(locale) : decimalFormat(`${locale}|${digits}`)
  ).format(n)
}

/** A share (0.125) as a percentage: "12.5%" / "12,5%"; "—" when there is nothing to divide. */
export function formatPercent(share: number | null, locale: string): string {
  return share === null ? '—' : percentFormat(locale).format(share)
}

/** A number as the page's language writes it: 1,234 / 1.234 (1.5 / 1,5 with `digits`). */
export function useNumber() {
  const locale = useIntlLocale()
  return (n: number, digits?: number) => formatNumber(n, locale, digits)
}

/** A share as the page's language writes a percentage (see formatPercent). */
export function usePercent() {
  const locale = useIntlLocale()
  return (share: number | null) => formatPercent(share, locale)
}
