import { and, eq, isNull } from 'drizzle-orm'
import { answers, questions, type Answer } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { db, write, type Tx } from '../../utils/db.server'
import { forbidden, notFound } from '../../utils/http.server'
import { MARKDOWN_RENDERER_VERSION, renderMarkdown } from '../../utils/markdown.server'
import { appendEvent } from '../events/events.server'
import { queueCandidate } from '../kb/promotion.server'
import { notify } from '../notifications/notifications.server'
import { can, type Actor, type AnswerTarget } from '../policy/policy'
import { addRevision, getVisibleQuestion, questionTarget } from '../questions/questions.server'
import { refreshQuestionState } from '../questions/state.server'
import { syncQuestionSearch } from '../search/thread-index.server'
import { adjustReputation, REPUTATION } from '../users/reputation.server'

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

function answerTarget(
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

export function createAnswer(actor: Actor, questionId: number, body: string): number {
  const question = getVisibleQuestion(questionId, actor)
  if (!question) notFound('Question not found')
  if (!can(actor, 'answer.create', questionTarget(question)))
    forbidden('This question does not take new answers')
  const bodyHtml = renderMarkdown(body)
  return write((tx) => {
    const at = now()
    const a = tx
      .insert(answers)
      .values({
        questionId,
        authorId: actor.id,
        bodyMd: body,
        bodyHtml,
        cookedVersion: MARKDOWN_RENDERER_VERSION,
      })
      .returning({ id: answers.id })
      .get()
    addRevision(tx, 'answer', a.id, actor.id, { bodyMd: body })
    appendEvent(tx, { type: 'answer.created', actorId: actor.id, questionId, answerId: a.id })
    notify(tx, {
      userId: question.authorId,
      type: 'question.answered',
      actorId: actor.id,
      questionId,
      data: { answerId: a.id },
    })
    tx.update(questions).set({ lastActivityAt: at }).where(eq(questions.id, questionId)).run()
    // A response is a visible answer by someone other than the asker (DESIGN §4). The
    // conditional update decides, so two racing answers record one first response.
    if (actor.id !== question.authorId) {
      const first = tx
        .update(questions)
        .set({ firstResponseAt: at })
        .where(and(eq(questions.id, questionId), isNull(questions.firstResponseAt)))
        .run()
      if (first.changes === 1)
        appendEvent(tx, {
          type: 'question.first_response',
          actorId: actor.id,
          questionId,
          answerId: a.id,
          data: { responseMs: at.getTime() - question.createdAt.getTime() },
        })
    }
    refreshQuestionState(tx, questionId)
    return a.id
  })
}

export function updateAnswer(actor: Actor, id: number, body: string, comment = '') {
  const found = getVisibleAnswer(id, actor)
  if (!found) notFound('Answer not found')
  if (!can(actor, 'answer.edit', found.target)) forbidden()
  const bodyHtml = renderMarkdown(body)
  write((tx) => {
    const at = now()
    tx.update(answers)
      .set({ bodyMd: body, bodyHtml, cookedVersion: MARKDOWN_RENDERER_VERSION, updatedAt: at })
      .where(eq(answers.id, id))
      .run()
    tx.update(questions)
      .set({ lastActivityAt: at })
      .where(eq(questions.id, found.question.id))
      .run()
    addRevision(tx, 'answer', id, actor.id, { bodyMd: body, comment })
    if (found.target.isAccepted) syncQuestionSearch(tx, found.question.id)
    appendEvent(tx, {
      type: 'answer.edited',
      actorId: actor.id,
      questionId: found.question.id,
      answerId: id,
    })
  })
  return found.question.id
}

export function deleteAnswer(actor: Actor, id: number) {
  const found = getVisibleAnswer(id, actor)
  if (!found) notFound('Answer not found')
  if (!can(actor, 'answer.delete', found.target)) forbidden()
  const questionId = found.question.id
  write((tx) => {
    tx.update(answers).set({ deletedAt: now() }).where(eq(answers.id, id)).run()
    appendEvent(tx, { type: 'answer.deleted', actorId: actor.id, questionId, answerId: id })
    if (found.target.isAccepted) {
      appendEvent(tx, { type: 'answer.unaccepted', actorId: actor.id, questionId, answerId: id })
      adjustReputation(tx, found.answer.authorId, -REPUTATION.accepted)
    }
    refreshQuestionState(tx, questionId)
  })
  return questionId
}

/**
 * Marks `answerId` as the solution, replacing any earlier one; accepting the accepted answer
 * again is a no-op, so a double-submitted form changes nothing.
 */
export function acceptAnswer(actor: Actor, answerId: number) {
  const found = getVisibleAnswer(answerId, actor)
  if (!found) notFound('Answer not found')
  if (!can(actor, 'answer.accept', found.target)) forbidden()
  const { question, answer } = found
  if (question.acceptedAnswerId === answerId) return question.id
  write((tx) => {
    const previous = question.acceptedAnswerId
    if (previous !== null) unacceptIn(tx, actor, question.id, previous)
    tx.update(questions)
      .set({ acceptedAnswerId: answerId, lastActivityAt: now() })
      .where(eq(questions.id, question.id))
      .run()
    adjustReputation(tx, answer.authorId, REPUTATION.accepted)
    notify(tx, {
      userId: answer.authorId,
      type: 'answer.accepted',
      actorId: actor.id,
      questionId: question.id,
      data: { answerId },
    })
    queueCandidate(tx, question.id, answerId, 'accepted', actor.id)
    appendEvent(tx, {
      type: 'answer.accepted',
      actorId: actor.id,
      questionId: question.id,
      answerId,
      data: previous !== null ? { replaced: previous } : undefined,
    })
    refreshQuestionState(tx, question.id)
  })
  return question.id
}

export function unacceptAnswer(actor: Actor, answerId: number) {
  const found = getVisibleAnswer(answerId, actor)
  if (!found) notFound('Answer not found')
  if (!can(actor, 'answer.accept', found.target)) forbidden()
  if (found.question.acceptedAnswerId !== answerId) return found.question.id
  write((tx) => {
    unacceptIn(tx, actor, found.question.id, answerId)
    tx.update(questions)
      .set({ acceptedAnswerId: null })
      .where(eq(questions.id, found.question.id))
      .run()
    refreshQuestionState(tx, found.question.id)
  })
  return found.question.id
}

function unacceptIn(tx: Tx, actor: Actor, questionId: number, answerId: number) {
  const previous = tx
    .select({ authorId: answers.authorId })
    .from(answers)
    .where(eq(answers.id, answerId))
    .get()
  if (previous) adjustReputation(tx, previous.authorId, -REPUTATION.accepted)
  appendEvent(tx, { type: 'answer.unaccepted', actorId: actor.id, questionId, answerId })
}
