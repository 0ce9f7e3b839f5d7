/**
 * The audit log: every action of a moderator, staff member or admin (by the role they had at
 * that moment), and the moderation steps nobody in particular took, read from the events alone.
 *
 * The events table grows to millions of rows, so each page is read by keyset ("older than the
 * last entry shown") from one index per stream: a person's actions (`events_actor_idx`), what
 * happened to a person (`events_user_idx`), a question's timeline (`events_question_idx`), or
 * one stream per event type (`events_type_idx`); streams are merged in memory, a page at a time.
 */
import { inArray } from 'drizzle-orm'
import { categories, kbArticles, questions, users, type Role } from '../../../db/schema'
import { db, sqlite } from '../../utils/db.server'
import { canSee, type Actor } from '../policy/policy'
import {
  AUDIT_KINDS,
  AUDIT_TYPES,
  ASKERS_OWN,
  AUDITED_ROLES,
  SYSTEM_AUDIT_TYPES,
  describeEvent,
  reasonOf,
  type Described,
} from './kinds'
import type { AuditFilters } from './validation'

export const AUDIT_PAGE = 50
const DAY = 86_400_000

type Row = {
  id: number
  type: string
  source: string
  actor_id: number | null
  actor_role: Role | null
  question_id: number | null
  answer_id: number | null
  article_id: number | null
  user_id: number | null
  data: string | null
  created_at: number
}

/** One index read; `column` is the stream's equality (null: by type). */
type Stream = {
  index: string
  column: 'actor_id' | 'user_id' | 'question_id' | 'type'
  value: unknown
  /** A question's timeline also holds the merges into it (recorded on the duplicate). */
  mergedInto?: number
}

type Query = {
  types: string[]
  actorId?: number
  userId?: number
  questionId?: number
  /** Either as actor or as the person it was about (a person's history). */
  person?: number
  since?: number
  before?: number
  cursor?: { at: number; id: number }
}

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ')
// Fixed lists of our own names: inlined so each stream's statement is prepared once.
const AUDITED = `(actor_role in (${list(AUDITED_ROLES)}) or (actor_id is null and type in (${list(SYSTEM_AUDIT_TYPES)})))`
// Accepting for the asker is moderation; the asker accepting on their own question is not.
const NOT_ASKERS_OWN = `(type not in (${list(ASKERS_OWN)}) or actor_id is not (select q.author_id from questions q where q.id = events.question_id))`

/** The statement for one stream, with its parameters in order; exported for the plan test. */
export function streamStatement(stream: Stream, q: Query): { text: string; params: unknown[] } {
  const where = [`${stream.column} = ?`, `source != 'import'`, AUDITED]
  if (q.types.some((t) => (ASKERS_OWN as string[]).includes(t))) where.push(NOT_ASKERS_OWN)
  const params: unknown[] = [stream.value]
  if (stream.column !== 'type') {
    where.push(`type in (${q.types.map(() => '?').join(', ')})`)
    params.push(...q.types)
  }
  const also = { actor_id: q.actorId, user_id: q.userId, question_id: q.questionId }
  if (stream.mergedInto !== undefined) {
    where.push(`json_extract(data, '$.originalId') = ?`)
    params.push(stream.mergedInto)
    also.question_id = undefined
  }
  for (const [column, value] of Object.entries(also))
    if (value !== undefined && column !== stream.column) {
      where.push(`${column} = ?`)
      params.push(value)
    }
  if (q.since !== undefined) {
    where.push('created_at >= ?')
    params.push(q.since)
  }
  if (q.before !== undefined) {
    where.push('created_at < ?')
    params.push(q.before)
  }
  if (q.cursor) {
    // a range on the index, then the tie on the id
    where.push('created_at <= ?', '(created_at < ? or id < ?)')
    params.push(q.cursor.at, q.cursor.at, q.cursor.id)
  }
  params.push(AUDIT_PAGE + 1)
  return {
    text: `select id, type, source, actor_id, actor_role, question_id, answer_id, article_id, user_id, data, created_at
      from events indexed by ${stream.index}
      where ${where.join(' and ')}
      order by created_at desc, id desc limit ?`,
    params,
  }
}

/** Which index reads answer the query. */
export function streamsFor(q: Query): Stream[] {
  if (q.questionId !== undefined)
    return [
      { index: 'events_question_idx', column: 'question_id', value: q.questionId },
      ...(q.types.includes('question.merged')
        ? [
            {
              index: 'events_type_idx',
              column: 'type' as const,
              value: 'question.merged',
              mergedInto: q.questionId,
            },
          ]
        : []),
    ]
  if (q.person !== undefined)
    return [
      { index: 'events_actor_idx', column: 'actor_id', value: q.person },
      { index: 'events_user_idx', column: 'user_id', value: q.person },
    ]
  if (q.actorId !== undefined)
    return [{ index: 'events_actor_idx', column: 'actor_id', value: q.actorId }]
  if (q.userId !== undefined)
    return [{ index: 'events_user_idx', column: 'user_id', value: q.userId }]
  return q.types.map((type) => ({ index: 'events_type_idx', column: 'type' as const, value: type }))
}

/** One page of rows, newest first, and whether there are older ones. */
function readPage(q: Query): { rows: Row[]; more: boolean } {
  const seen = new Map<number, Row>()
  for (const stream of streamsFor(q)) {
    const { text, params } = streamStatement(stream, q)
    for (const row of sqlite.prepare(text).all(...params) as Row[]) seen.set(row.id, row)
  }
  const rows = [...seen.values()].sort((a, b) => b.created_at - a.created_at || b.id - a.id)
  return { rows: rows.slice(0, AUDIT_PAGE), more: rows.length > AUDIT_PAGE }
}

function idOfHandle(handle: string): number | null {
  const row = sqlite.prepare('select id from users where handle = ?').get(handle) as
    { id: number } | undefined
  return row?.id ?? null
}

const dayStart = (date: string) => Date.parse(`${date}T00:00:00Z`)

export type AuditEntry = {
  id: number
  type: string
  at: string
  actor: { handle: string; displayName: string; role: Role | null } | null
  question: { id: number; title: string | null } | null
  answerId: number | null
  article: { slug: string; title: string } | null
  user: { handle: string; displayName: string } | null
  description: Described | { raw: string }
  reason: ReturnType<typeof reasonOf>
}

/** The page's entries, with targets the viewer may see named (others by number only). */
function present(viewer: Actor, rows: Row[]): AuditEntry[] {
  const ids = (pick: (r: Row) => number | null) => [
    ...new Set(rows.map(pick).filter((v): v is number => v !== null)),
  ]
  const personIds = [...new Set([...ids((r) => r.actor_id), ...ids((r) => r.user_id)])]
  const people = new Map(
    personIds.length
      ? db
          .select({ id: users.id, handle: users.handle, displayName: users.displayName })
          .from(users)
          .where(inArray(users.id, personIds))
          .all()
          .map((u) => [u.id, u] as const)
      : [],
  )
  const questionIds = ids((r) => r.question_id)
  const threads = new Map(
    questionIds.length
      ? db
          .select({
            id: questions.id,
            title: questions.title,
            authorId: questions.authorId,
            hiddenAt: questions.hiddenAt,
            deletedAt: questions.deletedAt,
            visibility: questions.visibility,
          })
          .from(questions)
          .where(inArray(questions.id, questionIds))
          .all()
          .map((q) => [q.id, q] as const)
      : [],
  )
  const articleIds = ids((r) => r.article_id)
  const articles = new Map(
    articleIds.length
      ? db
          .select({ id: kbArticles.id, slug: kbArticles.slug, title: kbArticles.title })
          .from(kbArticles)
          .where(inArray(kbArticles.id, articleIds))
          .all()
          .map((a) => [a.id, a] as const)
      : [],
  )
  const categoryNames = new Map(
    db
      .select({ id: categories.id, name: categories.name })
      .from(categories)
      .all()
      .map((c) => [c.id, c.name] as const),
  )
  const names = {
    category: (id: unknown) => (typeof id === 'number' ? (categoryNames.get(id) ?? `#${id}`) : ''),
  }
  return rows.map((r) => {
    const data = r.data ? (JSON.parse(r.data) as Record<string, unknown>) : {}
    const actor = r.actor_id !== null ? people.get(r.actor_id) : undefined
    const person = r.user_id !== null ? people.get(r.user_id) : undefined
    const thread = r.question_id !== null ? threads.get(r.question_id) : undefined
    const article = r.article_id !== null ? articles.get(r.article_id) : undefined
    return {
      id: r.id,
      type: r.type,
      at: new Date(r.created_at).toISOString(),
      actor: actor
        ? { handle: actor.handle, displayName: actor.displayName, role: r.actor_role }
        : null,
      // a private question's title is for its asker and staff, as everywhere
      question:
        r.question_id !== null
          ? { id: r.question_id, title: thread && canSee(viewer, thread) ? thread.title : null }
          : null,
      answerId: r.answer_id,
      article: article ? { slug: article.slug, title: article.title } : null,
      user: person ? { handle: person.handle, displayName: person.displayName } : null,
      description: describeEvent(r.type, data, names),
      reason: reasonOf(r.type, data),
    }
  })
}

export type AuditPage = { entries: AuditEntry[]; next: string | null; unknownPeople: string[] }

/** The log as filtered; `unknownPeople` names the filters whose handle is nobody. */
export function listAuditLog(viewer: Actor, filters: AuditFilters): AuditPage {
  const unknownPeople: string[] = []
  const person = (handle: string | undefined, name: string) => {
    if (!handle) return undefined
    const id = idOfHandle(handle)
    if (id === null) unknownPeople.push(name)
    return id ?? -1
  }
  const [at, id] = filters.cursor ? filters.cursor.split('.').map(Number) : []
  const q: Query = {
    types: filters.kind ? [...AUDIT_KINDS[filters.kind]] : AUDIT_TYPES,
    actorId: person(filters.actor, 'actor'),
    userId: person(filters.user, 'user'),
    questionId: filters.question,
    since: filters.from ? dayStart(filters.from) : undefined,
    before: filters.to ? dayStart(filters.to) + DAY : undefined,
    cursor: filters.cursor ? { at, id } : undefined,
  }
  if (unknownPeople.length) return { entries: [], next: null, unknownPeople }
  const page = readPage(q)
  const last = page.rows.at(-1)
  return {
    entries: present(viewer, page.rows),
    next: page.more && last ? `${last.created_at}.${last.id}` : null,
    unknownPeople,
  }
}

/** A person's history: what they did as a moderator, and what moderators did about them. */
export function listPersonHistory(
  viewer: Actor,
  personId: number,
  cursor?: string,
): { entries: AuditEntry[]; next: string | null } {
  const [at, id] = cursor ? cursor.split('.').map(Number) : []
  const page = readPage({
    types: AUDIT_TYPES,
    person: personId,
    cursor: cursor ? { at, id } : undefined,
  })
  const last = page.rows.at(-1)
  return {
    entries: present(viewer, page.rows),
    next: page.more && last ? `${last.created_at}.${last.id}` : null,
  }
}
