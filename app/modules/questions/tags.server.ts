import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm'
import { questionTags, questions, tags } from '../../../db/schema'
import { db, type Tx } from '../../utils/db.server'
import { can, type Actor } from '../policy/policy'
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
    const list = missing.map((m) => `“${m}”`).join(', ')
    return {
      ok: false,
      message: `${list} ${missing.length === 1 ? 'is not a tag yet' : 'are not tags yet'}. New tags can be created by helpers and members with 100 reputation; please use existing tags.`,
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

/** Tags with how many visible questions carry them, most used first. */
export function listTags(limit = 200) {
  const uses = count(questions.id)
  return db
    .select({ name: tags.name, count: uses })
    .from(tags)
    .leftJoin(questionTags, eq(questionTags.tagId, tags.id))
    .leftJoin(questions, and(eq(questions.id, questionTags.questionId), listed(questions)))
    .groupBy(tags.id)
    .orderBy(desc(uses), asc(tags.name))
    .limit(limit)
    .all()
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
