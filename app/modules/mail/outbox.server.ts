/** The admin's view of the outbox: messages by status, newest first, each readable; retry now. */
import { and, desc, eq, isNull, lte, ne, or, sql } from 'drizzle-orm'
import { outbox, OUTBOX_STATUSES, type OutboxStatus } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { db, write } from '../../utils/db.server'
import { Forbidden, NotFound } from '../../utils/domain-errors'
import { can, type Actor } from '../policy/policy'

export const OUTBOX_PAGE = 25

function requireViewer(actor: Actor | null) {
  if (!can(actor, 'outbox.view', null)) throw new Forbidden('outbox.view')
}

export function countOutbox(actor: Actor): Record<OutboxStatus, number> {
  requireViewer(actor)
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<
    OutboxStatus,
    number
  >
  for (const r of db
    .select({ status: outbox.status, n: sql<number>`count(*)` })
    .from(outbox)
    .groupBy(outbox.status)
    .all())
    counts[r.status] = r.n
  return counts
}

export function listOutbox(actor: Actor, filter: { status: OutboxStatus | null; page: number }) {
  requireViewer(actor)
  const where = filter.status ? eq(outbox.status, filter.status) : undefined
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(outbox)
      .where(where)
      .get()?.n ?? 0
  const pageCount = Math.max(1, Math.ceil(total / OUTBOX_PAGE))
  const page = Math.min(Math.max(1, filter.page), pageCount)
  const items = db
    .select({
      id: outbox.id,
      toAddress: outbox.toAddress,
      subject: outbox.subject,
      kind: outbox.kind,
      status: outbox.status,
      attempts: outbox.attempts,
      nextAttemptAt: outbox.nextAttemptAt,
      lastError: outbox.lastError,
      sentAt: outbox.sentAt,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .where(where)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(OUTBOX_PAGE)
    .offset((page - 1) * OUTBOX_PAGE)
    .all()
  return { items, total, page, pageCount }
}

export function getOutboxMessage(actor: Actor, id: number) {
  requireViewer(actor)
  const row = db.select().from(outbox).where(eq(outbox.id, id)).get()
  if (!row) throw new NotFound('page')
  return row
}

/**
 * Makes a pending or dead message due at once; a dead one gets one more attempt (failing again,
 * it is dead again). A sent message is never sent twice: for it this does nothing.
 */
export function retryOutboxMessage(actor: Actor, id: number): boolean {
  requireViewer(actor)
  return write(
    (tx) => {
      const row = tx.select().from(outbox).where(eq(outbox.id, id)).get()
      if (!row) throw new NotFound('page')
      return (
        tx
          .update(outbox)
          .set({
            status: 'pending',
            nextAttemptAt: now(),
            lockedUntil: null,
            attempts: row.status === 'dead' ? Math.max(0, row.attempts - 1) : row.attempts,
          })
          .where(
            and(
              eq(outbox.id, id),
              ne(outbox.status, 'sent'),
              // Not while a delivery run holds it: that run decides what happened.
              or(isNull(outbox.lockedUntil), lte(outbox.lockedUntil, now())),
            ),
          )
          .run().changes > 0
      )
    },
    { pagesUnchanged: true },
  )
}
