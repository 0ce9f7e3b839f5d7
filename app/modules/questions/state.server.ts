import { and, count, eq, min, ne, sql } from 'drizzle-orm'
import { answers, questions, type QuestionStatus } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import type { Tx } from '../../utils/db.server'
import { emit, type EventActor } from '../events/events.server'
import { listed } from '../policy/visibility.server'
import { syncQuestionSearch } from '../search/thread-index.server'

/**
 * Recomputes a question's derived state from its answers, inside the command's transaction:
 * - a **response** is a listed answer by someone other than the asker, not an automatic suggestion;
 * - **first response** is the earliest response there is now: deleting or hiding it moves it to
 *   the next one, or back to none;
 * - **status** is solved while its accepted answer is a response, answered while there is a
 *   response, open otherwise; a change appends `question.status_changed`, credited to `actor`.
 * Every command that adds, removes, hides, restores or accepts an answer ends here.
 */
export function refreshQuestionState(
  tx: Tx,
  questionId: number,
  actor: EventActor,
): QuestionStatus {
  const q = tx
    .select({
      authorId: questions.authorId,
      status: questions.status,
      acceptedAnswerId: questions.acceptedAnswerId,
      solvedAt: questions.solvedAt,
    })
    .from(questions)
    .where(eq(questions.id, questionId))
    .get()
  if (!q) throw new Error(`question ${questionId} vanished inside its own transaction`)

  const shown = and(eq(answers.questionId, questionId), listed(answers))
  // an automatic suggestion is never a response (it may still be accepted as the solution)
  const response = sql`${answers.authorId} <> ${q.authorId} and not exists (select 1 from automatic_answers aa where aa.answer_id = ${answers.id})`
  const counts = tx
    .select({
      all: count(),
      responses: sql<number>`coalesce(sum(case when ${response} then 1 else 0 end), 0)`,
      firstResponseAt: min(sql`case when ${response} then ${answers.createdAt} end`).mapWith(
        answers.createdAt,
      ),
    })
    .from(answers)
    .where(shown)
    .get() ?? { all: 0, responses: 0, firstResponseAt: null }

  let acceptedAnswerId = q.acceptedAnswerId
  if (acceptedAnswerId !== null) {
    const stillThere = tx
      .select({ id: answers.id })
      .from(answers)
      .where(and(shown, eq(answers.id, acceptedAnswerId), ne(answers.authorId, q.authorId)))
      .get()
    if (!stillThere) acceptedAnswerId = null
  }
  const status: QuestionStatus =
    acceptedAnswerId !== null ? 'solved' : Number(counts.responses) > 0 ? 'answered' : 'open'
  tx.update(questions)
    .set({
      status,
      acceptedAnswerId,
      answerCount: counts.all,
      firstResponseAt: counts.firstResponseAt ?? null,
      solvedAt: status === 'solved' ? (q.solvedAt ?? now()) : null,
    })
    .where(eq(questions.id, questionId))
    .run()
  if (status !== q.status)
    emit(tx, {
      type: 'question.status_changed',
      actor,
      questionId,
      data: { from: q.status, to: status },
    })
  // The search document carries the accepted answer, which may just have changed.
  syncQuestionSearch(tx, questionId)
  return status
}
