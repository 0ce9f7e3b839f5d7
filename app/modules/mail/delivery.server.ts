/**
 * The delivery job: hands due outbox rows to the SMTP server (SMTP_URL) through nodemailer.
 * A run claims a batch with one conditional UPDATE (`locked_until`), so two processes never
 * send the same row; each row is marked sent, or scheduled again with exponential backoff
 * (1, 2, 4 … minutes, at most an hour), or dead after MAX_ATTEMPTS failures.
 */
import nodemailer from 'nodemailer'
import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm'
import { outbox } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { db, write } from '../../utils/db.server'
import { env } from '../../utils/env.server'

export const MAX_ATTEMPTS = 8
const MINUTE = 60_000
export const BACKOFF_CAP_MS = 60 * MINUTE
/** How long a claim holds: longer than a run may take (see RUN_BUDGET_MS and the timeouts). */
export const LOCK_MS = 10 * MINUTE
/** A run stops claiming after this long, leaving the rest to the next minute's run. */
const RUN_BUDGET_MS = 50_000
export const BATCH_SIZE = 200

/** The wait before attempt n + 1, after n failed attempts: 1, 2, 4, 8 … minutes, capped. */
export function backoffMs(failedAttempts: number): number {
  return Math.min(BACKOFF_CAP_MS, MINUTE * 2 ** Math.max(0, failedAttempts - 1))
}

/** The sender: MAIL_FROM, else no-reply at the site's host name. */
export function mailFrom(): string {
  const e = env()
  return e.MAIL_FROM ?? `Tanya <no-reply@${new URL(e.BASE_URL).hostname}>`
}

type Claimed = typeof outbox.$inferSelect

/** Claims up to `limit` due rows for this run; nobody else can claim them until the lock ends. */
function claim(limit: number): Claimed[] {
  const at = now()
  return write(
    (tx) => {
      const due = tx
        .select({ id: outbox.id })
        .from(outbox)
        .where(
          and(
            eq(outbox.status, 'pending'),
            lte(outbox.nextAttemptAt, at),
            or(isNull(outbox.lockedUntil), lte(outbox.lockedUntil, at)),
          ),
        )
        .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
        .limit(limit)
      return tx
        .update(outbox)
        .set({ lockedUntil: new Date(at.getTime() + LOCK_MS) })
        .where(
          and(
            inArray(outbox.id, due),
            // Said again in the UPDATE itself: the claim holds even if the select were stale.
            eq(outbox.status, 'pending'),
            or(isNull(outbox.lockedUntil), lte(outbox.lockedUntil, at)),
          ),
        )
        .returning()
        .all()
    },
    { pagesUnchanged: true },
  )
}

function markSent(id: number) {
  write(
    (tx) =>
      tx
        .update(outbox)
        .set({
          status: 'sent',
          sentAt: now(),
          lockedUntil: null,
          lastError: null,
          attempts: sql`${outbox.attempts} + 1`,
        })
        .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')))
        .run(),
    { pagesUnchanged: true },
  )
}

/** Records a failed attempt; returns whether the row is now dead. */
function markFailed(row: Claimed, error: unknown): boolean {
  const attempts = row.attempts + 1
  const dead = attempts >= MAX_ATTEMPTS
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000)
  write(
    (tx) =>
      tx
        .update(outbox)
        .set({
          attempts,
          lastError: message,
          lockedUntil: null,
          ...(dead
            ? { status: 'dead' as const }
            : { nextAttemptAt: new Date(now().getTime() + backoffMs(attempts)) }),
        })
        .where(and(eq(outbox.id, row.id), eq(outbox.status, 'pending')))
        .run(),
    { pagesUnchanged: true },
  )
  return dead
}

export type DeliveryResult = {
  sent: number
  retrying: number
  dead: number
  /** Why nothing was attempted, when that is the case. */
  skipped?: string
}

export function describeDelivery(r: DeliveryResult): string {
  if (r.skipped) return `outbox: ${r.skipped}`
  return `outbox: ${r.sent} sent, ${r.retrying} retrying, ${r.dead} dead`
}

/**
 * Sends what is due. Without an SMTP server configured, nothing is claimed: messages stay
 * pending and readable on the admin's outbox page. `smtpUrl` defaults to SMTP_URL.
 */
export async function deliverOutbox(
  options: { smtpUrl?: string; batchSize?: number; budgetMs?: number } = {},
): Promise<DeliveryResult> {
  const smtpUrl = options.smtpUrl ?? env().SMTP_URL
  if (!smtpUrl) {
    const pending =
      db
        .select({ n: sql<number>`count(*)` })
        .from(outbox)
        .where(eq(outbox.status, 'pending'))
        .get()?.n ?? 0
    return { sent: 0, retrying: 0, dead: 0, skipped: `${pending} pending, no SMTP_URL` }
  }
  // One pooled connection set per run: a few connections carry the whole batch.
  // What the URL says (host, port, user, query options) wins over these defaults.
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 3,
    maxMessages: Infinity,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  })
  const result: DeliveryResult = { sent: 0, retrying: 0, dead: 0 }
  const from = mailFrom()
  // Wall time, not the site's clock: the budget bounds how long this process works.
  const started = Date.now()
  try {
    for (;;) {
      const batch = claim(options.batchSize ?? BATCH_SIZE)
      if (batch.length === 0) break
      await Promise.all(
        batch.map(async (row) => {
          try {
            await transport.sendMail({
              from,
              to: row.toAddress,
              subject: row.subject,
              text: row.text,
              html: row.html,
              headers: row.headers,
            })
            markSent(row.id)
            result.sent++
          } catch (error) {
            if (markFailed(row, error)) result.dead++
            else result.retrying++
          }
        }),
      )
      if (Date.now() - started > (options.budgetMs ?? RUN_BUDGET_MS)) break
    }
  } finally {
    transport.close()
  }
  return result
}
