/**
 * Double submits. Every form that creates something carries a one-time key made when the form
 * was rendered; the first submission records what it created under that key, in the same
 * transaction, and any later submission with the key gets that same thing back instead of a
 * copy (a second click, a resent form after a timeout, two tabs racing).
 */
import { randomBytes } from 'node:crypto'
import { and, eq, lt } from 'drizzle-orm'
import { formSubmissions } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { write, type Tx } from '../../utils/db.server'

export const SUBMISSION_KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/

/** A fresh key for a form about to be rendered. */
export function newSubmissionKey(): string {
  return randomBytes(18).toString('base64url')
}

export type Once = { id: number; repeated: boolean }

/**
 * Inside the caller's write: the id created earlier under `key` by this user for this kind of
 * thing, or `create()`'s id, recorded under `key`. Without a usable key it simply creates.
 */
export function once(
  tx: Tx,
  key: string | null | undefined,
  userId: number,
  kind: string,
  create: () => number,
): Once {
  if (!key || !SUBMISSION_KEY_PATTERN.test(key)) return { id: create(), repeated: false }
  const earlier = tx
    .select({ resultId: formSubmissions.resultId })
    .from(formSubmissions)
    .where(
      and(
        eq(formSubmissions.key, key),
        eq(formSubmissions.userId, userId),
        eq(formSubmissions.kind, kind),
      ),
    )
    .get()
  if (earlier) return { id: earlier.resultId, repeated: true }
  const id = create()
  // A key somebody else used (or used for another kind) is not ours to reuse: create anyway.
  tx.insert(formSubmissions).values({ key, userId, kind, resultId: id }).onConflictDoNothing().run()
  return { id, repeated: false }
}

/** How long a key is remembered; a form resent later than this is a new submission. */
export const SUBMISSION_KEY_TTL_MS = 24 * 60 * 60_000

/** A periodic job: forgets keys past their time. */
export function forgetOldSubmissionKeys() {
  const cutoff = new Date(now().getTime() - SUBMISSION_KEY_TTL_MS)
  const { changes } = write(
    (tx) => tx.delete(formSubmissions).where(lt(formSubmissions.createdAt, cutoff)).run(),
    { pagesUnchanged: true },
  )
  return { forgotten: changes }
}
