import { eq } from 'drizzle-orm'
import { questions } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { write } from '../../utils/db.server'
import { forbidden, notFound } from '../../utils/http.server'
import { appendEvent } from '../events/events.server'
import { notify } from '../notifications/notifications.server'
import { can, type Actor } from '../policy/policy'
import { syncQuestionSearch } from '../search/thread-index.server'
import { getVisibleQuestion, questionTarget } from './questions.server'

export type CloseResult = { ok: true; originalId: number } | { ok: false; message: string }

/** "123", "#123", "/questions/123/slug" or a full URL to a question → 123. */
export function parseQuestionRef(ref: string): number | null {
  const m = ref.trim().match(/^(?:.*\/questions\/)?#?(\d{1,10})(?:[/?#].*)?$/)
  return m ? Number(m[1]) : null
}

/**
 * Closes a question as a duplicate of another. Chains are flattened (a duplicate of a
 * duplicate points at the first original), the asker is told in-app, and the duplicate's title
 * joins the original's search document so the next person finds the original.
 */
export function closeAsDuplicate(
  actor: Actor,
  questionId: number,
  originalRef: string,
): CloseResult {
  const question = getVisibleQuestion(questionId, actor)
  if (!question) notFound('Question not found')
  if (!can(actor, 'question.close', questionTarget(question))) forbidden()
  const ref = parseQuestionRef(originalRef)
  if (ref === null)
    return { ok: false, message: 'Enter the number or the link of the original question.' }
  let original = getVisibleQuestion(ref, null)
  if (original?.duplicateOfId) original = getVisibleQuestion(original.duplicateOfId, null)
  if (!original) return { ok: false, message: `There is no question #${ref} to point to.` }
  if (original.id === questionId)
    return { ok: false, message: 'A question cannot be a duplicate of itself.' }
  const originalId = original.id
  write((tx) => {
    tx.update(questions)
      .set({
        closedReason: 'duplicate',
        duplicateOfId: originalId,
        closedAt: now(),
        lastActivityAt: now(),
      })
      .where(eq(questions.id, questionId))
      .run()
    appendEvent(tx, {
      type: 'question.closed',
      actorId: actor.id,
      questionId,
      data: { reason: 'duplicate', originalId },
    })
    notify(tx, {
      userId: question.authorId,
      type: 'question.closed_duplicate',
      actorId: actor.id,
      questionId,
      data: { originalId },
    })
    syncQuestionSearch(tx, questionId)
    syncQuestionSearch(tx, originalId)
  })
  return { ok: true, originalId }
}

export function reopenQuestion(actor: Actor, questionId: number) {
  const question = getVisibleQuestion(questionId, actor)
  if (!question) notFound('Question not found')
  if (!can(actor, 'question.reopen', questionTarget(question))) forbidden()
  const previousOriginal = question.duplicateOfId
  write((tx) => {
    tx.update(questions)
      .set({ closedReason: null, duplicateOfId: null, closedAt: null })
      .where(eq(questions.id, questionId))
      .run()
    appendEvent(tx, { type: 'question.reopened', actorId: actor.id, questionId })
    syncQuestionSearch(tx, questionId)
    if (previousOriginal !== null) syncQuestionSearch(tx, previousOriginal)
  })
}
