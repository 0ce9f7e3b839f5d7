/**
 * Following threads, tags and categories, and the notifications that follow from it: a new
 * question in a followed tag or category, a new answer in a followed thread. Askers follow
 * their own questions and answerers the threads they answer, without doing anything.
 */
import { and, eq, inArray, sql } from 'drizzle-orm'
import {
  categories,
  follows,
  questionTags,
  questions,
  tags,
  type FollowTarget,
} from '../../../db/schema'
import { DEFAULT_LANGUAGE, type Language } from '../../i18n/config'
import { db, write, type Tx } from '../../utils/db.server'
import { NotFound } from '../../utils/domain-errors'
import { localizeCategory } from '../categories/localize'
import { emit, type EmittedEvent } from '../events/events.server'
import { can, type Actor } from '../policy/policy'
import { notify } from './notifications.server'

export type FollowRef = { type: FollowTarget; id: number }

/** The thing to follow, when it exists and the person may see it. */
function requireTarget(tx: Pick<Tx, 'select'>, actor: Actor, ref: FollowRef) {
  if (ref.type === 'question') {
    const q = tx.select().from(questions).where(eq(questions.id, ref.id)).get()
    if (!q || !can(actor, 'question.view', q)) throw new NotFound('question')
    return
  }
  const table = ref.type === 'tag' ? tags : categories
  const found = tx.select({ id: table.id }).from(table).where(eq(table.id, ref.id)).get()
  if (!found) throw new NotFound(ref.type === 'tag' ? 'page' : 'category')
}

function addFollow(tx: Tx, actor: Actor, ref: FollowRef, automatic: boolean) {
  const added = tx
    .insert(follows)
    .values({ userId: actor.id, targetType: ref.type, targetId: ref.id })
    .onConflictDoNothing()
    .run().changes
  // A follow that comes with asking or answering is part of that event, not one of its own.
  if (added && !automatic)
    emit(tx, {
      type: 'user.followed',
      actor,
      userId: actor.id,
      questionId: ref.type === 'question' ? ref.id : null,
      data: { targetType: ref.type, targetId: ref.id },
    })
}

/** Follows a thread, tag or category; following twice changes nothing. */
export function follow(actor: Actor, ref: FollowRef) {
  write(
    (tx) => {
      requireTarget(tx, actor, ref)
      addFollow(tx, actor, ref, false)
    },
    { pagesUnchanged: true },
  )
}

/** Stops following; for something no longer followed (or gone), nothing happens. */
export function unfollow(actor: Actor, ref: FollowRef) {
  write(
    (tx) => {
      const removed = tx
        .delete(follows)
        .where(
          and(
            eq(follows.userId, actor.id),
            eq(follows.targetType, ref.type),
            eq(follows.targetId, ref.id),
          ),
        )
        .run().changes
      if (removed)
        emit(tx, {
          type: 'user.unfollowed',
          actor,
          userId: actor.id,
          data: { targetType: ref.type, targetId: ref.id },
        })
    },
    { pagesUnchanged: true },
  )
}

export function isFollowing(userId: number, ref: FollowRef): boolean {
  return (
    db
      .select({ one: sql`1` })
      .from(follows)
      .where(
        and(
          eq(follows.userId, userId),
          eq(follows.targetType, ref.type),
          eq(follows.targetId, ref.id),
        ),
      )
      .get() !== undefined
  )
}

export type FollowedItem = { type: FollowTarget; id: number; name: string; href: string }

/** What a person follows, by kind, each named and linked (threads they can no longer see drop out). */
export function listFollows(actor: Actor, language: Language = DEFAULT_LANGUAGE): FollowedItem[] {
  const rows = db.select().from(follows).where(eq(follows.userId, actor.id)).all()
  const ids = (type: FollowTarget) =>
    rows.filter((r) => r.targetType === type).map((r) => r.targetId)
  const out: FollowedItem[] = []
  const qIds = ids('question')
  if (qIds.length)
    for (const q of db.select().from(questions).where(inArray(questions.id, qIds)).all())
      if (can(actor, 'question.view', q))
        out.push({ type: 'question', id: q.id, name: q.title, href: `/questions/${q.id}` })
  const tIds = ids('tag')
  if (tIds.length)
    for (const t of db.select().from(tags).where(inArray(tags.id, tIds)).all())
      out.push({
        type: 'tag',
        id: t.id,
        name: t.name,
        href: `/questions?tag=${encodeURIComponent(t.name)}`,
      })
  const cIds = ids('category')
  if (cIds.length)
    for (const c of db.select().from(categories).where(inArray(categories.id, cIds)).all())
      out.push({
        type: 'category',
        id: c.id,
        name: localizeCategory(c, language).name,
        href: `/questions?category=${c.slug}`,
      })
  const order: FollowTarget[] = ['question', 'tag', 'category']
  return out.sort(
    (a, b) => order.indexOf(a.type) - order.indexOf(b.type) || a.name.localeCompare(b.name),
  )
}

/** The ids of a tag and a category by name and slug, for the list pages' follow buttons. */
export function findTagId(name: string): number | null {
  return db.select({ id: tags.id }).from(tags).where(eq(tags.name, name)).get()?.id ?? null
}
export function findCategoryId(slug: string): number | null {
  return (
    db.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug)).get()?.id ??
    null
  )
}

function followersOf(tx: Tx, type: FollowTarget, targetIds: number[]): number[] {
  if (targetIds.length === 0) return []
  return tx
    .select({ userId: follows.userId })
    .from(follows)
    .where(and(eq(follows.targetType, type), inArray(follows.targetId, targetIds)))
    .all()
    .map((r) => r.userId)
}

// Reactions (see reactions.server.ts).

/** The asker follows their own question; the answerer the thread they answered. */
export function followOwnThread(tx: Tx, e: EmittedEvent) {
  if (!e.actor || !e.questionId) return
  addFollow(tx, { ...e.actor, reputation: 0 }, { type: 'question', id: e.questionId }, true)
}

/**
 * A new question reaches those who follow its category or one of its tags, once each (the tag
 * named when that is why), never its asker.
 */
export function notifyFollowersOfQuestion(tx: Tx, e: EmittedEvent) {
  if (!e.questionId) return
  const q = tx
    .select({ categoryId: questions.categoryId })
    .from(questions)
    .where(eq(questions.id, e.questionId))
    .get()
  if (!q) return
  const tagRows = tx
    .select({ id: tags.id, name: tags.name })
    .from(questionTags)
    .innerJoin(tags, eq(tags.id, questionTags.tagId))
    .where(eq(questionTags.questionId, e.questionId))
    .all()
  const told = new Set<number>([e.actor?.id ?? 0])
  for (const userId of followersOf(tx, 'category', [q.categoryId])) {
    if (told.has(userId)) continue
    told.add(userId)
    notify(tx, {
      userId,
      type: 'followed.new_question',
      actorId: e.actor?.id ?? null,
      questionId: e.questionId,
    })
  }
  for (const tag of tagRows)
    for (const userId of followersOf(tx, 'tag', [tag.id])) {
      if (told.has(userId)) continue
      told.add(userId)
      notify(tx, {
        userId,
        type: 'followed.new_question',
        actorId: e.actor?.id ?? null,
        questionId: e.questionId,
        data: { tag: tag.name },
      })
    }
}

/** A new answer reaches the thread's followers, except its asker (told already) and its author. */
export function notifyFollowersOfAnswer(tx: Tx, e: EmittedEvent) {
  if (!e.questionId || !e.answerId) return
  const q = tx
    .select({ authorId: questions.authorId })
    .from(questions)
    .where(eq(questions.id, e.questionId))
    .get()
  if (!q) return
  for (const userId of new Set(followersOf(tx, 'question', [e.questionId]))) {
    if (userId === q.authorId || userId === e.actor?.id) continue
    notify(tx, {
      userId,
      type: 'followed.new_answer',
      actorId: e.actor?.id ?? null,
      questionId: e.questionId,
      answerId: e.answerId,
    })
  }
}

/** The follow button of a list filtered by one tag or one category, for someone signed in. */
export function listFollowTarget(
  userId: number | null,
  filters: { tag?: string; category?: string },
): { type: 'tag' | 'category'; id: number; following: boolean } | null {
  if (userId === null) return null
  const ref: FollowRef | null = filters.tag
    ? (() => {
        const id = findTagId(filters.tag)
        return id === null ? null : { type: 'tag' as const, id }
      })()
    : filters.category
      ? (() => {
          const id = findCategoryId(filters.category)
          return id === null ? null : { type: 'category' as const, id }
        })()
      : null
  if (!ref || ref.type === 'question') return null
  return { type: ref.type, id: ref.id, following: isFollowing(userId, ref) }
}
