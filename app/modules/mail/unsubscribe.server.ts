/**
 * Unsubscribe links that work without signing in. A link names a person and a kind of e-mail
 * (a notification type, or the daily digest) and carries an HMAC of both under a server secret,
 * so it can be neither forged nor turned to another person or kind. The secret comes from
 * MAIL_SECRET, else it is made once and kept in the settings table.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { settings, users, NOTIFICATION_TYPES, type DeliveryChoice } from '../../../db/schema'
import { db, write, type Tx } from '../../utils/db.server'
import { env, siteUrl } from '../../utils/env.server'
import { singleton } from '../../utils/singleton.server'
import { emit } from '../events/events.server'
import {
  getPreference,
  getPreferences,
  isAlwaysSent,
  putPreferences,
  type NotificationType,
} from '../notifications/preferences.server'

/** What one link unsubscribes from. */
export type MailKind = NotificationType | 'digest'
const KINDS: readonly string[] = [...NOTIFICATION_TYPES, 'digest']
const isKind = (v: string): v is MailKind => KINDS.includes(v)

const SECRET_KEY = 'mail.secret'
const cache = singleton('mailSecret', () => ({ value: null as string | null }))

type Exec = Pick<Tx, 'select' | 'insert'>

function secret(exec: Exec = db): string {
  const fromEnv = env().MAIL_SECRET
  if (fromEnv) return fromEnv
  if (cache.value) return cache.value
  const read = () =>
    exec.select({ value: settings.value }).from(settings).where(eq(settings.key, SECRET_KEY)).get()
      ?.value
  let value = read()
  if (typeof value !== 'string') {
    // Two processes may race to make it: the first insert wins, everyone reads that one.
    exec
      .insert(settings)
      .values({ key: SECRET_KEY, value: randomBytes(32).toString('base64url') })
      .onConflictDoNothing()
      .run()
    value = read()
  }
  cache.value = value as string
  return cache.value
}

/** Forgets the cached secret (tests empty the database between cases). */
export function forgetMailSecret() {
  cache.value = null
}

function sign(userId: number, kind: MailKind, exec?: Exec) {
  return createHmac('sha256', secret(exec))
    .update(`unsubscribe:${userId}:${kind}`)
    .digest()
    .subarray(0, 18)
    .toString('base64url')
}

/**
 * A signature under the same secret for any other link an e-mail carries that must work without
 * signing in (the survey's ratings, the reminder's accept links): `payload` names what it allows.
 */
export function mailSignature(payload: string, exec?: Exec): string {
  return createHmac('sha256', secret(exec))
    .update(payload)
    .digest()
    .subarray(0, 18)
    .toString('base64url')
}

export function unsubscribeToken(userId: number, kind: MailKind, exec?: Exec): string {
  return `${userId}.${kind}.${sign(userId, kind, exec)}`
}

/** The person and kind a token names, when its signature holds; null for anything else. */
export function readUnsubscribeToken(token: unknown): { userId: number; kind: MailKind } | null {
  if (typeof token !== 'string' || token.length > 200) return null
  const first = token.indexOf('.')
  const last = token.lastIndexOf('.')
  if (first <= 0 || last <= first) return null
  const id = token.slice(0, first)
  const kind = token.slice(first + 1, last)
  // compared as text: decoding first would let a stray character after the signature through
  const given = Buffer.from(token.slice(last + 1))
  if (!/^\d{1,15}$/.test(id) || !isKind(kind)) return null
  const userId = Number(id)
  const expected = Buffer.from(sign(userId, kind))
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  return { userId, kind }
}

export function unsubscribeUrl(userId: number, kind: MailKind, exec?: Exec): string {
  const url = new URL('/unsubscribe', siteUrl(env()))
  url.searchParams.set('token', unsubscribeToken(userId, kind, exec))
  return url.href
}

/**
 * The one request the global Origin check lets through without an Origin: a mail client's
 * RFC 8058 one-click POST to /unsubscribe, carrying a valid token. It has no cookie and cannot
 * have an Origin; the token is all the authority it carries, and all it can do is unsubscribe
 * the person it names.
 */
export function isOneClickUnsubscribe(req: {
  method: string
  path: string
  query: Record<string, unknown>
}): boolean {
  return (
    req.method === 'POST' &&
    req.path === '/unsubscribe' &&
    readUnsubscribeToken(req.query.token) !== null
  )
}

export type UnsubscribePage = {
  email: string
  kind: MailKind
  /** A kind nobody can turn off (what moderators tell a person): the page says so. */
  alwaysSent: boolean
}

/** What the confirmation page shows: whose e-mail and which kind; null for a bad token. */
export function getUnsubscribePage(token: unknown): UnsubscribePage | null {
  const read = readUnsubscribeToken(token)
  if (!read) return null
  const user = db
    .select({ email: users.email, deletedAt: users.deletedAt })
    .from(users)
    .where(eq(users.id, read.userId))
    .get()
  if (!user || user.deletedAt) return null
  return { email: user.email, kind: read.kind, alwaysSent: isAlwaysSent(read.kind) }
}

/**
 * Turns the e-mail of the token's kind off (`all`: every kind). The digest's link turns off
 * every type that was going to the digest. What is always sent (see `isAlwaysSent`) stays on,
 * whatever the link: messages sent before it was always sent still carry such links.
 * Idempotent: a second click changes nothing and emits nothing. Returns null for a bad token.
 */
export function unsubscribe(
  token: unknown,
  scope: 'kind' | 'all',
): { kind: MailKind; alwaysSent: boolean } | null {
  const read = readUnsubscribeToken(token)
  if (!read) return null
  return write(
    (tx) => {
      const user = tx
        .select({ id: users.id, role: users.role, deletedAt: users.deletedAt })
        .from(users)
        .where(eq(users.id, read.userId))
        .get()
      if (!user || user.deletedAt) return null
      const current = getPreferences(user.id, tx)
      const wanted = (type: NotificationType, email: DeliveryChoice) =>
        scope === 'all' || (read.kind === 'digest' ? email === 'digest' : type === read.kind)
      const changes: Partial<Record<NotificationType, { inApp: boolean; email: 'off' }>> = {}
      for (const type of NOTIFICATION_TYPES) {
        const p = current[type]
        if (p.email !== 'off' && !isAlwaysSent(type) && wanted(type, p.email))
          changes[type] = { inApp: p.inApp, email: 'off' }
      }
      if (Object.keys(changes).length > 0) {
        putPreferences(tx, user.id, changes)
        emit(tx, {
          type: 'user.unsubscribed',
          actor: null,
          userId: user.id,
          data: { kind: read.kind, scope, types: Object.keys(changes) },
        })
      }
      return { kind: read.kind, alwaysSent: isAlwaysSent(read.kind) }
    },
    { pagesUnchanged: true },
  )
}

/** Whether the type's e-mail is still on for the person (the digest: any type going to it). */
export function isSubscribed(userId: number, kind: MailKind): boolean {
  if (kind !== 'digest') return getPreference(db, userId, kind).email !== 'off'
  return Object.values(getPreferences(userId)).some((p) => p.email === 'digest')
}
