/**
 * Signed, expiring tokens for the two e-mail links that act without a sign-in: a survey's
 * rating links (`s.…`) and a reminder's accept links (`a.…`). Each names one thing (a question's
 * survey, one answer), the asker it is for and when it stops working, under the mail secret, so
 * it can be neither forged nor turned to another question, answer or person.
 */
import { timingSafeEqual } from 'node:crypto'
import { mailSignature } from '../mail/unsubscribe.server'

type Kind = 's' | 'a'
export type TokenClaim = { kind: Kind; id: number; userId: number; expiresAt: Date }

const payload = (c: Omit<TokenClaim, 'expiresAt'> & { exp: number }) =>
  `support:${c.kind}:${c.id}:${c.userId}:${c.exp}`

export function makeToken(claim: TokenClaim): string {
  const exp = claim.expiresAt.getTime()
  const sig = mailSignature(payload({ ...claim, exp }))
  return `${claim.kind}.${claim.id}.${claim.userId}.${exp.toString(36)}.${sig}`
}

/** The claim of a well-signed token of `kind`, expired or not (the caller decides); else null. */
export function readToken(token: unknown, kind: Kind): TokenClaim | null {
  if (typeof token !== 'string' || token.length > 200) return null
  const parts = token.split('.')
  if (parts.length !== 5 || parts[0] !== kind) return null
  const [, id, userId, exp36, sig] = parts
  if (!/^\d{1,15}$/.test(id) || !/^\d{1,15}$/.test(userId) || !/^[0-9a-z]{1,12}$/.test(exp36))
    return null
  const exp = parseInt(exp36, 36)
  const claim = { kind, id: Number(id), userId: Number(userId), exp }
  // Compared as text: base64url decoding ignores stray characters, so bytes alone would admit
  // variants of one signature.
  const given = Buffer.from(sig)
  const expected = Buffer.from(mailSignature(payload(claim)))
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  return { kind, id: claim.id, userId: claim.userId, expiresAt: new Date(exp) }
}
