import { eq, sql } from 'drizzle-orm'
import { rateLimits } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { db, write } from '../../utils/db.server'

export type Limit = { max: number; windowMs: number }
export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number }

/**
 * Counts one attempt against `key` in a fixed window and says whether it is allowed.
 * The counter lives in SQLite so every process on the host shares it.
 */
export function hitRateLimit(key: string, limit: Limit): LimitResult {
  const t = now().getTime()
  const windowStart = t - (t % limit.windowMs)
  const row = write(
    (tx) =>
      tx
        .insert(rateLimits)
        .values({ key, windowStart, count: 1 })
        .onConflictDoUpdate({
          target: rateLimits.key,
          set: {
            count: sql`case when ${rateLimits.windowStart} = ${windowStart} then ${rateLimits.count} + 1 else 1 end`,
            windowStart,
          },
        })
        .returning({ count: rateLimits.count })
        .get(),
    { pagesUnchanged: true },
  )
  if (row.count <= limit.max) return { ok: true }
  return { ok: false, retryAfterSeconds: Math.ceil((windowStart + limit.windowMs - t) / 1000) }
}

/** Whether one more attempt against `key` would still be allowed, without counting one. */
export function peekRateLimit(key: string, limit: Limit): LimitResult {
  const t = now().getTime()
  const windowStart = t - (t % limit.windowMs)
  const row = db.select().from(rateLimits).where(eq(rateLimits.key, key)).get()
  if (!row || row.windowStart !== windowStart || row.count < limit.max) return { ok: true }
  return { ok: false, retryAfterSeconds: Math.ceil((windowStart + limit.windowMs - t) / 1000) }
}

export function clearRateLimit(key: string) {
  write(
    (tx) =>
      tx
        .delete(rateLimits)
        .where(sql`${rateLimits.key} = ${key}`)
        .run(),
    { pagesUnchanged: true },
  )
}
