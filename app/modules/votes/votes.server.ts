import { and, eq, sql } from 'drizzle-orm'
import { answers, questions, votes, type PostType } from '../../../db/schema'
import { write } from '../../utils/db.server'
import { forbidden, notFound } from '../../utils/http.server'
import { getVisibleAnswer } from '../answers/answers.server'
import { can, type Actor } from '../policy/policy'
import { getVisibleQuestion, questionTarget } from '../questions/questions.server'
import { adjustReputation, REPUTATION } from '../users/reputation.server'

function reputationFor(postType: PostType, value: number) {
  if (value > 0)
    return postType === 'question' ? REPUTATION.questionUpvote : REPUTATION.answerUpvote
  if (value < 0) return REPUTATION.downvote
  return 0
}

/**
 * Sets the actor's vote on a post to +1, -1 or 0 (withdrawn). One vote per person and post;
 * score and the author's reputation move by the difference, in the same transaction.
 */
export function castVote(actor: Actor, postType: PostType, postId: number, value: -1 | 0 | 1) {
  let authorId: number
  let questionId: number
  if (postType === 'question') {
    const q = getVisibleQuestion(postId, actor)
    if (!q) notFound('Question not found')
    if (!can(actor, 'question.vote', questionTarget(q))) forbidden('You cannot vote on this post')
    authorId = q.authorId
    questionId = q.id
  } else {
    const found = getVisibleAnswer(postId, actor)
    if (!found) notFound('Answer not found')
    if (!can(actor, 'answer.vote', found.target)) forbidden('You cannot vote on this post')
    authorId = found.answer.authorId
    questionId = found.question.id
  }
  const table = postType === 'question' ? questions : answers
  return write((tx) => {
    const key = and(
      eq(votes.userId, actor.id),
      eq(votes.postType, postType),
      eq(votes.postId, postId),
    )
    const previous = tx.select({ value: votes.value }).from(votes).where(key).get()?.value ?? 0
    if (previous === value) return { questionId, value }
    if (value === 0) tx.delete(votes).where(key).run()
    else
      tx.insert(votes)
        .values({ userId: actor.id, postType, postId, value })
        .onConflictDoUpdate({
          target: [votes.userId, votes.postType, votes.postId],
          set: { value },
        })
        .run()
    tx.update(table)
      .set({ score: sql`${table.score} + ${value - previous}` })
      .where(eq(table.id, postId))
      .run()
    adjustReputation(
      tx,
      authorId,
      reputationFor(postType, value) - reputationFor(postType, previous),
    )
    return { questionId, value }
  })
}
