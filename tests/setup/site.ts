import fs from 'node:fs'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { vi } from 'vitest'
import { acceptAnswer } from '~/modules/answers/answers.server'
import { createSessionCookie } from '~/modules/auth/auth.server'
import { createArticle } from '~/modules/kb/kb.server'
import { createTemplate } from '~/modules/templates/templates.server'
import {
  deleteAnswer,
  deleteQuestion,
  hideAnswer,
  hideQuestion,
} from '~/modules/moderation/posts.server'
import { closeAsDuplicate } from '~/modules/questions/closing.server'
import { syncQuestionsSearch } from '~/modules/search/thread-index.server'
import { db, sqlite, write } from '~/utils/db.server'
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
  const category = makeCategory('brewing-help', 'Brewing help')
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
  const template = createTemplate(admin, {
    title: 'Sour cup: grind finer',
    category: 'brewing-help',
    tags: ['v60'],
    visibility: 'public',
    language: 'en',
    body: 'Hi {{asker.name|there}}, grind a step finer and bloom for 40 seconds.',
  })
  if (!template.ok) throw new Error('the fixture template was not created')
  return {
    users: { admin, moderator, helper, member },
    questionId,
    questionPath: `/questions/${questionId}/${slugify(title)}`,
    answerId,
    candidateId: candidate?.id ?? null,
    articleId: article.id,
    articleSlug: article.slug,
    categoryId: category.id,
    templateId: template.id,
  }
}

export type Site = Awaited<ReturnType<typeof seedSite>>

/**
 * Words that appear in one removed post each and nowhere else, so a page that shows the post
 * to someone who may not see it is caught by a plain text search of the response.
 */
export const REMOVED_MARKERS = {
  hiddenQuestion: 'zirconia',
  deletedQuestion: 'basaltic',
  hiddenAnswer: 'quartzite',
  deletedAnswer: 'obsidianite',
  privateQuestion: 'malachite',
} as const

/**
 * Posts in every moderation state, put there by the moderation commands as a moderator would:
 * the member's own question hidden, another deleted, a third closed as a duplicate; and on a
 * thread someone else asked, three answers by the member: one as it is, one hidden, one
 * deleted. Also the people `seedSite` has none of: staff, a second member who wrote nothing
 * here, and the asker of that thread. A draft article is the knowledge base's unpublished post.
 */
export async function seedModerationStates(site: Site) {
  const { admin, helper, member, moderator } = site.users
  const staff = await makeUser({ role: 'staff' })
  const otherMember = await makeUser()
  const asker = await makeUser()
  const spam = { reason: 'spam', note: '' } as const
  const question = async (title: string, body: string) => {
    const id = await makeQuestion(member, { title, body, category: 'brewing-help', tags: ['v60'] })
    return { id, path: `/questions/${id}/${slugify(title)}`, title }
  }
  const m = REMOVED_MARKERS
  const hiddenQuestion = await question(
    `Is a ${m.hiddenQuestion} burr worth the price`,
    `My ${m.hiddenQuestion} burr grinder squeaks at the finest settings.`,
  )
  hideQuestion(moderator, hiddenQuestion.id, spam)
  const deletedQuestion = await question(
    `Where to buy ${m.deletedQuestion} filter papers`,
    `The ${m.deletedQuestion} papers I bought tear when wet every time.`,
  )
  deleteQuestion(moderator, deletedQuestion.id, spam)

  const hostTitle = 'How long should Toraja beans rest after roasting'
  const hostId = await makeQuestion(asker, {
    title: hostTitle,
    body: 'The bag says roasted yesterday; should I wait before brewing?',
    category: 'brewing-help',
    tags: ['v60'],
  })
  const host = { id: hostId, path: `/questions/${hostId}/${slugify(hostTitle)}`, title: hostTitle }
  const answerId = await makeAnswer(member, hostId, 'A week for filter, two for espresso.')
  const hiddenAnswerId = await makeAnswer(member, hostId, `Buy ${m.hiddenAnswer} beans instead.`)
  hideAnswer(moderator, hiddenAnswerId, spam)
  const deletedAnswerId = await makeAnswer(member, hostId, `My ${m.deletedAnswer} trick: none.`)
  deleteAnswer(moderator, deletedAnswerId, spam)

  // Asked privately by the member: only they and staff may open it, and nobody lists it.
  const privateTitle = `Parcel ${m.privateQuestion} never reached the kiosk`
  const privateId = await makeQuestion(member, {
    title: privateTitle,
    body: `Order ${m.privateQuestion} was sent to my old address in Bandung by mistake.`,
    category: 'brewing-help',
    tags: ['v60'],
    visibility: 'private',
  })
  const privateQuestion = {
    id: privateId,
    path: `/questions/${privateId}/${slugify(privateTitle)}`,
    title: privateTitle,
  }

  const closedQuestion = await question(
    'How long do Toraja beans need to rest',
    'Just roasted beans taste flat to me; how many days should they rest?',
  )
  const closed = closeAsDuplicate(helper, closedQuestion.id, String(hostId))
  if (!closed.ok) throw new Error(closed.message)

  const draft = await createArticle(admin, {
    title: 'Descaling a kettle with citric acid',
    summary: 'A spoon of citric acid in hot water, once a month.',
    body: 'Fill the kettle halfway, add a spoon of citric acid, boil, wait and rinse twice.',
    category: 'brewing-help',
    tags: ['kettle'],
    status: 'draft',
    comment: '',
  })
  if (!draft.ok) throw new Error('the draft article was not created')

  return {
    users: { staff, otherMember, asker },
    hiddenQuestion,
    deletedQuestion,
    closedQuestion,
    privateQuestion,
    host,
    answerId,
    hiddenAnswerId,
    deletedAnswerId,
    draftSlug: draft.slug,
  }
}

export type ModerationStates = Awaited<ReturnType<typeof seedModerationStates>>

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
  hasLoader: boolean
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
      const exported = route.module as { loader?: unknown; action?: unknown; intents?: unknown }
      const intents = Array.isArray(exported.intents) ? (exported.intents as string[]) : null
      return {
        id,
        file:
          ['.tsx', '.ts'].map((ext) => path.join('app', `${id}${ext}`)).find(fs.existsSync) ?? id,
        pattern: `/${fullPath(id)}`,
        index: route.index === true,
        hasLoader: typeof exported.loader === 'function',
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
      case 'categoryId':
        return String(site.categoryId)
      case 'templateId':
        return String(site.templateId)
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

/**
 * What the app logged with console.error since the last call, taken out of the record that
 * tests/setup/console.ts fails a test on: for tests that look at every logged error themselves
 * and report the ones they did not expect.
 */
export function takeLoggedErrors(): unknown[] {
  const spy = console.error
  if (!vi.isMockFunction(spy)) return []
  const errors = spy.mock.calls.map((args: unknown[]) => args[0])
  spy.mockClear()
  return errors
}

/** Tables a test may fill: everything but SQLite's own, the migrations log and FTS5 internals. */
function dataTables() {
  return sqlite
    .prepare(
      "select name, sql like 'CREATE VIRTUAL TABLE%' as virtual from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name not like '%_fts_%' order by name",
    )
    .all() as { name: string; virtual: 0 | 1 }[]
}

export type DatabaseCopy = { table: string; columns: string[]; rows: unknown[][] }[]

/**
 * Every row of the database, to put back with `restoreDatabase`: a fixture made once through
 * the domain commands is restored in a few milliseconds, where making it again takes tens.
 * Full-text tables keep their rowids (they are the question ids); autoincrement counters go with
 * them, so rows made after a restore get the same ids every time.
 */
export function copyDatabase(): DatabaseCopy {
  // Full-text tables are contentless (they keep no text to read back): they are rebuilt from
  // the posts on restore instead, by the app's own indexing.
  const copy: DatabaseCopy = dataTables()
    .filter((t) => !t.virtual)
    .map(({ name, virtual }) => {
      const statement = sqlite.prepare(`select ${virtual ? 'rowid, ' : ''}* from "${name}"`)
      const columns = statement.columns().map((c, i) => (virtual && i === 0 ? 'rowid' : c.name))
      return { table: name, columns, rows: statement.raw().all() as unknown[][] }
    })
  const sequence = sqlite.prepare('select name, seq from sqlite_sequence')
  copy.push({
    table: 'sqlite_sequence',
    columns: ['name', 'seq'],
    rows: sequence.raw().all() as unknown[][],
  })
  return copy
}

/** Puts the database back as `copyDatabase` found it, in one transaction. */
export function restoreDatabase(copy: DatabaseCopy) {
  sqlite.pragma('foreign_keys = OFF')
  sqlite.transaction(() => {
    for (const { table, columns, rows } of copy) {
      sqlite.prepare(`delete from "${table}"`).run()
      if (rows.length === 0) continue
      const insert = sqlite.prepare(
        `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      )
      for (const row of rows) insert.run(...row)
    }
  })()
  sqlite.pragma('foreign_keys = ON')
  const ids = (sqlite.prepare('select id from questions').all() as { id: number }[]).map(
    (r) => r.id,
  )
  write((tx) => syncQuestionsSearch(tx, ids))
}
