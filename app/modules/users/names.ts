/**
 * The names the site gives accounts itself, shown in the reader's language (client-safe). A
 * deleted account keeps its stored name ("Deleted user", as older rows, exports and the audit
 * log have it) but is shown by its tombstone handle, which no person can choose (handles take
 * no hyphen); the assistant that posts automatic suggestions is shown by its handle too.
 */
import type { TFunction } from 'i18next'

/** The account automatic suggestions are posted by (see templates/autorespond.server.ts). */
export const SYSTEM_HANDLE = 'tanya-assistant'

/** A deleted account's handle, as `tombstoneIn` (users.server.ts) leaves it. */
const TOMBSTONE_HANDLE = /^deleted-\d+$/

export const isDeletedHandle = (handle: string) => TOMBSTONE_HANDLE.test(handle)

type Named = { handle: string; displayName: string }

/** The name a person reads for an account. */
export function shownName(t: TFunction, person: Named): string {
  if (person.handle === SYSTEM_HANDLE) return t('accounts.names.assistant')
  if (isDeletedHandle(person.handle)) return t('accounts.names.deleted')
  return person.displayName
}

/** The profile's bio as a person reads it: the assistant's comes from the translations. */
export function shownBio(t: TFunction, person: { handle: string; bio: string }): string {
  return person.handle === SYSTEM_HANDLE ? t('accounts.names.assistantBio') : person.bio
}
