/**
 * The asker's consent to publish their private question. No column holds it: it is the
 * asker's own event (`settings.changed` on the question, key `question.publish_consent`), so who
 * agreed and when stays in the log, and withdrawing it is one more event.
 */
import { and, desc, eq, sql } from 'drizzle-orm'
import { events } from '../../../db/schema'
import { db, type Tx } from '../../utils/db.server'

export const PUBLISH_CONSENT_KEY = 'question.publish_consent'

/** When the asker last allowed staff to publish `questionId`; null when they have not (or took it back). */
export function getPublishConsent(questionId: number, tx: Pick<Tx, 'select'> = db): Date | null {
  const last = tx
    .select({ data: events.data, at: events.createdAt })
    .from(events)
    .where(
      and(
        eq(events.questionId, questionId),
        eq(events.type, 'settings.changed'),
        sql`json_extract(${events.data}, '$.key') = ${PUBLISH_CONSENT_KEY}`,
      ),
    )
    .orderBy(desc(events.createdAt), desc(events.id))
    .limit(1)
    .get()
  return last?.data?.to === true ? last.at : null
}
