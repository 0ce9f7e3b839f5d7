/**
 * A moderator's tools for a whole thread: lock and unlock, close for a reason, move to another
 * category, retag. Each is a conditional update (a second click changes nothing) that appends
 * its event with the reason; what follows (telling the asker, the attention clock) are reactions.
 */
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm'
import type { z } from 'zod'
import { questions } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { write, type Tx } from '../../utils/db.server'
import { Forbidden, Invalid, NotFound } from '../../utils/domain-errors'
import { msg } from '../../i18n/message'
import { findCategoryId, listCategories } from '../categories/categories.server'
import { emit, type EmittedEvent } from '../events/events.server'
import { notify } from '../notifications/notifications.server'
import { parseActionReason, reasonData } from '../audit/validation'
import { can, type Action, type Actor, type QuestionTarget } from '../policy/policy'
import type { Language } from '../../i18n/config'
import { addRevision, getVisibleQuestion, questionTarget } from '../questions/questions.server'
import { resolveTags, setQuestionTags, tagsByQuestion } from '../questions/tags.server'
import { fieldErrorsOf } from '../questions/validation'
import { syncQuestionSearch } from '../search/thread-index.server'
import { closeSchema, lockSchema, moveSchema, retagSchema } from './thread-validation'

/** The question as the actor sees it, when `action` is theirs to take. */
function requireQuestion(actor: Actor, questionId: number, action: Action & `question.${string}`) {
  const question = getVisibleQuestion(questionId, actor)
  if (!question) throw new NotFound('question')
  if (!can(actor, action as 'question.lock', questionTarget(question))) throw new Forbidden(action)
  return question
}

/** Parses with `schema`, or throws Invalid keyed by the form's own field names. */
function parse<S extends z.ZodTypeAny>(
  schema: S,
  input: unknown,
  fields: Record<string, string>,
): z.output<S> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const errors = fieldErrorsOf(parsed.error)
  throw new Invalid(Object.fromEntries(Object.entries(errors).map(([k, v]) => [fields[k] ?? k, v])))
}

const withNote = (note: string) => (note ? { note } : {})

export function lockQuestion(actor: Actor, questionId: number, note: string) {
  const question = requireQuestion(actor, questionId, 'question.lock')
  const input = parse(lockSchema, { note }, { note: 'lockNote' })
  write((tx) => {
    const changed = tx
      .update(questions)
      .set({ lockedAt: now() })
      .where(and(eq(questions.id, questionId), isNull(questions.lockedAt)))
      .run()
    if (changed.changes === 0) return
    emit(tx, {
      type: 'question.locked',
      actor,
      questionId,
      userId: question.authorId,
      data: { reason: input.note },
    })
  })
}

/** Unlocks; the reason is optional (unlocking takes nothing away) and goes in the log. */
export function unlockQuestion(actor: Actor, questionId: number, reason = '') {
  const question = requireQuestion(actor, questionId, 'question.unlock')
  const why = parseActionReason(reason, 'unlockReason')
  if (!why.ok) throw new Invalid(why.errors)
  write((tx) => {
    const changed = tx
      .update(questions)
      .set({ lockedAt: null })
      .where(and(eq(questions.id, questionId), isNotNull(questions.lockedAt)))
      .run()
    if (changed.changes === 0) return
    emit(tx, {
      type: 'question.unlocked',
      actor,
      questionId,
      userId: question.authorId,
      data: reasonData(why.reason),
    })
  })
}

/** Closes for a reason other than a duplicate (those go through `closeAsDuplicate`). */
export function closeQuestion(actor: Actor, questionId: number, reason: string, note: string) {
  const question = requireQuestion(actor, questionId, 'question.close')
  const input = parse(closeSchema, { reason, note }, { reason: 'closeReason', note: 'closeNote' })
  write((tx) => {
    const at = now()
    const changed = tx
      .update(questions)
      .set({
        closedReason: input.reason,
        duplicateOfId: null,
        closedAt: at,
        lastActivityAt: sql`max(${questions.lastActivityAt}, ${at.getTime()})`,
      })
      .where(and(eq(questions.id, questionId), isNull(questions.closedAt)))
      .run()
    if (changed.changes === 0) return
    emit(tx, {
      type: 'question.closed',
      actor,
      questionId,
      userId: question.authorId,
      data: { reason: input.reason, ...withNote(input.note) },
    })
    syncQuestionSearch(tx, questionId)
  })
}

/** Moves the thread to another category; its attention clock follows the new category's target. */
export function moveQuestion(actor: Actor, questionId: number, category: string, note: string) {
  const question = requireQuestion(actor, questionId, 'question.move')
  const input = parse(moveSchema, { category, note }, { category: 'moveTo', note: 'moveNote' })
  write((tx) => {
    const to = findCategoryId(tx, input.category)
    if (to === null) throw new Invalid({ moveTo: msg('questions.validation.chooseCategory') })
    if (to === question.categoryId) return
    tx.update(questions)
      .set({ categoryId: to, updatedAt: now() })
      .where(eq(questions.id, questionId))
      .run()
    emit(tx, {
      type: 'question.recategorised',
      actor,
      questionId,
      userId: question.authorId,
      data: { from: question.categoryId, to, ...withNote(input.note) },
    })
    syncQuestionSearch(tx, questionId)
  })
}

/** A moderator's edit of the tags alone: a revision like any edit, and its own event. */
export function retagQuestion(actor: Actor, questionId: number, tags: string, note: string) {
  const question = requireQuestion(actor, questionId, 'question.retag')
  const input = parse(retagSchema, { tags, note }, { tags: 'retagTags', note: 'retagNote' })
  const before = tagsByQuestion([questionId]).get(questionId) ?? []
  if ([...before].sort().join(' ') === [...input.tags].sort().join(' ')) return
  write((tx) => {
    const resolved = resolveTags(tx, actor, input.tags)
    if (!resolved.ok) throw new Invalid({ retagTags: resolved.message })
    setQuestionTags(tx, questionId, resolved.tagIds)
    addRevision(tx, 'question', questionId, actor.id, {
      title: question.title,
      tags: input.tags.join(' '),
      bodyMd: question.bodyMd,
      comment: input.note,
    })
    tx.update(questions).set({ updatedAt: now() }).where(eq(questions.id, questionId)).run()
    emit(tx, {
      type: 'question.retagged',
      actor,
      questionId,
      userId: question.authorId,
      data: { from: before, to: input.tags, ...withNote(input.note) },
    })
    syncQuestionSearch(tx, questionId)
  })
}

// Reactions (see reactions.server.ts): the asker hears why their thread was closed or locked.

function tellAsker(tx: Tx, e: EmittedEvent, type: 'question.closed' | 'question.locked') {
  if (!e.questionId || !e.userId) return
  const data: Record<string, unknown> = {}
  if (typeof e.data?.reason === 'string') data.reason = e.data.reason
  notify(tx, {
    userId: e.userId,
    type,
    actorId: e.actor?.id ?? null,
    questionId: e.questionId,
    data,
  })
}

/** Duplicates are told by their own notification, which links the original. */
export function notifyAskerOfClose(tx: Tx, e: EmittedEvent) {
  if (e.data?.reason === 'duplicate') return
  tellAsker(tx, e, 'question.closed')
}

export function notifyAskerOfLock(tx: Tx, e: EmittedEvent) {
  tellAsker(tx, e, 'question.locked')
}

/**
 * What the "Moderate thread" disclosure offers this viewer on this question; null when nothing
 * (the page then shows only whether the thread is locked).
 */
export function getThreadModerationView(
  viewer: Actor | null,
  page: {
    question: { id: number }
    target: QuestionTarget
    category: { slug: string }
    tags: string[]
    duplicateOf?: { id: number } | null
  },
  language: Language,
) {
  const q = page.target
  const may = {
    lock: can(viewer, 'question.lock', q),
    unlock: can(viewer, 'question.unlock', q),
    close: can(viewer, 'question.close', q),
    move: can(viewer, 'question.move', q),
    retag: can(viewer, 'question.retag', q),
    merge: can(viewer, 'question.merge', q),
    history: can(viewer, 'audit.view', null),
  }
  if (!Object.values(may).some(Boolean)) return null
  return {
    may,
    questionId: page.question.id,
    category: page.category.slug,
    tags: page.tags.join(' '),
    // a question closed as a duplicate is the usual one to merge: its original, filled in
    duplicateOfId: page.duplicateOf?.id ?? null,
    categories: may.move
      ? listCategories(language).map((c) => ({ value: c.slug, label: c.name }))
      : [],
  }
}
export type ThreadModerationView = ReturnType<typeof getThreadModerationView>
