/**
 * Messages that cross from the server to a page (a field error, a notice, an error page's
 * detail) travel as descriptors, not as English: a translation key and, when it has any, its
 * values, in one string (`key` or `key␀{"values"}`), so they fit wherever a string went before
 * (zod messages, `fieldErrors`, a thrown Response's text). The page translates them with
 * `useMessage`, in the reader's language.
 */
import type { TFunction } from 'i18next'
import type { MessageKey } from './keys'

const SEPARATOR = '\u0000'

export type MessageValues = Record<string, string | number>

export function msg(key: MessageKey, values?: MessageValues): string {
  return values ? `${key}${SEPARATOR}${JSON.stringify(values)}` : key
}

/** A descriptor in `t`'s language; text that is not a descriptor (a person's words) stays. */
export function translateMessage(t: TFunction, message: string): string {
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
  const text = t(key as MessageKey, { ...values, defaultValue: '' })
  return typeof text === 'string' && text ? text : message
}
