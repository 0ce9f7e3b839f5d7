/**
 * The daily digest: one e-mail per person with every notification kept for it since their last
 * digest (or, the first time, the last week). Only what the person may still see, and only
 * types they still want in the digest, go in.
 */
import { and, desc, eq, gt, sql } from 'drizzle-orm'
import { answers, notifications, outbox, questions } from '../../../db/schema'
import { translatorFor } from '../../i18n/translator.server'
import { now } from '../../utils/clock.server'
import { db, write } from '../../utils/db.server'
import { canSee } from '../policy/policy'
import { getPreferences } from '../notifications/preferences.server'
import { absoluteUrl, getRecipient, queueEmail } from './mail.server'
import { digestLine } from './messages.server'

const DAY = 24 * 60 * 60_000
/** How far back a first digest looks. */
const FIRST_DIGEST_SINCE_MS = 7 * DAY
/** Lines in one digest; the rest are counted ("…and 12 more"). */
export const DIGEST_LINES = 30

const kept = sql`json_extract(${notifications.data}, '$.digest') = 1`

function lastDigestAt(userId: number): Date | null {
  return (
    db
      .select({ at: outbox.createdAt })
      .from(outbox)
      .where(and(eq(outbox.userId, userId), eq(outbox.kind, 'digest')))
      .orderBy(desc(outbox.createdAt))
      .limit(1)
      .get()?.at ?? null
  )
}

/** Queues every digest that is due; returns how many were queued. */
export function sendDigests(): string {
  const at = now()
  const earliest = new Date(at.getTime() - FIRST_DIGEST_SINCE_MS)
  const people = db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(and(kept, gt(notifications.createdAt, earliest)))
    .all()
  let queued = 0
  for (const { userId } of people) if (queueDigest(userId, earliest)) queued++
  return `digest: ${queued} queued`
}

function queueDigest(userId: number, earliest: Date): boolean {
  const since = lastDigestAt(userId) ?? earliest
  return write(
    (tx) => {
      const person = getRecipient(tx, userId)
      if (!person) return false
      const choices = getPreferences(userId, tx)
      const rows = tx
        .select({
          type: notifications.type,
          actorId: notifications.actorId,
          questionId: notifications.questionId,
          answerId: notifications.answerId,
          data: notifications.data,
          question: {
            authorId: questions.authorId,
            visibility: questions.visibility,
            hiddenAt: questions.hiddenAt,
            deletedAt: questions.deletedAt,
          },
          answer: {
            authorId: answers.authorId,
            hiddenAt: answers.hiddenAt,
            deletedAt: answers.deletedAt,
          },
        })
        .from(notifications)
        .leftJoin(questions, eq(questions.id, notifications.questionId))
        .leftJoin(answers, eq(answers.id, notifications.answerId))
        .where(and(eq(notifications.userId, userId), kept, gt(notifications.createdAt, since)))
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .all()
        .filter(
          (r) =>
            choices[r.type].email === 'digest' &&
            // a notice about the person (a sanction) names no question: theirs to read
            (r.questionId === null || (r.question !== null && canSee(person, r.question))) &&
            (r.answer?.authorId == null ||
              canSee(person, { ...r.answer, authorId: r.answer.authorId })),
        )
      if (rows.length === 0) return false
      const t = translatorFor(person.language)
      const items = rows
        .slice(0, DIGEST_LINES)
        .map((r) => digestLine(tx, { ...r, userId, data: r.data ?? undefined }, t, person.language))
        .filter((i) => i !== null)
      const more = rows.length - items.length
      queueEmail(tx, {
        userId,
        kind: 'digest',
        unsubscribe: 'digest',
        compose: (t) => ({
          subject: t('mail.message.digest.subject', { count: rows.length }),
          paragraphs: [t('mail.message.digest.intro')],
          items,
          action: {
            label:
              more > 0
                ? t('mail.message.digest.more', { count: more })
                : t('mail.message.digest.openNotifications'),
            url: absoluteUrl('/notifications'),
          },
        }),
      })
      return true
    },
    { pagesUnchanged: true },
  )
}
