import { eq, sql } from 'drizzle-orm'
import { users } from '../../../db/schema'
import type { Tx } from '../../utils/db.server'

/** Reputation earned per event, in the spirit of the Stack Exchange scale. */
export const REPUTATION = {
  questionUpvote: 5,
  answerUpvote: 10,
  downvote: -2,
  accepted: 15,
} as const

export function adjustReputation(tx: Tx, userId: number, delta: number) {
  if (delta === 0) return
  tx.update(users)
    .set({ reputation: sql`max(0, ${users.reputation} + ${delta})` })
    .where(eq(users.id, userId))
    .run()
}
