import { eq, sql } from 'drizzle-orm'
import { users, type PostType } from '../../../db/schema'
import type { Tx } from '../../utils/db.server'
import type { EmittedEvent } from '../events/events.server'

/** Reputation earned per event, in the spirit of the Stack Exchange scale. */
export const REPUTATION = {
  questionUpvote: 5,
  answerUpvote: 10,
  downvote: -2,
  accepted: 15,
} as const

function adjustReputation(tx: Tx, userId: number, delta: number) {
  if (delta === 0) return
  tx.update(users)
    .set({ reputation: sql`max(0, ${users.reputation} + ${delta})` })
    .where(eq(users.id, userId))
    .run()
}

function forVote(postType: PostType, value: number) {
  if (value > 0)
    return postType === 'question' ? REPUTATION.questionUpvote : REPUTATION.answerUpvote
  if (value < 0) return REPUTATION.downvote
  return 0
}

// Reactions (see reactions.server.ts). The event's `userId` is the post's author.

export function creditAcceptedAnswer(tx: Tx, e: EmittedEvent) {
  if (e.userId) adjustReputation(tx, e.userId, REPUTATION.accepted)
}

export function debitUnacceptedAnswer(tx: Tx, e: EmittedEvent) {
  if (e.userId) adjustReputation(tx, e.userId, -REPUTATION.accepted)
}

/** A vote moves its post author's reputation by the difference from their previous vote. */
export function creditVote(tx: Tx, e: EmittedEvent) {
  const { postType, value, previous } = e.data as {
    postType: PostType
    value: number
    previous: number
  }
  if (e.userId)
    adjustReputation(tx, e.userId, forVote(postType, value) - forVote(postType, previous))
}
