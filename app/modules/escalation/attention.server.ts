/**
 * Which questions need attention, and until when they may wait. The definitions, exactly:
 * - a **response** is a visible answer by someone other than the asker, not posted by automation;
 * - a question **needs attention** when it is not solved, not closed, not hidden or deleted, and
 *   either has no response yet or the asker's follow-up is its newest post;
 * - it needs attention **since** it was asked, or since the asker's first follow-up after the
 *   latest response;
 * - it is **due** when its category's first-response target has passed since then, on the
 *   category's clock (24/7 or business hours).
 * Questions of deleted (inactive) or sanctioned askers and imported questions never need
 * attention: nobody is waiting for them (a sanction's start and end re-time the asker's questions). Both columns are recomputed from the posts by reactions to every event that
 * can change them, so they are never out of step with the thread.
 *
 * An open escalation ends the moment staff respond, or the question is solved, closed, hidden or
 * deleted (`endEscalations`).
 */
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm'
import { answers, escalations, questions, users, type Role } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import type { Tx } from '../../utils/db.server'
import { emit, type EmittedEvent } from '../events/events.server'
import { atLeast } from '../policy/policy'
import { standingOf } from '../moderation/sanctions.server'
import { dueAt, slaFor } from './sla.server'

type Attention = { since: Date; dueAt: Date | null } | null

/** Whether the question needs attention now, and since when; read from its posts. */
export function attentionOf(tx: Tx, questionId: number): Attention {
  const q = tx
    .select({
      authorId: questions.authorId,
      createdAt: questions.createdAt,
      categoryId: questions.categoryId,
      status: questions.status,
      closedAt: questions.closedAt,
      hiddenAt: questions.hiddenAt,
      deletedAt: questions.deletedAt,
      origin: questions.origin,
      askerDeletedAt: users.deletedAt,
      silencedUntil: users.silencedUntil,
      suspendedUntil: users.suspendedUntil,
      bannedAt: users.bannedAt,
    })
    .from(questions)
    .innerJoin(users, eq(users.id, questions.authorId))
    .where(eq(questions.id, questionId))
    .get()
  if (!q) return null
  if (q.status === 'solved' || q.closedAt || q.hiddenAt || q.deletedAt) return null
  if (q.origin !== 'live' || q.askerDeletedAt) return null
  // a sanctioned asker (silenced, suspended, banned) is nobody the team owes an answer to now
  const standing = standingOf(q)
  if (standing.banned || standing.suspendedUntil || standing.silencedUntil) return null

  const posts = tx
    .select({ authorId: answers.authorId, createdAt: answers.createdAt })
    .from(answers)
    .where(
      and(
        eq(answers.questionId, questionId),
        isNull(answers.hiddenAt),
        isNull(answers.deletedAt),
        // an automatic suggestion is not a response: the clock runs as if it were not there
        sql`not exists (select 1 from automatic_answers aa where aa.answer_id = ${answers.id})`,
      ),
    )
    .orderBy(asc(answers.createdAt), asc(answers.id))
    .all()
  let since: Date | null = q.createdAt
  for (const post of posts) {
    if (post.authorId !== q.authorId) since = null
    else since ??= post.createdAt
  }
  if (since === null) return null
  return { since, dueAt: dueAt(slaFor(tx, q.categoryId), since) }
}

/** Recomputes the question's attention columns; a reaction and a command alike. */
export function refreshAttention(tx: Tx, questionId: number): Attention {
  const attention = attentionOf(tx, questionId)
  tx.update(questions)
    .set({ attentionSince: attention?.since ?? null, slaDueAt: attention?.dueAt ?? null })
    .where(eq(questions.id, questionId))
    .run()
  return attention
}

export function refreshAttentionOn(tx: Tx, e: EmittedEvent) {
  if (e.questionId) refreshAttention(tx, e.questionId)
}

type Ending = 'staff_response' | 'solved' | 'closed' | 'hidden'

/** Ends the question's open escalation, if it has one; returns whether one ended. */
export function endEscalation(
  tx: Tx,
  questionId: number,
  resolution: Ending | 'resolved',
  actor: { id: number; role: Role } | null,
): boolean {
  const at = now()
  const ended = tx
    .update(escalations)
    .set({ resolvedAt: at, resolvedById: actor?.id ?? null, resolution })
    .where(and(eq(escalations.questionId, questionId), isNull(escalations.resolvedAt)))
    .returning({ id: escalations.id, level: escalations.level })
    .get()
  if (!ended) return false
  emit(tx, {
    type: 'question.escalation_resolved',
    actor,
    questionId,
    data: { escalationId: ended.id, level: ended.level, resolution },
  })
  return true
}

/**
 * Reaction: staff answering (not the asker, even if the asker is staff) ends the escalation;
 * so do solving, closing, hiding and deleting the question.
 */
export function endEscalationOn(tx: Tx, e: EmittedEvent) {
  if (!e.questionId) return
  let ending: Ending | null = null
  if (e.type === 'answer.created' && e.actor && atLeast({ ...e.actor, reputation: 0 }, 'staff')) {
    const asker = tx
      .select({ authorId: questions.authorId })
      .from(questions)
      .where(eq(questions.id, e.questionId))
      .get()
    if (asker && asker.authorId !== e.actor.id) ending = 'staff_response'
  } else if (e.type === 'question.status_changed' && e.data?.to === 'solved') ending = 'solved'
  else if (e.type === 'question.closed') ending = 'closed'
  else if (e.type === 'question.hidden' || e.type === 'question.deleted') ending = 'hidden'
  if (ending) endEscalation(tx, e.questionId, ending, e.actor)
}

/** Re-reads every open question of one asker (their sanction started or ended). */
export function refreshAskersQuestions(tx: Tx, authorId: number) {
  const open = tx
    .select({ id: questions.id })
    .from(questions)
    .where(
      and(
        eq(questions.authorId, authorId),
        isNull(questions.closedAt),
        isNull(questions.deletedAt),
        ne(questions.status, 'solved'),
      ),
    )
    .all()
  for (const q of open) refreshAttention(tx, q.id)
}
