/**
 * Merging a duplicate into its original: the duplicate's answers move to the original with
 * their authors, votes and revisions (all keyed by the answer, which keeps its id), and the
 * duplicate stays behind as a closed, merged row whose URL redirects to the original for good.
 *
 * The rules, where a moderator might wonder:
 * - **Which original.** One every reader of the duplicate can read: public, in no moderation
 *   state, not itself merged, and open to the moderator. A hidden, deleted or private thread is
 *   refused (answers poured into it would vanish from readers, or be shown to people who may not
 *   open it); a closed or locked one is fine. A duplicate of a duplicate leads to the first
 *   original, as closing does.
 * - **The duplicate's accepted answer** moves as an ordinary answer. Acceptance is the asker's own
 *   word about their own question; the original's asker never gave it, and their thread's
 *   "solved" and time to resolution must come from them. The answerer keeps the reputation the
 *   acceptance earned (no `answer.unaccepted`: nobody took it back), and the event records
 *   which answer it was.
 * - **What ends.** The duplicate's attention clock and any open escalation end ("closed"); its
 *   search entry goes (a merged question is listed nowhere, see visibility.server.ts); its
 *   duplicates point at the original; its followers follow the original; a pending KB candidate
 *   built on its accepted answer moves with the answer when the original has none.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import { answers, follows, kbCandidates, questions } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { db, prepared, write, type Tx } from '../../utils/db.server'
import { Forbidden, Invalid, NotFound } from '../../utils/domain-errors'
import { msg } from '../../i18n/message'
import { endEscalation, refreshAttention } from '../escalation/attention.server'
import { emit, type EmittedEvent } from '../events/events.server'
import { notify } from '../notifications/notifications.server'
import { can, canSee, isListed, type Actor } from '../policy/policy'
import { parseQuestionRef } from '../questions/closing.server'
import { getVisibleQuestion, questionTarget } from '../questions/questions.server'
import { refreshQuestionState } from '../questions/state.server'
import { syncQuestionsSearch } from '../search/thread-index.server'

export type Merged = { originalId: number; originalTitle: string; answerIds: number[] }

/** The original a merge may go into, or Invalid keyed by the form's field. */
function requireOriginal(actor: Actor, duplicateId: number, ref: string) {
  const id = parseQuestionRef(ref)
  if (id === null) throw new Invalid({ mergeInto: msg('questions.validation.originalMissing') })
  let original = db.select().from(questions).where(eq(questions.id, id)).get()
  // a duplicate of a duplicate leads to the first original, as closing does
  if (original?.duplicateOfId && original.duplicateOfId !== duplicateId)
    original = db.select().from(questions).where(eq(questions.id, original.duplicateOfId)).get()
  if (!original || !canSee(actor, original))
    throw new Invalid({ mergeInto: msg('questions.validation.originalUnknown', { id }) })
  if (original.id === duplicateId)
    throw new Invalid({ mergeInto: msg('questions.validation.originalSelf') })
  // Everyone who could read the duplicate's answers must be able to read them where they go.
  if (!isListed(original)) throw new Invalid({ mergeInto: msg('threads.merge.notVisible') })
  return original
}

/** Merges question `duplicateId` into the one `originalRef` names ("123", "#123" or its URL). */
export function mergeQuestion(
  actor: Actor,
  duplicateId: number,
  originalRef: string,
  note = '',
): Merged {
  const duplicate = getVisibleQuestion(duplicateId, actor)
  if (!duplicate) throw new NotFound('question')
  if (duplicate.mergedIntoId !== null) throw new NotFound('question')
  if (!can(actor, 'question.merge', questionTarget(duplicate)))
    throw new Forbidden('question.merge')
  const original = requireOriginal(actor, duplicateId, originalRef)
  const reason = note.trim().slice(0, 300)
  const answerIds = write((tx) => mergeIn(tx, actor, duplicate, original.id, reason))
  return { originalId: original.id, originalTitle: original.title, answerIds }
}

function mergeIn(
  tx: Tx,
  actor: Actor,
  duplicate: { id: number; authorId: number; acceptedAnswerId: number | null },
  originalId: number,
  note: string,
): number[] {
  const at = now()
  // The conditional update decides: a second click (or two moderators at once) merges once.
  const marked = tx
    .update(questions)
    .set({
      mergedIntoId: originalId,
      closedReason: 'duplicate',
      duplicateOfId: originalId,
      closedAt: sql`coalesce(${questions.closedAt}, ${at.getTime()})`,
      acceptedAnswerId: null,
      attentionSince: null,
      slaDueAt: null,
      updatedAt: at,
    })
    .where(and(eq(questions.id, duplicate.id), isNull(questions.mergedIntoId)))
    .run()
  if (marked.changes === 0) return []

  const moved = tx
    .update(answers)
    .set({ questionId: originalId })
    .where(eq(answers.questionId, duplicate.id))
    .returning({ id: answers.id })
    .all()
    .map((a) => a.id)
  // Questions closed as duplicates of this one now point at the original.
  tx.update(questions)
    .set({ duplicateOfId: originalId })
    .where(eq(questions.duplicateOfId, duplicate.id))
    .run()
  // Whoever followed the duplicate follows the original (they are told below).
  tx.run(sql`insert or ignore into follows (user_id, target_type, target_id, created_at)
    select user_id, 'question', ${originalId}, ${at.getTime()} from follows
    where target_type = 'question' and target_id = ${duplicate.id}`)
  moveKbCandidate(tx, duplicate.id, originalId, moved)
  tx.update(questions)
    .set({ lastActivityAt: sql`max(${questions.lastActivityAt}, ${at.getTime()})` })
    .where(eq(questions.id, originalId))
    .run()

  emit(tx, {
    type: 'question.merged',
    actor,
    questionId: duplicate.id,
    userId: duplicate.authorId,
    data: {
      originalId,
      answerIds: moved,
      ...(duplicate.acceptedAnswerId !== null
        ? { unacceptedAnswerId: duplicate.acceptedAnswerId }
        : {}),
      ...(note ? { note } : {}),
    },
  })
  endEscalation(tx, duplicate.id, 'closed', actor)
  refreshQuestionState(tx, duplicate.id, actor)
  refreshQuestionState(tx, originalId, actor)
  refreshAttention(tx, originalId)
  syncQuestionsSearch(tx, [duplicate.id, originalId])
  return moved
}

/**
 * The promotion queue holds one candidate per question. A pending one built on the duplicate's
 * accepted answer follows that answer to the original, unless the original has its own; then the
 * original's stands and the duplicate's is dropped (the answer can be proposed again there).
 * Published and rejected candidates are history and stay as they are.
 */
function moveKbCandidate(tx: Tx, duplicateId: number, originalId: number, moved: number[]) {
  if (moved.length === 0) return
  const pending = and(
    eq(kbCandidates.questionId, duplicateId),
    eq(kbCandidates.status, 'pending'),
    inArray(kbCandidates.answerId, moved),
  )
  const taken = tx
    .select({ id: kbCandidates.id })
    .from(kbCandidates)
    .where(eq(kbCandidates.questionId, originalId))
    .get()
  if (taken) tx.delete(kbCandidates).where(pending).run()
  else tx.update(kbCandidates).set({ questionId: originalId }).where(pending).run()
}

/**
 * Where a merged question's URL leads for `viewer`: the original's id and title, followed to the
 * end of a chain (the original merged again later); null when it is not merged. NotFound when
 * the viewer may not open where it leads: the old page is then simply not there either.
 */
export function getMergeTarget(
  questionId: number,
  viewer: Actor | null,
): { id: number; title: string } | null {
  // every question page asks: one compiled primary-key read
  const into = prepared('select merged_into_id as id from questions where id = ?')
  let id = (into.get(questionId) as { id: number | null } | undefined)?.id ?? null
  for (let step = 0; id !== null && step < 10; step++) {
    const next = (into.get(id) as { id: number | null } | undefined)?.id ?? null
    if (next === null) break
    id = next
  }
  if (id === null) return null
  const original = getVisibleQuestion(id, viewer)
  if (!original || original.mergedIntoId) throw new NotFound('question')
  return { id: original.id, title: original.title }
}

// Reaction (see reactions.server.ts): the duplicate's asker and followers hear where it went.

export function notifyOfMerge(tx: Tx, e: EmittedEvent) {
  const originalId = e.data?.originalId
  if (typeof originalId !== 'number' || !e.questionId) return
  const title = tx
    .select({ title: questions.title })
    .from(questions)
    .where(eq(questions.id, e.questionId))
    .get()?.title
  const people = new Set<number>(e.userId ? [e.userId] : [])
  for (const f of tx
    .select({ userId: follows.userId })
    .from(follows)
    .where(and(eq(follows.targetType, 'question'), eq(follows.targetId, e.questionId)))
    .all())
    people.add(f.userId)
  for (const userId of people)
    notify(tx, {
      userId,
      type: 'question.merged',
      actorId: e.actor?.id ?? null,
      // about the original: that is where the thread (and the link) lives now
      questionId: originalId,
      data: { duplicateId: e.questionId, duplicateTitle: title ?? '' },
    })
}
