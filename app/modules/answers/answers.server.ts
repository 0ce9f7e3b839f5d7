import { eq } from 'drizzle-orm'
import { answers, questions, type Answer } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { db, write, type Tx } from '../../utils/db.server'
import { Forbidden, NotFound } from '../../utils/domain-errors'
import { msg } from '../../i18n/message'
import { cookMarkdown } from '../../utils/markdown.server'
import { emit, type EventActor } from '../events/events.server'
import { can, type Actor, type AnswerTarget } from '../policy/policy'
import { addRevision, getVisibleQuestion, questionTarget } from '../questions/questions.server'
import { refreshQuestionState } from '../questions/state.server'
import { resolveLanguage } from '../search/detect-language.server'
import type { LanguageChoice } from '../search/languages'
import { syncQuestionSearch } from '../search/thread-index.server'
import { once } from '../submissions/submissions.server'
import {
  authorOf,
  checkNewAccountLimits,
  checkPostContent,
  holdPostIn,
  screenEdit,
  screenPost,
} from '../trust/spam.server'

/** The answer with its question, when `actor` may see both. */
export function getVisibleAnswer(id: number, actor: Actor | null) {
  const answer = db.select().from(answers).where(eq(answers.id, id)).get()
  if (!answer) return null
  const question = getVisibleQuestion(answer.questionId, actor)
  if (!question) return null
  const target = answerTarget(answer, question)
  if (!can(actor, 'answer.view', target)) return null
  return { answer, question, target }
}

/** `getVisibleAnswer`, or NotFound. */
export function requireVisibleAnswer(id: number, actor: Actor | null) {
  const found = getVisibleAnswer(id, actor)
  if (!found) throw new NotFound('answer')
  return found
}

export function answerTarget(
  a: Pick<Answer, 'id' | 'authorId' | 'hiddenAt' | 'deletedAt'>,
  q: Parameters<typeof questionTarget>[0] & { acceptedAnswerId: number | null },
): AnswerTarget {
  return {
    authorId: a.authorId,
    hiddenAt: a.hiddenAt,
    deletedAt: a.deletedAt,
    question: questionTarget(q),
    isAccepted: q.acceptedAnswerId === a.id,
  }
}

/**
 * Answers a question. `submissionKey` is the form's one-time key: sending the same form twice
 * posts one answer, and both submissions get its id. The language is detected unless given.
 * `eventData` goes onto its `answer.created` event (the template it was written from).
 */
export async function createAnswer(
  actor: Actor,
  questionId: number,
  body: string,
  submissionKey?: string | null,
  language?: LanguageChoice,
  eventData?: Record<string, unknown>,
): Promise<number> {
  const question = getVisibleQuestion(questionId, actor)
  if (!question) throw new NotFound('question')
  if (!can(actor, 'answer.create', questionTarget(question)))
    throw new Forbidden('answer.create', msg('questions.validation.noNewAnswers'))
  const cooked = await cookMarkdown(body)
  return write((tx) => {
    // Cooking took a moment: the question may have been closed or locked meanwhile.
    const current = tx.select().from(questions).where(eq(questions.id, questionId)).get()
    if (!current || !can(actor, 'answer.create', questionTarget(current)))
      throw new Forbidden('answer.create', msg('questions.validation.noNewAnswers'))
    return once(tx, submissionKey, actor.id, 'answer', () => {
      // New-account limits refuse it; the spam rules may hold it for a moderator.
      const author = authorOf(tx, actor)
      checkNewAccountLimits(tx, author, 'answer', body)
      const screening = screenPost(tx, author, body)
      const a = tx
        .insert(answers)
        .values({
          questionId,
          authorId: actor.id,
          bodyMd: body,
          bodyHtml: cooked.html,
          cookedVersion: cooked.version,
          language: resolveLanguage(language, body),
        })
        .returning({ id: answers.id })
        .get()
      addRevision(tx, 'answer', a.id, actor.id, { bodyMd: body })
      if (screening.held) {
        holdPostIn(tx, actor, { type: 'answer', id: a.id, questionId }, screening)
        return a.id
      }
      tx.update(questions).set({ lastActivityAt: now() }).where(eq(questions.id, questionId)).run()
      emit(tx, { type: 'answer.created', actor, questionId, answerId: a.id, data: eventData })
      refreshQuestionState(tx, questionId, actor)
      return a.id
    }).id
  })
}

export async function updateAnswer(
  actor: Actor,
  id: number,
  body: string,
  comment = '',
  language?: LanguageChoice,
) {
  const found = requireVisibleAnswer(id, actor)
  if (!can(actor, 'answer.edit', found.target)) throw new Forbidden('answer.edit')
  const cooked = await cookMarkdown(body)
  write((tx) => {
    // An edit passes the gates a new post does: too many links or images refuse it, and the
    // content rules may hold it for a moderator (see trust/spam.server.ts).
    const before = tx
      .select({ bodyMd: answers.bodyMd })
      .from(answers)
      .where(eq(answers.id, id))
      .get()
    const author = authorOf(tx, actor)
    checkPostContent(tx, author, body)
    const screening = screenEdit(author, before?.bodyMd ?? '', body)
    const at = now()
    tx.update(answers)
      .set({
        bodyMd: body,
        bodyHtml: cooked.html,
        cookedVersion: cooked.version,
        language: resolveLanguage(language, body),
        updatedAt: at,
      })
      .where(eq(answers.id, id))
      .run()
    tx.update(questions)
      .set({ lastActivityAt: at })
      .where(eq(questions.id, found.question.id))
      .run()
    addRevision(tx, 'answer', id, actor.id, { bodyMd: body, comment })
    if (found.target.isAccepted) syncQuestionSearch(tx, found.question.id)
    emit(tx, { type: 'answer.edited', actor, questionId: found.question.id, answerId: id })
    if (screening.held)
      holdPostIn(tx, actor, { type: 'answer', id, questionId: found.question.id }, screening)
  })
  return found.question.id
}

/**
 * Marks `answerId` as the solution, replacing any earlier one; accepting the accepted answer
 * again is a no-op, so a double-submitted form changes nothing. Reputation, the answerer's
 * notification and the KB queue follow from the `answer.accepted` event.
 */
export function acceptAnswer(actor: Actor, answerId: number) {
  const found = requireVisibleAnswer(answerId, actor)
  if (!can(actor, 'answer.accept', found.target)) throw new Forbidden('answer.accept')
  const { question, answer } = found
  write((tx) => {
    const current = tx
      .select({ acceptedAnswerId: questions.acceptedAnswerId })
      .from(questions)
      .where(eq(questions.id, question.id))
      .get()
    const previous = current?.acceptedAnswerId ?? null
    if (previous === answerId) return
    if (previous !== null) unacceptIn(tx, actor, question.id, previous, 'replaced')
    tx.update(questions)
      .set({ acceptedAnswerId: answerId, lastActivityAt: now() })
      .where(eq(questions.id, question.id))
      .run()
    emit(tx, {
      type: 'answer.accepted',
      actor,
      questionId: question.id,
      answerId,
      userId: answer.authorId,
      data: previous !== null ? { replaced: previous } : undefined,
    })
    refreshQuestionState(tx, question.id, actor)
  })
  return question.id
}

export function unacceptAnswer(actor: Actor, answerId: number) {
  const found = requireVisibleAnswer(answerId, actor)
  if (!can(actor, 'answer.accept', found.target)) throw new Forbidden('answer.accept')
  write((tx) => {
    const current = tx
      .select({ acceptedAnswerId: questions.acceptedAnswerId })
      .from(questions)
      .where(eq(questions.id, found.question.id))
      .get()
    if (current?.acceptedAnswerId !== answerId) return
    unacceptIn(tx, actor, found.question.id, answerId, 'undone')
    tx.update(questions)
      .set({ acceptedAnswerId: null })
      .where(eq(questions.id, found.question.id))
      .run()
    refreshQuestionState(tx, found.question.id, actor)
  })
  return found.question.id
}

/**
 * Inside a transaction: `answerId` stops being the solution of `questionId` (the caller
 * clears or replaces `accepted_answer_id`). `why` says how: undone, replaced by another, or the
 * answer was deleted or hidden.
 */
export function unacceptIn(
  tx: Tx,
  actor: EventActor,
  questionId: number,
  answerId: number,
  why: 'undone' | 'replaced' | 'deleted' | 'hidden',
) {
  const author = tx
    .select({ authorId: answers.authorId })
    .from(answers)
    .where(eq(answers.id, answerId))
    .get()
  emit(tx, {
    type: 'answer.unaccepted',
    actor,
    questionId,
    answerId,
    userId: author?.authorId ?? null,
    data: { why },
  })
}
