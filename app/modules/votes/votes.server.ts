import { and, eq, sql } from 'drizzle-orm'
import { answers, questions, votes, type PostType } from '../../../db/schema'
import { write } from '../../utils/db.server'
import { Forbidden, NotFound } from '../../utils/domain-errors'
import { msg } from '../../i18n/message'
import { getVisibleAnswer } from '../answers/answers.server'
import { emit } from '../events/events.server'
import { can, type Actor } from '../policy/policy'
import { getVisibleQuestion, questionTarget } from '../questions/questions.server'

/**
 * Sets the actor's vote on a post to +1, -1 or 0 (withdrawn). One vote per person and post;
 * the score moves by the difference in the same transaction, and the `vote.cast` event moves
 * the author's reputation (a reaction). Voting the same way twice changes nothing.
 */
export function castVote(actor: Actor, postType: PostType, postId: number, value: -1 | 0 | 1) {
  let authorId: number
  let questionId: number
  if (postType === 'question') {
    const q = getVisibleQuestion(postId, actor)
    if (!q) throw new NotFound('question')
    if (!can(actor, 'question.vote', questionTarget(q)))
      throw new Forbidden('question.vote', msg('questions.validation.cannotVote'))
    authorId = q.authorId
    questionId = q.id
  } else {
    const found = getVisibleAnswer(postId, actor)
    if (!found) throw new NotFound('answer')
    if (!can(actor, 'answer.vote', found.target))
      throw new Forbidden('answer.vote', msg('questions.validation.cannotVote'))
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
    emit(tx, {
      type: 'vote.cast',
      actor,
      questionId,
      answerId: postType === 'answer' ? postId : null,
      userId: authorId,
      data: { postType, value, previous },
    })
    return { questionId, value }
  })
}
