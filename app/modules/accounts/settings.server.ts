/**
 * A person's own account: their profile (name, bio, colour), password, e-mail address, and
 * deleting the account. Each change appends its event; a new password ends every other session,
 * a new address takes effect only once a link sent to it is opened, and the old address is told.
 */
import type { TFunction } from 'i18next'
import { and, count, eq, gt, isNull, ne } from 'drizzle-orm'
import { accountTokens, passwords, sessions, users } from '../../../db/schema'
import type { Language } from '../../i18n/config'
import { msg } from '../../i18n/message'
import { now } from '../../utils/clock.server'
import { db, write, type Tx } from '../../utils/db.server'
import { Forbidden, NotFound } from '../../utils/domain-errors'
import { tooManyAttempts } from '../../utils/wait'
import { createSessionIn, hashPassword, passwordMatches } from '../auth/auth.server'
import { hitRateLimit, type Limit } from '../auth/rate-limit.server'
import { emit } from '../events/events.server'
import { queueAccountEmail } from '../mail/account-mail.server'
import { absoluteUrl } from '../mail/mail.server'
import { can, type Actor } from '../policy/policy'
import { tombstoneIn } from '../users/users.server'
import { queuePasswordChangedNotice } from './password-reset.server'
import { dropTokens, findUsableToken, issueToken, useToken } from './tokens.server'
import type { ProfileInput } from './validation'

export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60_000

export const ACCOUNT_LIMITS = {
  // wrong current passwords on the settings forms: a stolen session may not guess on forever
  passwordFailures: { max: 5, windowMs: 15 * 60_000 },
  // confirmation links sent to new addresses
  emailChanges: { max: 5, windowMs: 60 * 60_000 },
} satisfies Record<string, Limit>

export type FieldFailure = {
  ok: false
  status: 400 | 403 | 409 | 429
  fieldErrors: Record<string, string>
}

function requireSettings(actor: Actor | null): Actor {
  if (!actor || !can(actor, 'account.settings', null)) throw new Forbidden('account.settings')
  return actor
}

/** What the settings pages show: the account as it is, and an address waiting to be confirmed. */
export function getAccountSettings(actor: Actor) {
  requireSettings(actor)
  const user = db
    .select({
      handle: users.handle,
      email: users.email,
      displayName: users.displayName,
      bio: users.bio,
      avatarColour: users.avatarColour,
      role: users.role,
    })
    .from(users)
    .where(and(eq(users.id, actor.id), isNull(users.deletedAt)))
    .get()
  if (!user) throw new NotFound('user')
  const pending = db
    .select({ newEmail: accountTokens.newEmail, expiresAt: accountTokens.expiresAt })
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.userId, actor.id),
        eq(accountTokens.purpose, 'email_change'),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now()),
      ),
    )
    .get()
  return { ...user, pendingEmail: pending?.newEmail ?? null }
}

/** Saves the public profile; false when nothing changed. */
export function updateProfile(actor: Actor, input: ProfileInput): boolean {
  if (!can(actor, 'profile.edit', null)) throw new Forbidden('profile.edit')
  return write((tx) => {
    const before = tx
      .select({
        displayName: users.displayName,
        bio: users.bio,
        avatarColour: users.avatarColour,
      })
      .from(users)
      .where(eq(users.id, actor.id))
      .get()
    if (!before) throw new NotFound('user')
    const changed = (Object.keys(input) as (keyof ProfileInput)[]).filter(
      (k) => before[k] !== input[k],
    )
    if (changed.length === 0) return false
    tx.update(users).set(input).where(eq(users.id, actor.id)).run()
    emit(tx, { type: 'user.profile_updated', actor, userId: actor.id, data: { fields: changed } })
    return true
  })
}

/** The current password, counted against the account's limit of wrong ones. */
async function checkCurrentPassword(
  actor: Actor,
  password: string,
  field: string,
): Promise<FieldFailure | null> {
  const key = `account:password-fail:${actor.id}`
  if (await passwordMatches(actor.id, password)) return null
  const r = hitRateLimit(key, ACCOUNT_LIMITS.passwordFailures)
  if (!r.ok)
    return { ok: false, status: 429, fieldErrors: { form: tooManyAttempts(r.retryAfterSeconds) } }
  return { ok: false, status: 400, fieldErrors: { [field]: msg('accounts.account.wrongPassword') } }
}

/**
 * A new password, with the current one. Every session of the account ends, this browser's
 * included, and this browser gets a fresh one: whoever else was signed in is out. `language`
 * (the page's) writes the notice for an account that has none of its own, as below.
 */
export async function changePassword(
  actor: Actor,
  current: string,
  next: string,
  language?: Language,
): Promise<{ ok: true; setCookie: string; sessionsEnded: number } | FieldFailure> {
  requireSettings(actor)
  const wrong = await checkCurrentPassword(actor, current, 'currentPassword')
  if (wrong) return wrong
  const hash = await hashPassword(next)
  return write(
    (tx) => {
      tx.update(passwords).set({ hash }).where(eq(passwords.userId, actor.id)).run()
      const ended = tx.delete(sessions).where(eq(sessions.userId, actor.id)).run().changes
      dropTokens(tx, actor.id, 'password_reset')
      const setCookie = createSessionIn(tx, actor.id)
      emit(tx, {
        type: 'user.password_changed',
        actor,
        userId: actor.id,
        // the one this browser had is not "another" session
        data: { sessionsEnded: Math.max(0, ended - 1) },
      })
      queuePasswordChangedNotice(tx, actor.id, language)
      return { ok: true as const, setCookie, sessionsEnded: Math.max(0, ended - 1) }
    },
    { pagesUnchanged: true },
  )
}

const confirmMail = (link: string, address: string) => (t: TFunction) => ({
  subject: t('accounts.mail.confirm.subject'),
  paragraphs: [t('accounts.mail.confirm.text', { address }), t('accounts.mail.confirm.expires')],
  action: { label: t('accounts.mail.confirm.open'), url: link },
})

/**
 * Sends a confirmation link to `newEmail`; nothing changes until it is opened. An address
 * another account has is answered the same (no link is sent), so the form tells nobody who
 * is registered.
 */
export async function requestEmailChange(
  actor: Actor,
  newEmail: string,
  password: string,
  language?: Language,
): Promise<{ ok: true } | FieldFailure> {
  requireSettings(actor)
  const wrong = await checkCurrentPassword(actor, password, 'emailPassword')
  if (wrong) return wrong
  const current = getAccountSettings(actor)
  if (current.email === newEmail)
    return { ok: false, status: 400, fieldErrors: { newEmail: msg('accounts.account.sameEmail') } }
  const r = hitRateLimit(`account:email-change:${actor.id}`, ACCOUNT_LIMITS.emailChanges)
  if (!r.ok)
    return { ok: false, status: 429, fieldErrors: { form: tooManyAttempts(r.retryAfterSeconds) } }
  write(
    (tx) => {
      const taken = addressTaken(tx, newEmail, actor.id)
      if (!taken) {
        const token = issueToken(tx, {
          userId: actor.id,
          purpose: 'email_change',
          ttlMs: EMAIL_CHANGE_TTL_MS,
          newEmail,
        })
        queueAccountEmail(tx, {
          userId: actor.id,
          kind: 'email_change',
          to: newEmail,
          language,
          compose: confirmMail(absoluteUrl(`/confirm-email?token=${token}`), newEmail),
        })
      }
      emit(tx, {
        type: 'user.email_change_requested',
        actor,
        userId: actor.id,
        data: { sent: !taken },
      })
    },
    { pagesUnchanged: true },
  )
  return { ok: true }
}

function addressTaken(tx: Pick<Tx, 'select'>, email: string, userId: number): boolean {
  return (
    (tx
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.email, email), ne(users.id, userId)))
      .get()?.n ?? 0) > 0
  )
}

/** Whether a confirmation link still works, and the address it confirms. */
export function getEmailChange(token: string): { newEmail: string } | null {
  const found = findUsableToken(db, 'email_change', token)
  return found?.newEmail ? { newEmail: found.newEmail } : null
}

export type ConfirmResult =
  { ok: true; newEmail: string } | { ok: false; reason: 'expired' | 'taken' }

/**
 * Opens a confirmation link: the account's address becomes the new one, once. The old address
 * is told, so a change nobody asked for does not go unnoticed.
 */
export function confirmEmailChange(token: string, language?: Language): ConfirmResult {
  return write((tx) => {
    const found = findUsableToken(tx, 'email_change', token)
    const user = found
      ? tx
          .select({
            id: users.id,
            role: users.role,
            email: users.email,
            deletedAt: users.deletedAt,
          })
          .from(users)
          .where(eq(users.id, found.userId))
          .get()
      : undefined
    if (!found?.newEmail || !user || user.deletedAt)
      return { ok: false as const, reason: 'expired' as const }
    if (addressTaken(tx, found.newEmail, user.id))
      return { ok: false as const, reason: 'taken' as const }
    if (!useToken(tx, found.id)) return { ok: false as const, reason: 'expired' as const }
    const newEmail = found.newEmail
    // Told before the change, at the address the account has until now.
    queueAccountEmail(tx, {
      userId: user.id,
      kind: 'email_changed',
      language,
      compose: (t) => ({
        subject: t('accounts.mail.changed.subject'),
        paragraphs: [
          t('accounts.mail.changed.text', { address: newEmail }),
          t('accounts.mail.changed.notYou'),
        ],
      }),
    })
    tx.update(users).set({ email: newEmail }).where(eq(users.id, user.id)).run()
    // A reset link sent to the old address no longer opens the account.
    dropTokens(tx, user.id)
    emit(tx, {
      type: 'user.email_changed',
      actor: { id: user.id, role: user.role },
      userId: user.id,
    })
    return { ok: true as const, newEmail }
  })
}

/**
 * Deletes one's own account, with its password: the account becomes a tombstone, its posts stay
 * under "Deleted user". The site's last admin cannot leave it without one.
 */
export async function deleteOwnAccount(
  actor: Actor,
  password: string,
): Promise<{ ok: true } | FieldFailure> {
  requireSettings(actor)
  const wrong = await checkCurrentPassword(actor, password, 'deletePassword')
  if (wrong) return wrong
  return write((tx) => {
    const user = tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(and(eq(users.id, actor.id), isNull(users.deletedAt)))
      .get()
    if (!user) throw new NotFound('user')
    if (user.role === 'admin') {
      const admins =
        tx
          .select({ n: count() })
          .from(users)
          .where(and(eq(users.role, 'admin'), isNull(users.deletedAt)))
          .get()?.n ?? 0
      if (admins <= 1)
        return {
          ok: false as const,
          status: 409 as const,
          fieldErrors: { form: msg('accounts.account.lastAdmin') },
        }
    }
    tombstoneIn(tx, actor, user)
    return { ok: true as const }
  })
}
