/**
 * Accounts, passwords and sessions. Lucia stays inside this module: the rest of the app
 * sees `getAuth`, `requireUser` and plain users.
 */
import { createHash, randomBytes } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'
import { redirect } from '@remix-run/node'
import { DrizzleSQLiteAdapter } from '@lucia-auth/adapter-drizzle'
import { eq, or } from 'drizzle-orm'
import { Lucia, TimeSpan } from 'lucia'
import { events, passwords, sessions, users, type Role } from '../../../db/schema'
import { db, write } from '../../utils/db.server'
import { env } from '../../utils/env.server'
import { oncePerRequest } from '../../utils/request-scope.server'
import { singleton } from '../../utils/singleton.server'
import type { Actor } from '../policy/policy'
import { clearRateLimit, describeWait, hitRateLimit, type Limit } from './rate-limit.server'
import type { SignupInput } from './validation'

export type SessionUser = Actor & { handle: string; displayName: string }

const lucia = singleton('lucia', () => {
  const secure = env().BASE_URL.startsWith('https://')
  return new Lucia(new DrizzleSQLiteAdapter(db, sessions, users), {
    sessionExpiresIn: new TimeSpan(30, 'd'),
    sessionCookie: { name: 'tanya_session', attributes: { secure, sameSite: 'lax' } },
    getUserAttributes: (u) => ({
      handle: u.handle,
      displayName: u.displayName,
      role: u.role,
      reputation: u.reputation,
    }),
  })
})

declare module 'lucia' {
  interface Register {
    Lucia: typeof lucia
    UserId: number
    DatabaseUserAttributes: { handle: string; displayName: string; role: Role; reputation: number }
  }
}

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 } as const

export const LIMITS = {
  signupPerIp: { max: 10, windowMs: 60 * 60_000 },
  signupPerEmail: { max: 5, windowMs: 60 * 60_000 },
  loginPerIp: { max: 30, windowMs: 15 * 60_000 },
  loginPerAccount: { max: 5, windowMs: 15 * 60_000 },
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

export async function createSessionCookie(userId: number): Promise<string> {
  const token = randomBytes(24).toString('base64url')
  await lucia.createSession(userId, {}, { sessionId: sessionIdOf(token) })
  return lucia.createSessionCookie(token).serialize()
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
  const setCookie = session.fresh ? lucia.createSessionCookie(token).serialize() : null
  return {
    user: {
      id: user.id,
      role: user.role,
      reputation: user.reputation,
      handle: user.handle,
      displayName: user.displayName,
    },
    setCookie,
  }
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  return (await getAuth(request)).user
}

/** Guard: signed-in user or a redirect to the log-in page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request)
  if (!user) {
    const url = new URL(request.url)
    const back = `${url.pathname}${url.search}`
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`)
  }
  return user
}

export async function logOut(request: Request): Promise<string> {
  const token = readToken(request)
  if (token) await lucia.invalidateSession(sessionIdOf(token))
  return lucia.createBlankSessionCookie().serialize()
}

export type AuthFailure = {
  ok: false
  status: 400 | 401 | 409 | 429
  fieldErrors: Partial<Record<'email' | 'handle' | 'password' | 'form', string>>
}

function tooMany(retryAfterSeconds: number): AuthFailure {
  return {
    ok: false,
    status: 429,
    fieldErrors: {
      form: `Too many attempts. Please wait ${describeWait(retryAfterSeconds)} and try again.`,
    },
  }
}

export async function signUp(
  input: SignupInput,
  clientIp: string,
): Promise<{ ok: true; userId: number; setCookie: string } | AuthFailure> {
  for (const [key, limit] of [
    [`signup:ip:${clientIp}`, LIMITS.signupPerIp],
    [`signup:email:${input.email}`, LIMITS.signupPerEmail],
  ] as const) {
    const r = hitRateLimit(key, limit)
    if (!r.ok) return tooMany(r.retryAfterSeconds)
  }
  const taken = db
    .select({ email: users.email, handle: users.handle })
    .from(users)
    .where(or(eq(users.email, input.email), eq(users.handle, input.handle)))
    .all()
  if (taken.length > 0) return conflict(taken, input)

  const passwordHash = await hashPassword(input.password)
  try {
    const userId = write((tx) => {
      const user = tx
        .insert(users)
        .values({ email: input.email, handle: input.handle, displayName: input.displayName })
        .returning({ id: users.id })
        .get()
      tx.insert(passwords).values({ userId: user.id, hash: passwordHash }).run()
      tx.insert(events).values({ type: 'user.signed_up', actorId: user.id }).run()
      return user.id
    })
    return { ok: true, userId, setCookie: await createSessionCookie(userId) }
  } catch (error) {
    // Two sign-ups raced for the same handle or e-mail between the check and the insert.
    if (error instanceof Error && /UNIQUE/.test(error.message)) {
      return conflict(
        db
          .select({ email: users.email, handle: users.handle })
          .from(users)
          .where(or(eq(users.email, input.email), eq(users.handle, input.handle)))
          .all(),
        input,
      )
    }
    throw error
  }
}

function conflict(taken: { email: string; handle: string }[], input: SignupInput): AuthFailure {
  const fieldErrors: AuthFailure['fieldErrors'] = {}
  if (taken.some((t) => t.email === input.email))
    fieldErrors.email = 'An account with this e-mail already exists. Log in instead?'
  if (taken.some((t) => t.handle === input.handle))
    fieldErrors.handle = 'This handle is taken; try another'
  return { ok: false, status: 409, fieldErrors }
}

// Verifying against a real hash when the e-mail is unknown keeps both paths equally slow,
// so response time does not reveal which e-mails have accounts.
let dummyHash: Promise<string> | undefined

export async function logIn(
  email: string,
  password: string,
  clientIp: string,
): Promise<{ ok: true; userId: number; setCookie: string } | AuthFailure> {
  const accountKey = `login:account:${email}`
  for (const [key, limit] of [
    [`login:ip:${clientIp}`, LIMITS.loginPerIp],
    [accountKey, LIMITS.loginPerAccount],
  ] as const) {
    const r = hitRateLimit(key, limit)
    if (!r.ok) return tooMany(r.retryAfterSeconds)
  }
  const row = db
    .select({ id: users.id, hash: passwords.hash })
    .from(users)
    .innerJoin(passwords, eq(passwords.userId, users.id))
    .where(eq(users.email, email))
    .get()
  const valid = row
    ? await verify(row.hash, password)
    : (await verify(await (dummyHash ??= hashPassword('not a real password')), password), false)
  if (!row || !valid) {
    return {
      ok: false,
      status: 401,
      fieldErrors: { form: 'That e-mail and password do not match an account.' },
    }
  }
  clearRateLimit(accountKey)
  return { ok: true, userId: row.id, setCookie: await createSessionCookie(row.id) }
}
