/**
 * A first-party cookie that tells one signed-out visitor from another, for the few things a
 * visitor may do without an account ("was this helpful?"). Two people behind one address have
 * two cookies; the address itself is only ever a rate-limit key.
 */
import { randomBytes } from 'node:crypto'
import { createCookie } from '@remix-run/node'
import { env } from './env.server'

const VISITOR_PATTERN = /^[A-Za-z0-9_-]{22,64}$/

const visitorCookie = () =>
  createCookie('tanya_visitor', {
    httpOnly: true,
    sameSite: 'lax',
    secure: env().BASE_URL.startsWith('https://'),
    path: '/',
    maxAge: 365 * 24 * 60 * 60,
  })

/** The visitor id this browser sent, if any (a value we did not make is ignored). */
export async function readVisitorId(request: Request): Promise<string | null> {
  const value: unknown = await visitorCookie()
    .parse(request.headers.get('Cookie'))
    .catch(() => null)
  return typeof value === 'string' && VISITOR_PATTERN.test(value) ? value : null
}

/** This browser's visitor id, and the Set-Cookie header to send when it is new. */
export async function ensureVisitorId(
  request: Request,
): Promise<{ id: string; setCookie: string | null }> {
  const existing = await readVisitorId(request)
  if (existing) return { id: existing, setCookie: null }
  const id = randomBytes(18).toString('base64url')
  return { id, setCookie: await visitorCookie().serialize(id) }
}
