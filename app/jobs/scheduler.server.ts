import { randomUUID } from 'node:crypto'
import { eq, lte, sql } from 'drizzle-orm'
import { jobLeases } from '../../db/schema'
import { now } from '../utils/clock.server'
import { db, write } from '../utils/db.server'
import { withEventSource } from '../modules/events/events.server'

export type Job = {
  name: string
  intervalMs: number
  /** Must be idempotent: a conditional write decides, not the scheduler's memory. */
  run: () => unknown
}

/** Identifies this process in the lease table. */
export const PROCESS_OWNER = `${process.pid}-${randomUUID().slice(0, 8)}`

/**
 * Takes the job's lease when it is free (expired) and holds it for one interval. Returns true
 * when this owner won: exactly one process runs each due job.
 */
export function acquireLease(name: string, owner: string, intervalMs: number): boolean {
  const at = now()
  const expiresAt = new Date(at.getTime() + intervalMs)
  return write(
    (tx) => {
      const result = tx
        .insert(jobLeases)
        .values({ name, owner, expiresAt, lastStartedAt: at })
        .onConflictDoUpdate({
          target: jobLeases.name,
          set: { owner, expiresAt, lastStartedAt: at },
          where: lte(jobLeases.expiresAt, at),
        })
        .run()
      return result.changes === 1
    },
    { pagesUnchanged: true },
  )
}

function describe(result: unknown): string {
  if (result === undefined || result === null) return 'ok'
  if (typeof result === 'string') return result.slice(0, 500)
  return JSON.stringify(result).slice(0, 500)
}

/** Runs one job now and says what it did (or how it failed); never throws. */
export async function runJob(job: Job): Promise<string> {
  try {
    // What a job changes is the system's doing, not any person's.
    return describe(await withEventSource('system', job.run))
  } catch (error) {
    console.error(`job ${job.name} failed`, error)
    return `failed: ${error instanceof Error ? error.message : String(error)}`
  }
}

/** Runs every due job whose lease this owner wins; returns the names it ran. */
export async function runDueJobs(
  jobs: Job[],
  owner = PROCESS_OWNER,
  report?: (name: string, outcome: string) => void,
): Promise<string[]> {
  const ran: string[] = []
  for (const job of jobs) {
    if (!acquireLease(job.name, owner, job.intervalMs)) continue
    const outcome = await runJob(job)
    report?.(job.name, outcome)
    write(
      (tx) =>
        tx
          .update(jobLeases)
          .set({ lastFinishedAt: now(), lastResult: outcome })
          .where(eq(jobLeases.name, job.name))
          .run(),
      { pagesUnchanged: true },
    )
    ran.push(job.name)
  }
  return ran
}

export function listJobStatus() {
  return db
    .select()
    .from(jobLeases)
    .orderBy(sql`${jobLeases.name}`)
    .all()
}

/** Checks for due jobs every `tickMs` in this process, without keeping the process alive. */
export function startScheduler(jobs: Job[], tickMs = 30_000) {
  let running = false
  const tick = async () => {
    if (running) return
    running = true
    try {
      await runDueJobs(jobs)
    } finally {
      running = false
    }
  }
  const timer = setInterval(() => void tick(), tickMs)
  timer.unref()
  void tick()
  return () => clearInterval(timer)
}
