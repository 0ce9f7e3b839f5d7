/**
 * The guard before a public post: what the forms get back when a post seems to hold personal
 * data, and how the person's choice after the warning travels. Client-safe.
 *
 * The choice rides on the URL the form posts to (`?personalData=post-anyway`), set by the
 * warning's own buttons through `formaction`: each button keeps the form's own intent, so the
 * same warning works on any form, with or without JavaScript, and an ordinary second click on
 * "Post" checks again instead of confirming.
 */
import {
  checkFields,
  kindsOf,
  PERSONAL_DATA_CHOICES,
  type PersonalDataChoice,
  type PersonalDataKind,
} from './detect'

export type PersonalDataWarning = {
  kinds: PersonalDataKind[]
  /** What was found, as typed, at most a few (the person finds them in their text). */
  items: string[]
  /** The form fields they are in. */
  fields: string[]
}

export const CHOICE_PARAM = 'personalData'
const ITEMS_SHOWN = 5

/** The person's choice after a warning, read from the URL the form posted to. */
export function choiceOf(url: string): PersonalDataChoice | null {
  const value = new URL(url, 'http://localhost').searchParams.get(CHOICE_PARAM)
  return PERSONAL_DATA_CHOICES.find((c) => c === value) ?? null
}

/** Where a warning's button posts: the form's own action with the choice added. */
export function withChoice(action: string, choice: PersonalDataChoice): string {
  const [path, hash] = action.split('#')
  const url = new URL(path!, 'http://localhost')
  url.searchParams.set(CHOICE_PARAM, choice)
  return `${url.pathname}${url.search}${hash ? `#${hash}` : ''}`
}

/**
 * The warning for a public post's fields, or null when there is nothing to warn of or the person
 * has already chosen to post it anyway.
 */
export function warnOfPersonalData(
  fields: Record<string, string>,
  choice: PersonalDataChoice | null,
): PersonalDataWarning | null {
  if (choice === 'post-anyway') return null
  const found = checkFields(fields)
  const names = Object.keys(found)
  if (names.length === 0) return null
  const all = names.flatMap((n) => found[n]!)
  return {
    kinds: kindsOf(all),
    items: [...new Set(all.map((f) => f.text))].slice(0, ITEMS_SHOWN),
    fields: names,
  }
}

/**
 * The ask form's guard: "ask privately instead" makes the question private (only its asker and
 * staff read it, so nothing to warn of); a public one is checked, title and details.
 */
export function guardQuestion<V extends 'public' | 'private'>(
  url: string,
  visibility: V,
  values: { title: string; body: string },
): { visibility: V | 'private'; warning: PersonalDataWarning | null } {
  const choice = choiceOf(url)
  if (choice === 'ask-privately' || visibility === 'private')
    return { visibility: 'private', warning: null }
  return {
    visibility,
    warning: warnOfPersonalData({ title: values.title, body: values.body }, choice),
  }
}
