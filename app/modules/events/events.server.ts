import { events, type EventType } from '../../../db/schema'
import type { Tx } from '../../utils/db.server'

type EventInput = {
  type: EventType
  actorId: number | null
  questionId?: number | null
  answerId?: number | null
  data?: Record<string, unknown>
}

/** Appends to the event log; call it inside the transaction that made the change. */
export function appendEvent(tx: Tx, e: EventInput) {
  tx.insert(events)
    .values({
      type: e.type,
      actorId: e.actorId,
      questionId: e.questionId ?? null,
      answerId: e.answerId ?? null,
      data: e.data ?? null,
    })
    .run()
}
