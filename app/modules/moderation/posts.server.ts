/**
 * Deleting, restoring, hiding and unhiding questions and answers: each exists once, here, for
 * the pages, the seed, the importer and later the review queue. Every change is a conditional
 * update (a second click changes nothing), appends its event with the reason, and recomputes
 * what depends on it in the same transaction: the thread's status and first response, the
 * search index, the accepted answer.
 */
import { and, count, desc, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm'
import { answers, events, questions, users, type PostType } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { db, write, type Tx } from '../../utils/db.server'
import { Forbidden, NotFound } from '../../utils/domain-errors'
import { requireVisibleAnswer, unacceptIn } from '../answers/answers.server'
import { emit, type EventActor } from '../events/events.server'
import { can, type Actor } from '../policy/policy'
import { getVisibleQuestion, questionTarget } from '../questions/questions.server'
import { refreshQuestionState } from '../questions/state.server'
import { syncQuestionSearch } from '../search/thread-index.server'
import type { Removal } from './validation'

export type Change = 'delete' | 'restore' | 'hide' | 'unhide'

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
  return write((tx) => applyQuestionChange(tx, actor, question, change, reasonData(removal)))
}

function applyQuestionChange(
  tx: Tx,
  actor: EventActor,
  question: { id: number; authorId: number; duplicateOfId: number | null },
  change: Change,
  data: Record<string, unknown>,
) {
  const { column, removes, past } = CHANGES[change]
  const id = question.id
  const changed = tx
    .update(questions)
    .set({ [column]: removes ? now() : null })
    .where(
      and(eq(questions.id, id), removes ? isNull(questions[column]) : isNotNull(questions[column])),
    )
    .run()
  if (changed.changes === 0) return false
  emit(tx, { type: `question.${past}`, actor, questionId: id, userId: question.authorId, data })
  syncQuestionSearch(tx, id)
  // A duplicate's title is part of its original's search document.
  if (question.duplicateOfId !== null) syncQuestionSearch(tx, question.duplicateOfId)
  return true
}

function changeAnswer(actor: Actor, id: number, change: Change, removal?: Removal) {
  const { answer, question, target } = requireVisibleAnswer(id, actor)
  const action = `answer.${change}` as const
  if (!can(actor, action, target)) throw new Forbidden(action)
  write((tx) =>
    applyAnswerChange(tx, actor, answer, target.isAccepted, change, reasonData(removal)),
  )
  return question.id
}

function applyAnswerChange(
  tx: Tx,
  actor: EventActor,
  answer: { id: number; questionId: number; authorId: number },
  isAccepted: boolean,
  change: Change,
  data: Record<string, unknown>,
) {
  const { column, removes, past } = CHANGES[change]
  const id = answer.id
  const changed = tx
    .update(answers)
    .set({ [column]: removes ? now() : null })
    .where(and(eq(answers.id, id), removes ? isNull(answers[column]) : isNotNull(answers[column])))
    .run()
  if (changed.changes === 0) return false
  emit(tx, {
    type: `answer.${past}`,
    actor,
    questionId: answer.questionId,
    answerId: id,
    userId: answer.authorId,
    data,
  })
  if (removes && isAccepted)
    unacceptIn(tx, actor, answer.questionId, id, change === 'delete' ? 'deleted' : 'hidden')
  refreshQuestionState(tx, answer.questionId, actor)
  return true
}

/**
 * A change decided elsewhere (flags reaching their threshold, the review queue), made in the
 * caller's transaction, with the caller's reason in the event. False when it was already so.
 */
export function changePostIn(
  tx: Tx,
  actor: EventActor,
  post: { type: PostType; id: number },
  change: Change,
  data: Record<string, unknown>,
): boolean {
  if (post.type === 'question') {
    const q = tx.select().from(questions).where(eq(questions.id, post.id)).get()
    return q ? applyQuestionChange(tx, actor, q, change, data) : false
  }
  const a = tx.select().from(answers).where(eq(answers.id, post.id)).get()
  if (!a) return false
  const q = tx
    .select({ acceptedAnswerId: questions.acceptedAnswerId })
    .from(questions)
    .where(eq(questions.id, a.questionId))
    .get()
  return applyAnswerChange(tx, actor, a, q?.acceptedAnswerId === a.id, change, data)
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
