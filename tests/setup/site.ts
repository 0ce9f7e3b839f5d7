import fs from 'node:fs'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { acceptAnswer } from '~/modules/answers/answers.server'
import { createSessionCookie } from '~/modules/auth/auth.server'
import { createArticle } from '~/modules/kb/kb.server'
import { db, sqlite } from '~/utils/db.server'
import { slugify } from '~/utils/slug'
import { kbCandidates } from '../../db/schema'
import { makeAnswer, makeCategory, makeQuestion, makeUser } from '../factories'
import { loadBuild } from './app'

// A small community with one of everything a route can be about (a question with an accepted
// answer, a promotion candidate, a KB article, users of every role), and the route table of
// the Remix build: for tests that walk every route instead of a list someone has to keep.
// Files that use it mock `~/modules/search/kb-index.server` (creating an article asks for an
// index rebuild in a worker thread).

export async function seedSite() {
  makeCategory('brewing-help', 'Brewing help')
  const admin = await makeUser({ role: 'admin' })
  const moderator = await makeUser({ role: 'moderator' })
  const helper = await makeUser({ role: 'helper', reputation: 120 })
  const member = await makeUser()
  const title = 'My V60 coffee tastes sour every morning'
  const questionId = await makeQuestion(member, {
    title,
    body: 'The cup is sour and thin every morning with 15 g of beans and a medium grind.',
    category: 'brewing-help',
    tags: ['v60'],
  })
  const answerId = await makeAnswer(helper, questionId, 'Grind finer and bloom for 40 seconds.')
  acceptAnswer(member, answerId)
  const candidate = db
    .select({ id: kbCandidates.id })
    .from(kbCandidates)
    .where(eq(kbCandidates.questionId, questionId))
    .get()
  const article = await createArticle(admin, {
    title: 'Cleaning a hand grinder',
    summary: 'Brush the burrs after every bag, never wash them.',
    body: 'Use the small brush, and a rice trick once a month.',
    category: 'brewing-help',
    tags: ['grinder'],
    status: 'published',
    comment: '',
  })
  if (!article.ok) throw new Error('the fixture article was not created')
  return {
    users: { admin, moderator, helper, member },
    questionId,
    questionPath: `/questions/${questionId}/${slugify(title)}`,
    answerId,
    candidateId: candidate?.id ?? null,
    articleSlug: article.slug,
  }
}

export type Site = Awaited<ReturnType<typeof seedSite>>

/** The Cookie header that signs `user` in. */
export async function sessionCookie(user: { id: number }) {
  return (await createSessionCookie(user.id)).split(';')[0]
}

export type RouteEntry = {
  id: string
  /** The route's file under app/routes. */
  file: string
  /** Its full URL pattern, as Remix matches it (`/questions/:questionId/:slug?`). */
  pattern: string
  /** An index route (it outranks a sibling pattern of the same shape). */
  index: boolean
  hasAction: boolean
  /** Values of the route's `intents` export: what its action reads from the `intent` field. */
  intents: readonly string[] | null
}

/** Every route of the build, with its full pattern, walked up through its parents. */
export async function routeTable(): Promise<RouteEntry[]> {
  const build = await loadBuild()
  const fullPath = (id: string): string => {
    const route = build.routes[id]
    const own = route.path ?? ''
    const parent = route.parentId ? fullPath(route.parentId) : ''
    return [parent, own].filter(Boolean).join('/')
  }
  return Object.entries(build.routes)
    .filter(([id]) => id !== 'root')
    .map(([id, route]) => {
      const exported = route.module as { action?: unknown; intents?: unknown }
      const intents = Array.isArray(exported.intents) ? (exported.intents as string[]) : null
      return {
        id,
        file:
          ['.tsx', '.ts'].map((ext) => path.join('app', `${id}${ext}`)).find(fs.existsSync) ?? id,
        pattern: `/${fullPath(id)}`,
        index: route.index === true,
        hasAction: typeof exported.action === 'function',
        intents,
      }
    })
}

/** Whether the route's source reads a form field named `intent`. */
export function readsIntent(route: RouteEntry) {
  return /['"]intent['"]/.test(fs.readFileSync(route.file, 'utf8'))
}

/**
 * A URL for the pattern that points at the fixture's things. A parameter nobody has given a
 * value for yet fails loudly, so a new route with a new kind of parameter is noticed.
 */
export function urlFor(pattern: string, site: Site) {
  return pattern.replace(/:(\w+)\??/g, (_, name: string) => {
    switch (name) {
      case 'questionId':
        return String(site.questionId)
      case 'answerId':
        return String(site.answerId)
      case 'candidateId':
        return String(site.candidateId)
      case 'handle':
        return site.users.member.handle
      case 'slug':
        return pattern.startsWith('/kb/') ? site.articleSlug : site.questionPath.split('/')[3]
      default:
        throw new Error(`No fixture value for the route parameter :${name} in ${pattern}`)
    }
  })
}

/** Rows per table and a digest of every row: what a refused request must leave as it was. */
export function databaseSnapshot() {
  const tables = (
    sqlite
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%_fts_%' order by name",
      )
      .all() as { name: string }[]
  ).map((t) => t.name)
  const counts: Record<string, number> = {}
  const rows: Record<string, unknown[]> = {}
  for (const t of tables) {
    rows[t] = sqlite.prepare(`select * from "${t}"`).raw().all()
    counts[t] = rows[t].length
  }
  return { counts, digest: JSON.stringify(rows) }
}
