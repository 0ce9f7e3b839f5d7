/**
 * Deleting, restoring, hiding and unhiding questions and answers: each exists once, here, for
 * the pages, the seed, the importer and later the review queue. Every change is a conditional
 * update (a second click changes nothing), appends its event with the reason, and recomputes
 * what depends on it in the same transaction: the thread's status and first response, the
 * search index, the accepted answer.
 */
import { and, count, desc, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm'
import { answers, events, questions, users } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { db, write } from '../../utils/db.server'
import { Forbidden, NotFound } from '../../utils/domain-errors'
import { requireVisibleAnswer, unacceptIn } from '../answers/answers.server'
import { emit } from '../events/events.server'
import { can, type Actor } from '../policy/policy'
import { getVisibleQuestion, questionTarget } from '../questions/questions.server'
import { refreshQuestionState } from '../questions/state.server'
import { syncQuestionSearch } from '../search/thread-index.server'
import type { Removal } from './validation'

type Change = 'delete' | 'restore' | 'hide' | 'unhide'

const CHANGES = {
  delete: { column: 'deletedAt', removes: true, past: 'deleted' },
  restore: { column: 'deletedAt', removes: false, past: 'restored' },
  hide: { column: 'hiddenAt', removes: true, past: 'hidden' },
  unhide: { column: 'hiddenAt', removes: false, past: 'unhidden' },
} as const

/** The reason goes with removals; bringing a post back needs none. */
function reasonData(removal: Removal | undefined) {
  return removal ? { reason: removal.reason, ...(removal.note ? { note: removal.note } : {}) } : {}
}

function othersAnswerCount(question: { id: number; authorId: number }) {
  return (
    db
      .select({ n: count() })
      .from(answers)
      .where(
        and(
          eq(answers.questionId, question.id),
          isNull(answers.deletedAt),
          ne(answers.authorId, question.authorId),
        ),
      )
      .get()?.n ?? 0
  )
}

function changeQuestion(actor: Actor, id: number, change: Change, removal?: Removal) {
  const question = getVisibleQuestion(id, actor)
  if (!question) throw new NotFound('question')
  const action = `question.${change}` as const
  if (!can(actor, action, questionTarget(question, othersAnswerCount(question))))
    throw new Forbidden(action)
  const { column, removes, past } = CHANGES[change]
  return write((tx) => {
    const changed = tx
      .update(questions)
      .set({ [column]: removes ? now() : null })
      .where(
        and(
          eq(questions.id, id),
          removes ? isNull(questions[column]) : isNotNull(questions[column]),
        ),
      )
      .run()
    if (changed.changes === 0) return false
    emit(tx, {
      type: `question.${past}`,
      actor,
      questionId: id,
      userId: question.authorId,
      data: reasonData(removal),
    })
    syncQuestionSearch(tx, id)
    // A duplicate's title is part of its original's search document.
    if (question.duplicateOfId !== null) syncQuestionSearch(tx, question.duplicateOfId)
    return true
  })
}

function changeAnswer(actor: Actor, id: number, change: Change, removal?: Removal) {
  const { answer, question, target } = requireVisibleAnswer(id, actor)
  const action = `answer.${change}` as const
  if (!can(actor, action, target)) throw new Forbidden(action)
  const { column, removes, past } = CHANGES[change]
  write((tx) => {
    const changed = tx
      .update(answers)
      .set({ [column]: removes ? now() : null })
      .where(
        and(eq(answers.id, id), removes ? isNull(answers[column]) : isNotNull(answers[column])),
      )
      .run()
    if (changed.changes === 0) return
    emit(tx, {
      type: `answer.${past}`,
      actor,
      questionId: question.id,
      answerId: id,
      userId: answer.authorId,
      data: reasonData(removal),
    })
    if (removes && target.isAccepted)
      unacceptIn(tx, actor, question.id, id, change === 'delete' ? 'deleted' : 'hidden')
    refreshQuestionState(tx, question.id, actor)
  })
  return question.id
}

export const deleteQuestion = (actor: Actor, id: number, removal: Removal) =>
  changeQuestion(actor, id, 'delete', removal)
export const restoreQuestion = (actor: Actor, id: number) => changeQuestion(actor, id, 'restore')
export const hideQuestion = (actor: Actor, id: number, removal: Removal) =>
  changeQuestion(actor, id, 'hide', removal)
export const unhideQuestion = (actor: Actor, id: number) => changeQuestion(actor, id, 'unhide')

export const deleteAnswer = (actor: Actor, id: number, removal: Removal) =>
  changeAnswer(actor, id, 'delete', removal)
export const restoreAnswer = (actor: Actor, id: number) => changeAnswer(actor, id, 'restore')
export const hideAnswer = (actor: Actor, id: number, removal: Removal) =>
  changeAnswer(actor, id, 'hide', removal)
export const unhideAnswer = (actor: Actor, id: number) => changeAnswer(actor, id, 'unhide')

export type Removed = { at: Date; by: string | null; reason: string | null; note: string | null }

/**
 * Who removed a question and its answers, when and why: the latest deletion or hiding of each
 * in the event log, in one query, for the banners moderators see on them.
 */
export function getRemovals(questionId: number) {
  const rows = db
    .select({
      answerId: events.answerId,
      at: events.createdAt,
      data: events.data,
      by: users.displayName,
    })
    .from(events)
    .leftJoin(users, eq(users.id, events.actorId))
    .where(
      and(
        eq(events.questionId, questionId),
        inArray(events.type, [
          'question.deleted',
          'question.hidden',
          'answer.deleted',
          'answer.hidden',
        ]),
      ),
    )
    .orderBy(desc(events.createdAt), desc(events.id))
    .all()
  let question: Removed | null = null
  const answers: Record<number, Removed> = {}
  for (const r of rows) {
    const data = (r.data ?? {}) as { reason?: string; note?: string }
    const removed = { at: r.at, by: r.by, reason: data.reason ?? null, note: data.note ?? null }
    if (r.answerId === null) question ??= removed
    else answers[r.answerId] ??= removed
  }
  return { question, answers }
}
