import { createAnswer } from '~/modules/answers/answers.server'
import { translateMessage } from '~/i18n/message'
import { translatorFor } from '~/i18n/translator.server'
import { createSessionCookie } from '~/modules/auth/auth.server'
import type { Actor } from '~/modules/policy/policy'
import { createQuestion } from '~/modules/questions/questions.server'
import { db, write } from '~/utils/db.server'
import { mapDomainErrors } from '~/utils/route-errors.server'
import { categories, passwords, users, type Role } from '../db/schema'
import { eq } from 'drizzle-orm'

let sequence = 0

export type TestUser = Actor & { handle: string; displayName: string; email: string }

// A precomputed argon2id hash of "correct horse battery" keeps factories fast.
export const TEST_PASSWORD = 'correct horse battery'
let passwordHash: string | undefined

export async function makeUser(
  overrides: { role?: Role; reputation?: number; handle?: string; trust?: number } = {},
) {
  sequence++
  const handle = overrides.handle ?? `user${sequence}`
  if (!passwordHash) {
    const { hashPassword } = await import('~/modules/auth/auth.server')
    passwordHash = await hashPassword(TEST_PASSWORD)
  }
  const hash = passwordHash
  const row = write((tx) => {
    const u = tx
      .insert(users)
      .values({
        handle,
        email: `${handle}@example.test`,
        displayName: `User ${sequence}`,
        role: overrides.role ?? 'member',
        reputation: overrides.reputation ?? 0,
        // Past the new-account limits and the held first posts unless a test asks for a newcomer.
        trustLevel: overrides.trust ?? 1,
      })
      .returning()
      .get()
    tx.insert(passwords).values({ userId: u.id, hash }).run()
    return u
  })
  return {
    id: row.id,
    role: row.role,
    reputation: row.reputation,
    trust: row.trustLevel,
    handle: row.handle,
    displayName: row.displayName,
    email: row.email,
  } satisfies TestUser
}

export function makeCategory(slug = 'orders-shipping', name = 'Orders & shipping') {
  const existing = db.select().from(categories).where(eq(categories.slug, slug)).get()
  if (existing) return existing
  return write((tx) => tx.insert(categories).values({ slug, name }).returning().get())
}

export async function makeQuestion(
  author: Actor,
  overrides: Partial<{
    title: string
    body: string
    category: string
    tags: string[]
    visibility: 'public' | 'private'
  }> = {},
) {
  const category = makeCategory(overrides.category)
  const tagger = author.role === 'member' ? { ...author, role: 'helper' as const } : author
  const result = await createQuestion(tagger, {
    title: overrides.title ?? 'My order has not arrived yet',
    body:
      overrides.body ?? 'I ordered beans last week and the tracking has not moved since Monday.',
    category: category.slug,
    tags: overrides.tags ?? ['shipping'],
    visibility: overrides.visibility,
  })
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors))
  return result.id
}

export function makeAnswer(
  author: Actor,
  questionId: number,
  body = 'Please send us the order number.',
) {
  return createAnswer(author, questionId, body)
}

type RequestInit = {
  method?: string
  form?: Record<string, string>
  headers?: Record<string, string>
}

/** A request as the browser would send it, signed in as `user` when given. */
export async function request(path: string, user: Actor | null = null, init: RequestInit = {}) {
  const headers = new Headers(init.headers)
  if (user) headers.set('Cookie', createSessionCookie(user.id).split(';')[0])
  const method = init.method ?? (init.form ? 'POST' : 'GET')
  if (method !== 'GET') {
    headers.set('Origin', 'http://localhost:3000')
    headers.set('Sec-Fetch-Site', 'same-origin')
  }
  const body = init.form ? new URLSearchParams(init.form) : undefined
  if (body) headers.set('Content-Type', 'application/x-www-form-urlencoded')
  return new Request(`http://localhost:3000${path}`, { method, headers, body })
}

export const context = { cspNonce: 'test', clientIp: '203.0.113.7' }

/**
 * A message the server sends as a descriptor (a field error, an error page's text), as an
 * English reader sees it; a person's own words come back as they are.
 */
export function inEnglish(message: string): string {
  return translateMessage(translatorFor('en'), message)
}

/** Every field's message of a form reply, as an English reader sees them. */
export function errorsInEnglish(
  fieldErrors: Partial<Record<string, string>>,
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [field, message] of Object.entries(fieldErrors))
    if (message !== undefined) out[field] = inEnglish(message)
  return out
}

/**
 * Calls a loader or action as Remix would: wrapped like every route of the build, so a domain
 * error becomes its response, and a thrown Response (a 404, a redirect) is returned.
 */
export async function callRoute(fn: (args: never) => unknown, args: unknown): Promise<Response> {
  try {
    return (await mapDomainErrors(fn)(args as never)) as Response
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}
