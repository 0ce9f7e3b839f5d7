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
import { Forbidden, Invalid, NotFound } from '../../utils/domain-errors'
import { parseActionReason, reasonData } from '../audit/validation'
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

/** A removal's reason (one of the list) and note; bringing a post back takes optional words. */
function removalData(removal: Removal) {
  return { reason: removal.reason, ...(removal.note ? { note: removal.note } : {}) }
}

/** The optional reason for bringing a post back, checked for length; Invalid when too long. */
function bringBackData(reason: string | undefined) {
  const parsed = parseActionReason(reason ?? '')
  if (!parsed.ok) throw new Invalid(parsed.errors)
  return reasonData(parsed.reason)
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

function changeQuestion(actor: Actor, id: number, change: Change, data: Record<string, unknown>) {
  const question = getVisibleQuestion(id, actor)
  if (!question) throw new NotFound('question')
  const action = `question.${change}` as const
  if (!can(actor, action, questionTarget(question, othersAnswerCount(question))))
    throw new Forbidden(action)
  return write((tx) => applyQuestionChange(tx, actor, question, change, data))
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

function changeAnswer(actor: Actor, id: number, change: Change, data: Record<string, unknown>) {
  const { answer, question, target } = requireVisibleAnswer(id, actor)
  const action = `answer.${change}` as const
  if (!can(actor, action, target)) throw new Forbidden(action)
  write((tx) => applyAnswerChange(tx, actor, answer, target.isAccepted, change, data))
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
  changeQuestion(actor, id, 'delete', removalData(removal))
export const restoreQuestion = (actor: Actor, id: number, reason?: string) =>
  changeQuestion(actor, id, 'restore', bringBackData(reason))
export const hideQuestion = (actor: Actor, id: number, removal: Removal) =>
  changeQuestion(actor, id, 'hide', removalData(removal))
export const unhideQuestion = (actor: Actor, id: number, reason?: string) =>
  changeQuestion(actor, id, 'unhide', bringBackData(reason))

export const deleteAnswer = (actor: Actor, id: number, removal: Removal) =>
  changeAnswer(actor, id, 'delete', removalData(removal))
export const restoreAnswer = (actor: Actor, id: number, reason?: string) =>
  changeAnswer(actor, id, 'restore', bringBackData(reason))
export const hideAnswer = (actor: Actor, id: number, removal: Removal) =>
  changeAnswer(actor, id, 'hide', removalData(removal))
export const unhideAnswer = (actor: Actor, id: number, reason?: string) =>
  changeAnswer(actor, id, 'unhide', bringBackData(reason))

/**
 * Brings a removed post back as the thread's Restore and "Show again" do (restore when deleted,
 * then show when hidden, each only if the policy lets `actor`), and runs `also` in the same
 * transaction (the review queue resolves its item there). Returns the changes made; none (and
 * nothing written) when the post is in plain view.
 */
export function bringBackPost(
  actor: Actor,
  post: { type: PostType; id: number },
  reason: string,
  also?: (tx: Tx) => void,
): Change[] {
  const data = bringBackData(reason)
  let state: { deletedAt: Date | null; hiddenAt: Date | null }
  let allowed: (change: 'restore' | 'unhide', after: typeof state) => boolean
  if (post.type === 'question') {
    const question = getVisibleQuestion(post.id, actor)
    if (!question) throw new NotFound('question')
    const target = questionTarget(question, othersAnswerCount(question))
    state = question
    allowed = (change, after) => can(actor, `question.${change}`, { ...target, ...after })
  } else {
    const { answer, target } = requireVisibleAnswer(post.id, actor)
    state = answer
    allowed = (change, after) => can(actor, `answer.${change}`, { ...target, ...after })
  }
  const changes: Change[] = []
  if (state.deletedAt) {
    if (!allowed('restore', state)) throw new Forbidden(`${post.type}.restore`)
    changes.push('restore')
  }
  if (state.hiddenAt) {
    if (!allowed('unhide', { ...state, deletedAt: null }))
      throw new Forbidden(`${post.type}.unhide`)
    changes.push('unhide')
  }
  if (changes.length === 0) return changes
  write((tx) => {
    for (const change of changes) changePostIn(tx, actor, post, change, data)
    also?.(tx)
  })
  return changes
}

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
