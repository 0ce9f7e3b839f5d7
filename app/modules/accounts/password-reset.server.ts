/**
 * "Forgot your password?": a link by e-mail that sets a new one. The request is answered the
 * same way, after the same work, whether or not the address has an account, so the form tells
 * nobody who is registered; it is limited per address and per client. The reset itself ends
 * every session of the account and sends the person to log in, where a suspension or a ban
 * still keeps them out: a new password is never a way around a sanction.
 */
import { and, eq, isNull } from 'drizzle-orm'
import { passwords, sessions, users } from '../../../db/schema'
import { DEFAULT_LANGUAGE, type Language } from '../../i18n/config'
import { msg } from '../../i18n/message'
import { db, write, type Tx } from '../../utils/db.server'
import { tooManyAttempts } from '../../utils/wait'
import { hashPassword } from '../auth/auth.server'
import { hitRateLimit, type Limit } from '../auth/rate-limit.server'
import { emit } from '../events/events.server'
import {
  queueAccountEmail,
  rehearseAccountEmail,
  type AccountMailKind,
} from '../mail/account-mail.server'
import { absoluteUrl } from '../mail/mail.server'
import { standingOf } from '../moderation/sanctions.server'
import { dropTokens, findUsableToken, issueToken, useToken } from './tokens.server'
import type { TFunction } from 'i18next'

export const RESET_TTL_MS = 60 * 60_000

export const RESET_LIMITS = {
  // an office or a school behind one address may forget a few passwords an hour
  perIp: { max: 10, windowMs: 60 * 60_000 },
  // nobody's inbox is filled with links by someone else
  perEmail: { max: 3, windowMs: 60 * 60_000 },
} satisfies Record<string, Limit>

export type RequestResult = { ok: true } | { ok: false; status: 429; form: string }

const resetMail = (link: string) => (t: TFunction) => ({
  subject: t('accounts.mail.reset.subject'),
  paragraphs: [t('accounts.mail.reset.text'), t('accounts.mail.reset.expires')],
  action: { label: t('accounts.mail.reset.open'), url: link },
  links: [],
})

/**
 * Sends a reset link to `email` if an account has it (and is not banned); says nothing either
 * way. The same rendering and writes happen for an unknown address, rolled back. The message is
 * in the account's language, else in `language`, the one the form was filled in.
 */
export function requestPasswordReset(
  email: string,
  clientIp: string,
  language: Language = DEFAULT_LANGUAGE,
): RequestResult {
  for (const [key, limit] of [
    [`reset:ip:${clientIp}`, RESET_LIMITS.perIp],
    [`reset:email:${email}`, RESET_LIMITS.perEmail],
  ] as const) {
    const r = hitRateLimit(key, limit)
    if (!r.ok) return { ok: false, status: 429, form: tooManyAttempts(r.retryAfterSeconds) }
  }
  write(
    (tx) => {
      const user = tx
        .select({
          id: users.id,
          role: users.role,
          silencedUntil: users.silencedUntil,
          suspendedUntil: users.suspendedUntil,
          bannedAt: users.bannedAt,
        })
        .from(users)
        .where(and(eq(users.email, email), isNull(users.deletedAt)))
        .get()
      // A ban is for good: no way back in, so no link either.
      const sent = user && !standingOf(user).banned ? sendLink(tx, user.id, language) : false
      if (!sent) rehearse(tx, email, 'password_reset', language)
      emit(tx, {
        type: 'user.password_reset_requested',
        actor: null,
        userId: user?.id ?? null,
        data: { known: Boolean(user), sent },
      })
    },
    { pagesUnchanged: true },
  )
  return { ok: true }
}

function sendLink(tx: Tx, userId: number, language: Language): boolean {
  const token = issueToken(tx, { userId, purpose: 'password_reset', ttlMs: RESET_TTL_MS })
  const link = absoluteUrl(`/reset-password?token=${token}`)
  return (
    queueAccountEmail(tx, {
      userId,
      kind: 'password_reset',
      language,
      compose: resetMail(link),
    }) !== null
  )
}

/** The work of a real request, undone. */
function rehearse(tx: Tx, email: string, kind: AccountMailKind, language: Language) {
  const undo = new Error('rehearsal')
  try {
    tx.transaction((inner) => {
      rehearseAccountEmail(inner, {
        email,
        kind,
        language,
        compose: resetMail(absoluteUrl(`/reset-password?token=${'x'.repeat(43)}`)),
      })
      throw undo
    })
  } catch (error) {
    if (error !== undo) throw error
  }
}

/** Whether the reset page's link still works (to show the form, or say it has expired). */
export function isResetTokenUsable(token: string): boolean {
  return findUsableToken(db, 'password_reset', token) !== null
}

export type ResetResult = { ok: true } | { ok: false; form: string }

/**
 * Sets the new password with a link's token: once, before it expires. Every session of the
 * account ends (whoever else was signed in with the old password is out) and every other
 * link of the account stops working.
 */
export async function resetPassword(
  token: string,
  password: string,
  language: Language = DEFAULT_LANGUAGE,
): Promise<ResetResult> {
  const hash = await hashPassword(password)
  return write(
    (tx) => {
      const found = findUsableToken(tx, 'password_reset', token)
      const user = found
        ? tx
            .select({ id: users.id, role: users.role, deletedAt: users.deletedAt })
            .from(users)
            .where(eq(users.id, found.userId))
            .get()
        : undefined
      if (!found || !user || user.deletedAt || !useToken(tx, found.id))
        return { ok: false as const, form: msg('accounts.reset.expired') }
      tx.insert(passwords)
        .values({ userId: user.id, hash })
        .onConflictDoUpdate({ target: passwords.userId, set: { hash } })
        .run()
      const ended = tx.delete(sessions).where(eq(sessions.userId, user.id)).run().changes
      dropTokens(tx, user.id)
      emit(tx, {
        type: 'user.password_reset',
        actor: { id: user.id, role: user.role },
        userId: user.id,
        data: { sessionsEnded: ended },
      })
      queuePasswordChangedNotice(tx, user.id, language)
      return { ok: true as const }
    },
    { pagesUnchanged: true },
  )
}

/** Tells the account's address that its password changed: a warning if it was not them. */
export function queuePasswordChangedNotice(tx: Tx, userId: number, language?: Language) {
  queueAccountEmail(tx, {
    userId,
    kind: 'password_changed',
    language,
    compose: (t) => ({
      subject: t('accounts.mail.passwordChanged.subject'),
      paragraphs: [
        t('accounts.mail.passwordChanged.text'),
        t('accounts.mail.passwordChanged.notYou'),
      ],
      action: {
        label: t('accounts.mail.passwordChanged.open'),
        url: absoluteUrl('/forgot-password'),
      },
    }),
  })
}
