/**
 * Accounts, passwords and sessions. Lucia stays inside this module: the rest of the app sees
 * `getAuth`, `getUser` and plain users. Every sign-up, sign-in (and failed one) and sign-out
 * appends its event in the transaction that writes the session.
 */
import { createHash, randomBytes } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'
import { DrizzleSQLiteAdapter } from '@lucia-auth/adapter-drizzle'
import { and, eq, isNull, or } from 'drizzle-orm'
import { Lucia, TimeSpan } from 'lucia'
import { passwords, sessions, users, type Role } from '../../../db/schema'
import { db, write, type Tx } from '../../utils/db.server'
import { env } from '../../utils/env.server'
import { oncePerRequest } from '../../utils/request-scope.server'
import { singleton } from '../../utils/singleton.server'
import type { Language } from '../../i18n/config'
import { momentValue, msg } from '../../i18n/message'
import { tooManyAttempts } from '../../utils/wait'
import { emit } from '../events/events.server'
import { isKeptOut, reasonInForce, standingOf } from '../moderation/sanctions.server'
import type { Actor } from '../policy/policy'
import { clearRateLimit, hitRateLimit, peekRateLimit, type Limit } from './rate-limit.server'
import type { SignupInput } from './validation'

export type SessionUser = Actor & { handle: string; displayName: string; silencedUntil?: Date }

const SESSION_DAYS = 30

const lucia = singleton('lucia', () => {
  const secure = env().BASE_URL.startsWith('https://')
  return new Lucia(new DrizzleSQLiteAdapter(db, sessions, users), {
    sessionExpiresIn: new TimeSpan(SESSION_DAYS, 'd'),
    sessionCookie: { name: 'tanya_session', attributes: { secure, sameSite: 'lax' } },
    getUserAttributes: (u) => ({
      handle: u.handle,
      displayName: u.displayName,
      role: u.role,
      reputation: u.reputation,
      trustLevel: u.trustLevel,
      silencedUntil: u.silencedUntil,
      suspendedUntil: u.suspendedUntil,
      bannedAt: u.bannedAt,
    }),
  })
})

declare module 'lucia' {
  interface Register {
    Lucia: typeof lucia
    UserId: number
    DatabaseUserAttributes: {
      handle: string
      displayName: string
      role: Role
      reputation: number
      trustLevel: number
      silencedUntil: Date | null
      suspendedUntil: Date | null
      bannedAt: Date | null
    }
  }
}

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 } as const

/**
 * Sign-up is counted per address and per e-mail. Sign-in counts failures only, so an office
 * behind one address can sign in all day: per address (guessing many accounts from one place)
 * and per account *and* address (guessing one account), so that nobody elsewhere can lock the
 * owner out of their own account by failing on purpose.
 */
export const LIMITS = {
  // `max` is SIGNUP_LIMIT_PER_IP (10 unless the environment says otherwise)
  signupPerIp: { max: 10, windowMs: 60 * 60_000 },
  signupPerEmail: { max: 5, windowMs: 60 * 60_000 },
  loginFailuresPerIp: { max: 30, windowMs: 15 * 60_000 },
  loginFailuresPerAccountAndIp: { max: 5, windowMs: 15 * 60_000 },
} satisfies Record<string, Limit>

export function hashPassword(password: string) {
  return hash(password, ARGON2)
}

/** The cookie carries the token; the database only ever sees its hash. */
function sessionIdOf(token: string) {
  return createHash('sha256').update(token).digest('hex')
}

function readToken(request: Request): string | null {
  return lucia.readSessionCookie(request.headers.get('Cookie') ?? '')
}

/**
 * Inside a transaction: a new session for `userId`; returns the cookie to set. Lucia checks
 * expiry against the real clock, so the expiry is set from it too, whatever the test clock says.
 */
export function createSessionIn(tx: Tx, userId: number): string {
  const token = randomBytes(24).toString('base64url')
  const expiresAt = Math.floor(Date.now() / 1000) + SESSION_DAYS * 24 * 60 * 60
  tx.insert(sessions)
    .values({ id: sessionIdOf(token), userId, expiresAt })
    .run()
  return lucia.createSessionCookie(token).serialize()
}

/** A session cookie for `userId` without signing in through the form (tests, tools). */
export function createSessionCookie(userId: number): string {
  return write((tx) => createSessionIn(tx, userId), { pagesUnchanged: true })
}

export type Auth = { user: SessionUser | null; setCookie: string | null }

/**
 * Who sent this request. The session is checked once per request (server.ts gives each one a
 * scope): the root loader and the route's loader both ask.
 */
export function getAuth(request: Request): Promise<Auth> {
  const token = readToken(request)
  if (!token) return Promise.resolve({ user: null, setCookie: null })
  return oncePerRequest(`auth:${token}`, () => validateToken(token))
}

async function validateToken(token: string): Promise<Auth> {
  const { session, user } = await lucia.validateSession(sessionIdOf(token))
  if (!session) return { user: null, setCookie: lucia.createBlankSessionCookie().serialize() }
  // Suspending ends every session at once; this catches a session made in between by a
  // process that had not seen the suspension yet.
  const standing = standingOf(user)
  if (isKeptOut(standing)) {
    await lucia.invalidateSession(session.id)
    return { user: null, setCookie: lucia.createBlankSessionCookie().serialize() }
  }
  const setCookie = session.fresh ? lucia.createSessionCookie(token).serialize() : null
  return {
    user: {
      id: user.id,
      role: user.role,
      reputation: user.reputation,
      trust: user.trustLevel,
      handle: user.handle,
      displayName: user.displayName,
      ...(standing.silencedUntil ? { readOnly: true, silencedUntil: standing.silencedUntil } : {}),
    },
    setCookie,
  }
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  return (await getAuth(request)).user
}

/** Ends this browser's session; returns the cookie that clears it. */
export async function logOut(request: Request): Promise<string> {
  const token = readToken(request)
  const { user } = await getAuth(request)
  if (token)
    write(
      (tx) => {
        const ended = tx
          .delete(sessions)
          .where(eq(sessions.id, sessionIdOf(token)))
          .run()
        if (user && ended.changes > 0) emit(tx, { type: 'user.signed_out', actor: user })
      },
      { pagesUnchanged: true },
    )
  return lucia.createBlankSessionCookie().serialize()
}

/** Ends every session of the account, this browser's included ("log out everywhere"). */
export function logOutEverywhere(user: Actor): { ended: number; setCookie: string } {
  const ended = write(
    (tx) => {
      const { changes } = tx.delete(sessions).where(eq(sessions.userId, user.id)).run()
      emit(tx, { type: 'user.signed_out_everywhere', actor: user, data: { sessions: changes } })
      return changes
    },
    { pagesUnchanged: true },
  )
  return { ended, setCookie: lucia.createBlankSessionCookie().serialize() }
}

export type AuthFailure = {
  ok: false
  status: 400 | 401 | 403 | 429
  fieldErrors: Partial<Record<'email' | 'handle' | 'password' | 'form', string>>
}

function tooMany(retryAfterSeconds: number): AuthFailure {
  return {
    ok: false,
    status: 429,
    fieldErrors: {
      form: tooManyAttempts(retryAfterSeconds),
    },
  }
}

/**
 * Creates an account. To keep registered e-mails private, an e-mail that already has an
 * account is answered exactly like a new one (same work, same reply): either way the person
 * is sent to log in. Only a taken handle, which profiles show publicly anyway, is an error.
 * `language` is the one the person was reading the site in: it becomes the account's, so
 * e-mail reaches them in it from the first message on.
 */
export async function signUp(
  input: SignupInput,
  clientIp: string,
  language: Language,
): Promise<{ ok: true } | AuthFailure> {
  for (const [key, limit] of [
    [`signup:ip:${clientIp}`, { ...LIMITS.signupPerIp, max: env().SIGNUP_LIMIT_PER_IP }],
    [`signup:email:${input.email}`, LIMITS.signupPerEmail],
  ] as const) {
    const r = hitRateLimit(key, limit)
    if (!r.ok) return tooMany(r.retryAfterSeconds)
  }
  const handleTaken = (): AuthFailure => ({
    ok: false,
    status: 400,
    fieldErrors: { handle: msg('auth.handleTaken') },
  })
  const passwordHash = await hashPassword(input.password)
  const createAccount = (tx: Tx, email: string) => {
    const user = tx
      .insert(users)
      .values({ email, handle: input.handle, displayName: input.displayName, language })
      .returning({ id: users.id, role: users.role })
      .get()
    tx.insert(passwords).values({ userId: user.id, hash: passwordHash }).run()
    emit(tx, { type: 'user.signed_up', actor: user, userId: user.id })
  }
  try {
    return write((tx) => {
      const taken = tx
        .select({ email: users.email, handle: users.handle })
        .from(users)
        .where(or(eq(users.email, input.email), eq(users.handle, input.handle)))
        .all()
      if (taken.some((t) => t.handle === input.handle)) return handleTaken()
      if (taken.length > 0) {
        // The same writes as a new account, undone: the reply takes as long either way.
        const rehearsal = new Error('rehearsal')
        try {
          tx.transaction((inner) => {
            createAccount(inner, `rehearsal-${randomBytes(8).toString('hex')}@accounts.invalid`)
            throw rehearsal
          })
        } catch (error) {
          if (error !== rehearsal) throw error
        }
        return { ok: true as const }
      }
      createAccount(tx, input.email)
      return { ok: true as const }
    })
  } catch (error) {
    // Another sign-up took the handle between our read and our write.
    if (error instanceof Error && /UNIQUE/.test(error.message)) return handleTaken()
    throw error
  }
}

// Verifying against a real hash when the e-mail is unknown keeps both paths equally slow,
// so response time does not reveal which e-mails have accounts.
let dummyHash: Promise<string> | undefined

/** Verifies a password against nothing: the time a real check takes, for paths with no account. */
export async function verifyNothing(password: string): Promise<false> {
  await verify(await (dummyHash ??= hashPassword('not a real password')), password)
  return false
}

/** Whether `password` is the account's current one (false for an account without a password). */
export async function passwordMatches(userId: number, password: string): Promise<boolean> {
  const row = db
    .select({ hash: passwords.hash })
    .from(passwords)
    .where(eq(passwords.userId, userId))
    .get()
  return row ? verify(row.hash, password) : verifyNothing(password)
}

export async function logIn(
  email: string,
  password: string,
  clientIp: string,
): Promise<{ ok: true; userId: number; setCookie: string } | AuthFailure> {
  const pairKey = `login:fail:${email}:${clientIp}`
  const ipKey = `login:fail-ip:${clientIp}`
  for (const [key, limit] of [
    [ipKey, LIMITS.loginFailuresPerIp],
    [pairKey, LIMITS.loginFailuresPerAccountAndIp],
  ] as const) {
    const r = peekRateLimit(key, limit)
    if (!r.ok) return tooMany(r.retryAfterSeconds)
  }
  const row = db
    .select({
      id: users.id,
      role: users.role,
      hash: passwords.hash,
      silencedUntil: users.silencedUntil,
      suspendedUntil: users.suspendedUntil,
      bannedAt: users.bannedAt,
    })
    .from(users)
    .innerJoin(passwords, eq(passwords.userId, users.id))
    .where(and(eq(users.email, email), isNull(users.deletedAt)))
    .get()
  const valid = row ? await verify(row.hash, password) : await verifyNothing(password)
  if (!row || !valid) {
    hitRateLimit(ipKey, LIMITS.loginFailuresPerIp)
    hitRateLimit(pairKey, LIMITS.loginFailuresPerAccountAndIp)
    write(
      (tx) =>
        emit(tx, {
          type: 'user.sign_in_failed',
          actor: null,
          userId: row?.id ?? null,
          data: { known: Boolean(row) },
        }),
      { pagesUnchanged: true },
    )
    return {
      ok: false,
      status: 401,
      fieldErrors: { form: msg('auth.noMatch') },
    }
  }
  clearRateLimit(pairKey)
  // Only someone who knows the password learns that the account is kept out, and why.
  const standing = standingOf(row)
  if (isKeptOut(standing)) {
    const reason = reasonInForce(row.id, standing.banned ? 'ban' : 'suspend') ?? ''
    return {
      ok: false,
      status: 403,
      fieldErrors: {
        form: standing.banned
          ? msg('moderation.notice.banned', { reason })
          : msg('moderation.notice.suspended', {
              reason,
              until: momentValue(standing.suspendedUntil!),
            }),
      },
    }
  }
  const setCookie = write(
    (tx) => {
      const cookie = createSessionIn(tx, row.id)
      emit(tx, { type: 'user.signed_in', actor: { id: row.id, role: row.role } })
      return cookie
    },
    { pagesUnchanged: true },
  )
  return { ok: true, userId: row.id, setCookie }
}
