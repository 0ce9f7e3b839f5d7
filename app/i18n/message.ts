/**
 * Messages that cross from the server to a page (a field error, a notice, an error page's
 * detail) travel as descriptors, not as English: a translation key and, when it has any, its
 * values, in one string (`key` or `key␀{"values"}`), so they fit wherever a string went before
 * (zod messages, `fieldErrors`, a thrown Response's text). The page translates them with
 * `useMessage`, in the reader's language.
 */
import type { TFunction } from 'i18next'
import { formatMoment } from '../components/time'
import { DEFAULT_LANGUAGE, INTL_LOCALES, isLanguage } from './config'
import type { MessageKey } from './keys'

const SEPARATOR = '\u0000'

/** A moment in a message: the page writes it in the reader's language, its zone named. */
type MessageMoment = { moment: string }

export type MessageValues = Record<string, string | number | MessageMoment>

export const momentValue = (date: Date): MessageMoment => ({ moment: date.toISOString() })

const written = (value: MessageValues[string], locale: string) =>
  typeof value === 'object' ? formatMoment(new Date(value.moment), locale) : value

export function msg(key: MessageKey, values?: MessageValues): string {
  return values ? `${key}${SEPARATOR}${JSON.stringify(values)}` : key
}

/** The Intl locale of a translate function made for one language (the server's are). */
function localeOf(t: TFunction): string {
  const language = (t as { lng?: unknown }).lng
  return INTL_LOCALES[isLanguage(language) ? language : DEFAULT_LANGUAGE]
}

/**
 * A descriptor in `t`'s language (`locale`, its Intl locale, writes moments); text that is not a
 * descriptor (a person's words) stays.
 */
export function translateMessage(t: TFunction, message: string, locale = localeOf(t)): string {
  const at = message.indexOf(SEPARATOR)
  const key = at === -1 ? message : message.slice(0, at)
  if (!/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/.test(key)) return message
  let values: MessageValues = {}
  if (at !== -1) {
    try {
      values = JSON.parse(message.slice(at + 1)) as MessageValues
    } catch {
      return message
    }
  }
  const filled = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, written(v, locale)]))
  const text = t(key as MessageKey, { ...filled, defaultValue: '' })
  return typeof text === 'string' && text ? text : message
}
