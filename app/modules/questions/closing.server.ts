import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm'
import { questions } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { write, type Tx } from '../../utils/db.server'
import { Forbidden, NotFound } from '../../utils/domain-errors'
import { msg } from '../../i18n/message'
import { emit, type EventActor } from '../events/events.server'
import { ACTION_REASON_MAX, reasonData } from '../audit/validation'
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
 * Inside a transaction: closes `questionId` as a duplicate of `originalId`, as they are (the
 * caller has checked and flattened). The `question.closed` event tells the asker (a reaction);
 * the duplicate's title joins the original's search document. Returns false when the question
 * was already closed, so a repeat changes nothing.
 */
export function closeAsDuplicateIn(
  tx: Tx,
  c: { questionId: number; originalId: number; actor: EventActor; at?: Date },
): boolean {
  const at = c.at ?? now()
  const closed = tx
    .update(questions)
    .set({
      closedReason: 'duplicate',
      duplicateOfId: c.originalId,
      closedAt: at,
      lastActivityAt: sql`max(${questions.lastActivityAt}, ${at.getTime()})`,
    })
    .where(and(eq(questions.id, c.questionId), isNull(questions.closedAt)))
    .run()
  if (closed.changes === 0) return false
  emit(tx, {
    type: 'question.closed',
    actor: c.actor,
    questionId: c.questionId,
    data: { reason: 'duplicate', originalId: c.originalId },
    at,
  })
  syncQuestionSearch(tx, c.questionId)
  syncQuestionSearch(tx, c.originalId)
  return true
}

/**
 * Closes a question as a duplicate of another. Chains are flattened (a duplicate of a
 * duplicate points at the first original), so the next person lands on the answer at once.
 */
export function closeAsDuplicate(
  actor: Actor,
  questionId: number,
  originalRef: string,
): CloseResult {
  const question = getVisibleQuestion(questionId, actor)
  if (!question) throw new NotFound('question')
  if (!can(actor, 'question.close', questionTarget(question))) throw new Forbidden('question.close')
  const ref = parseQuestionRef(originalRef)
  if (ref === null) return { ok: false, message: msg('questions.validation.originalMissing') }
  let original = getVisibleQuestion(ref, null)
  if (original?.duplicateOfId) original = getVisibleQuestion(original.duplicateOfId, null)
  if (!original)
    return { ok: false, message: msg('questions.validation.originalUnknown', { id: ref }) }
  if (original.id === questionId)
    return { ok: false, message: msg('questions.validation.originalSelf') }
  const originalId = original.id
  write((tx) => closeAsDuplicateIn(tx, { questionId, originalId, actor }))
  return { ok: true, originalId }
}

function reopenData(originalId: number | null, reason: string) {
  const data = {
    ...(originalId !== null ? { originalId } : {}),
    ...reasonData(reason.slice(0, ACTION_REASON_MAX)),
  }
  return Object.keys(data).length ? data : undefined
}

/** Reopens a closed question; `reason` (optional, length-checked by the caller) goes in the log. */
export function reopenQuestion(actor: Actor, questionId: number, reason = '') {
  const question = getVisibleQuestion(questionId, actor)
  if (!question) throw new NotFound('question')
  if (!can(actor, 'question.reopen', questionTarget(question)))
    throw new Forbidden('question.reopen')
  const previousOriginal = question.duplicateOfId
  write((tx) => {
    const reopened = tx
      .update(questions)
      .set({ closedReason: null, duplicateOfId: null, closedAt: null, lastActivityAt: now() })
      .where(and(eq(questions.id, questionId), isNotNull(questions.closedAt)))
      .run()
    if (reopened.changes === 0) return
    emit(tx, {
      type: 'question.reopened',
      actor,
      questionId,
      data: reopenData(previousOriginal, reason),
    })
    syncQuestionSearch(tx, questionId)
    if (previousOriginal !== null) syncQuestionSearch(tx, previousOriginal)
  })
}
