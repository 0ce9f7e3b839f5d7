import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm'
import { questionTags, questions, tags } from '../../../db/schema'
import { db, type Tx } from '../../utils/db.server'
import { msg } from '../../i18n/message'
import { can, TAG_CREATE_REPUTATION, type Actor } from '../policy/policy'
import { listed } from '../policy/visibility.server'

export type TagResolution = { ok: true; tagIds: number[] } | { ok: false; message: string }

/**
 * Maps tag names to ids, creating the missing ones when the actor is trusted to; otherwise
 * says which tags do not exist yet, so the person can pick existing ones.
 */
export function resolveTags(tx: Tx, actor: Actor, names: string[]): TagResolution {
  const existing = tx
    .select({ id: tags.id, name: tags.name })
    .from(tags)
    .where(inArray(tags.name, names))
    .all()
  const known = new Map(existing.map((t) => [t.name, t.id]))
  const missing = names.filter((n) => !known.has(n))
  if (missing.length > 0 && !can(actor, 'tag.create', null)) {
    // Tag names are the same in every language; only the sentence around them is translated.
    const list = missing.map((m) => `“${m}”`).join(', ')
    return {
      ok: false,
      message: msg('questions.validation.notTags', {
        count: missing.length,
        tags: list,
        reputation: TAG_CREATE_REPUTATION,
      }),
    }
  }
  for (const name of missing) {
    const row = tx
      .insert(tags)
      .values({ name, createdById: actor.id })
      .returning({ id: tags.id })
      .get()
    known.set(name, row.id)
  }
  return { ok: true, tagIds: names.map((n) => known.get(n)!) }
}

export function setQuestionTags(tx: Tx, questionId: number, tagIds: number[]) {
  tx.delete(questionTags).where(eq(questionTags.questionId, questionId)).run()
  if (tagIds.length > 0)
    tx.insert(questionTags)
      .values(tagIds.map((tagId) => ({ questionId, tagId })))
      .run()
}

/** Tag names per question for a page of questions, in one query. */
export function tagsByQuestion(questionIds: number[]): Map<number, string[]> {
  const map = new Map<number, string[]>()
  if (questionIds.length === 0) return map
  const rows = db
    .select({ questionId: questionTags.questionId, name: tags.name })
    .from(questionTags)
    .innerJoin(tags, eq(tags.id, questionTags.tagId))
    .where(inArray(questionTags.questionId, questionIds))
    .orderBy(asc(tags.name))
    .all()
  for (const r of rows) {
    const list = map.get(r.questionId) ?? []
    list.push(r.name)
    map.set(r.questionId, list)
  }
  return map
}

const uses = count(questions.id)

/** Every tag with how many listed questions carry it (a tag with none counts 0), to group. */
function tagsWithUses() {
  return db
    .select({ name: tags.name, count: uses })
    .from(tags)
    .leftJoin(questionTags, eq(questionTags.tagId, tags.id))
    .leftJoin(questions, and(eq(questions.id, questionTags.questionId), listed(questions)))
    .$dynamic()
}

/** Tags with how many visible questions carry them, most used first. */
export function listTags(limit = 200) {
  return tagsWithUses().groupBy(tags.id).orderBy(desc(uses), asc(tags.name)).limit(limit).all()
}

export function tagExists(name: string): boolean {
  return (
    db
      .select({ one: sql`1` })
      .from(tags)
      .where(eq(tags.name, name))
      .get() !== undefined
  )
}

/** How many of the most used tags the ask and edit forms list under the tags field. */
export const EXISTING_TAGS_SHOWN = 40

/** How many tags the tag field suggests at once. */
export const TAG_SUGGESTION_LIMIT = 8

/** What a tag can start with: the tag alphabet (TAG_PATTERN), at most a whole tag long. */
const TAG_PREFIX = /^[a-z0-9-]{1,30}$/

/**
 * Existing tags starting with what is being typed, most used first (counting visible questions
 * only, as the tags page does), for the tag field's suggestions. A leading "#" and capitals are
 * forgiven, as the form's own tag parsing forgives them. Anything that no tag could start with
 * is simply no match. Filtering by GLOB, not LIKE: GLOB compares bytes, so SQLite can walk the
 * unique index on the name, and the prefix has no GLOB wildcards once it passed TAG_PREFIX.
 */
export function suggestTags(typed: string, limit = TAG_SUGGESTION_LIMIT) {
  const prefix = typed.trim().toLowerCase().replace(/^#/, '')
  if (!TAG_PREFIX.test(prefix)) return []
  // Grouped by name (unique), not id: grouping by id made SQLite scan every tag, not the range.
  return tagsWithUses()
    .where(sql`${tags.name} GLOB ${`${prefix}*`}`)
    .groupBy(tags.name)
    .orderBy(desc(uses), asc(tags.name))
    .limit(Math.max(1, Math.min(limit, 50)))
    .all()
}
