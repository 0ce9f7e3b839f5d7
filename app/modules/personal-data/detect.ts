/**
 * What in a post looks like someone's personal data: an e-mail address, a phone number, a
 * Kopi Nusantara order number, a payment card number. Client-safe and pure: the server checks
 * every public post on submit, and the forms run the same words while the person types.
 *
 * Definitions (each errs towards silence: a warning on every price or date would teach people
 * to click "post anyway" without reading):
 * - **e-mail**: name@domain.tld.
 * - **order number**: the shop's format, `KN-` and 4 to 8 digits (`KN-25301`), any case.
 * - **card number**: 13 to 19 digits, alone or in groups split by single spaces or dashes, not
 *   starting with 0, passing the Luhn check.
 * - **phone number**: digits in groups split by spaces, dots, dashes or brackets, written as
 *   an Indonesian mobile (`08…`, 10–13 digits; `62 8…` or `+62 8…`), an Indonesian landline
 *   with its area code (`021 …`, `(0274) …`, 9–12 digits), or any international number
 *   (`+` and 8–15 digits).
 * Not personal data: prices (`Rp 150.000`), dates (`05-11-2026`, `2026-11-05`), times (`08.30`),
 * version numbers (`v2.3.10`), weights, parcel tracking numbers that are not phone-shaped.
 */

export const PERSONAL_DATA_KINDS = ['email', 'phone', 'order', 'card'] as const
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number]

export type Finding = { kind: PersonalDataKind; text: string; index: number }

// Starts only where a run of address characters starts, and no part is longer than an address
// allows: a 30,000-character post is read in one pass, not once per character.
const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,24}(?![\p{L}\p{N}])/gu
const ORDER = /(?<![\p{L}\p{N}])KN-\d{4,8}(?!\d)/giu
// A run of digits in groups; what it is decides from its digits and how it starts.
const NUMBER_RUN = /(?<![\p{L}\p{N}.,/:+-])(\+?\(?\d[\d\s().-]{6,26}\d)(?![\p{L}\p{N}]|[.,]\d)/gu

/** The Luhn check card numbers carry in their last digit. */
export function passesLuhn(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

/** Groups split by one separator each (no "1.250.000" style thousands with a price prefix). */
const groups = (run: string) => run.split(/[\s().-]+/).filter(Boolean)

function isCard(run: string, digits: string): boolean {
  if (run.startsWith('+') || /[().]/.test(run)) return false
  if (digits.length < 13 || digits.length > 19 || digits.startsWith('0')) return false
  // one separator between groups, and groups of at least 3 (card layouts: 4-4-4-4, 4-6-5 …)
  if (/[\s-]{2,}/.test(run) || groups(run).some((g) => g.length < 3)) return false
  return passesLuhn(digits)
}

function isPhone(run: string, digits: string): boolean {
  const parts = groups(run)
  // phone groups are 2 to 5 digits after the first; a lone long block is an id of some kind
  if (parts.length > 1 && parts.slice(1).some((g) => g.length < 2)) return false
  if (run.startsWith('+')) {
    if (digits.startsWith('62'))
      return /^628\d{8,11}$/.test(digits) || /^62[2-7]\d{7,10}$/.test(digits)
    return digits.length >= 8 && digits.length <= 15
  }
  if (/^08\d{8,11}$/.test(digits)) return true
  if (/^628\d{8,11}$/.test(digits)) return parts.length > 1 || digits.length >= 11
  // a landline needs its area code kept apart, as people write it: "021 555 0199", "(0274) 512345"
  if (/^0[2-9]\d{7,10}$/.test(digits)) return parts.length > 1 && /^\(?0\d{1,3}\)?$/.test(parts[0]!)
  return false
}

/** Everything in `text` that looks like personal data, in order of appearance. */
export function findPersonalData(text: string): Finding[] {
  const found: Finding[] = []
  const taken: [number, number][] = []
  const add = (kind: PersonalDataKind, match: string, index: number) => {
    const end = index + match.length
    if (taken.some(([a, b]) => index < b && end > a)) return
    taken.push([index, end])
    found.push({ kind, text: match, index })
  }
  for (const m of text.matchAll(EMAIL)) add('email', m[0], m.index!)
  for (const m of text.matchAll(ORDER)) add('order', m[0], m.index!)
  for (const m of text.matchAll(NUMBER_RUN)) {
    const run = m[1]!.trim()
    // a price: "Rp 150.000", "Rp150000", "IDR 1.250.000"
    const before = text.slice(Math.max(0, m.index! - 4), m.index!)
    if (/(rp|idr|usd|\$)\s?$/i.test(before)) continue
    const digits = run.replace(/\D/g, '')
    if (isCard(run, digits)) add('card', run, m.index!)
    else if (isPhone(run, digits)) add('phone', run, m.index!)
  }
  return found.sort((a, b) => a.index - b.index)
}

/** The kinds found, once each, in a fixed order (the warning names them). */
export function kindsOf(findings: Finding[]): PersonalDataKind[] {
  return PERSONAL_DATA_KINDS.filter((k) => findings.some((f) => f.kind === k))
}

/**
 * How a form says what the person chose after the warning: post as written, or (on the ask
 * form) make the question private. Anything else means "not yet decided".
 */
export const PERSONAL_DATA_CHOICES = ['post-anyway', 'ask-privately'] as const
export type PersonalDataChoice = (typeof PERSONAL_DATA_CHOICES)[number]
export const PERSONAL_DATA_FIELD = 'personalData'

/** The fields of a post that hold personal data, each with what was found there. */
export function checkFields(fields: Record<string, string>): Record<string, Finding[]> {
  const out: Record<string, Finding[]> = {}
  for (const [name, value] of Object.entries(fields)) {
    const findings = findPersonalData(value)
    if (findings.length) out[name] = findings
  }
  return out
}
