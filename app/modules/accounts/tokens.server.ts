/**
 * One-time links sent by e-mail (password reset, a new address's confirmation). The link
 * carries 256 random bits; the database keeps only their SHA-256, so reading a backup opens
 * no account. A link works once and until it expires; asking again replaces the older ones.
 */
import { createHash, randomBytes } from 'node:crypto'
import { and, eq, gt, isNull } from 'drizzle-orm'
import { accountTokens, type AccountTokenPurpose } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import type { Tx } from '../../utils/db.server'

/** What a token looks like in a link: 32 bytes, base64url. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

/** A new token for `userId`; the account's unused ones of the same purpose stop working. */
export function issueToken(
  tx: Tx,
  m: { userId: number; purpose: AccountTokenPurpose; ttlMs: number; newEmail?: string },
): string {
  const token = randomBytes(32).toString('base64url')
  tx.delete(accountTokens)
    .where(
      and(
        eq(accountTokens.userId, m.userId),
        eq(accountTokens.purpose, m.purpose),
        isNull(accountTokens.usedAt),
      ),
    )
    .run()
  const at = now()
  tx.insert(accountTokens)
    .values({
      userId: m.userId,
      purpose: m.purpose,
      tokenHash: hashToken(token),
      newEmail: m.newEmail ?? null,
      expiresAt: new Date(at.getTime() + m.ttlMs),
      createdAt: at,
    })
    .run()
  return token
}

export type UsableToken = { id: number; userId: number; newEmail: string | null }

/** The token's row while it still works: unused and unexpired; null otherwise. */
export function findUsableToken(
  tx: Pick<Tx, 'select'>,
  purpose: AccountTokenPurpose,
  token: string,
): UsableToken | null {
  if (!TOKEN_PATTERN.test(token)) return null
  return (
    tx
      .select({
        id: accountTokens.id,
        userId: accountTokens.userId,
        newEmail: accountTokens.newEmail,
      })
      .from(accountTokens)
      .where(
        and(
          eq(accountTokens.tokenHash, hashToken(token)),
          eq(accountTokens.purpose, purpose),
          isNull(accountTokens.usedAt),
          gt(accountTokens.expiresAt, now()),
        ),
      )
      .get() ?? null
  )
}

/**
 * Uses up the token, inside the caller's write; false when another request used it first
 * (the conditional UPDATE decides, so two clicks never both go through).
 */
export function useToken(tx: Tx, id: number): boolean {
  return (
    tx
      .update(accountTokens)
      .set({ usedAt: now() })
      .where(and(eq(accountTokens.id, id), isNull(accountTokens.usedAt)))
      .run().changes === 1
  )
}

/** Every link of the account stops working (its password changed, it was deleted). */
export function dropTokens(tx: Tx, userId: number, purpose?: AccountTokenPurpose) {
  tx.delete(accountTokens)
    .where(
      and(
        eq(accountTokens.userId, userId),
        purpose ? eq(accountTokens.purpose, purpose) : undefined,
      ),
    )
    .run()
}
