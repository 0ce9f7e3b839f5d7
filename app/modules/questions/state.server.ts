import { and, count, eq, isNull, ne, sql } from 'drizzle-orm'
import { answers, questions, type QuestionStatus } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import type { Tx } from '../../utils/db.server'
import { syncQuestionSearch } from '../search/thread-index.server'

/**
 * Recomputes a question's derived state from its answers (DESIGN §4): solved when its accepted
 * answer is visible, answered when someone other than the asker responded, open otherwise.
 * Every command that adds, removes or accepts an answer ends here, in its own transaction.
 */
export function refreshQuestionState(tx: Tx, questionId: number): QuestionStatus {
  const q = tx
    .select({
      authorId: questions.authorId,
      acceptedAnswerId: questions.acceptedAnswerId,
      solvedAt: questions.solvedAt,
    })
    .from(questions)
    .where(eq(questions.id, questionId))
    .get()
  if (!q) throw new Error(`question ${questionId} vanished inside its own transaction`)

  const visible = and(
    eq(answers.questionId, questionId),
    isNull(answers.deletedAt),
    isNull(answers.hiddenAt),
  )
  const counts = tx
    .select({
      all: count(),
      responses: sql<number>`coalesce(sum(case when ${answers.authorId} <> ${q.authorId} then 1 else 0 end), 0)`,
    })
    .from(answers)
    .where(visible)
    .get() ?? { all: 0, responses: 0 }

  let acceptedAnswerId = q.acceptedAnswerId
  if (acceptedAnswerId !== null) {
    const stillThere = tx
      .select({ id: answers.id })
      .from(answers)
      .where(and(visible, eq(answers.id, acceptedAnswerId), ne(answers.authorId, q.authorId)))
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
      solvedAt: status === 'solved' ? (q.solvedAt ?? now()) : null,
    })
    .where(eq(questions.id, questionId))
    .run()
  // The search document carries the accepted answer, which may just have changed.
  syncQuestionSearch(tx, questionId)
  return status
}
