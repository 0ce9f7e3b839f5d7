/**
 * Runs jobs once, then exits: for hosts that prefer cron to the scheduler inside the server, for
 * operators catching up, and for tests.
 *
 *   npm run jobs -- --once             every job that is due, under the leases (safe beside
 *                                      running servers: the leases decide who runs what)
 *   npm run jobs -- --once --at <ISO>  every job, once, as if the time were <ISO>; jobs are
 *                                      idempotent, so this is safe too, and it leaves the
 *                                      leases (and so the servers' schedule) alone
 *
 * Prints what each job did, e.g. `escalation: 3 escalated (level 1: 2, level 2: 1); 2 breached`.
 */
import { parseArgs } from 'node:util'
import { setClock } from '../utils/clock.server'
import { migrateDatabase } from '../utils/db.server'
import { JOBS } from './jobs.server'
import { runDueJobs, runJob } from './scheduler.server'

const { values } = parseArgs({
  options: { once: { type: 'boolean', default: true }, at: { type: 'string' } },
  strict: true,
})

migrateDatabase()
const print = (name: string, outcome: string) => console.log(`${name}: ${outcome}`)

if (values.at !== undefined) {
  const at = new Date(values.at)
  if (Number.isNaN(at.getTime())) {
    console.error(`--at needs a date and time like 2026-12-01T09:00:00+07:00, not "${values.at}"`)
    process.exit(2)
  }
  setClock(at)
  for (const job of JOBS) print(job.name, await runJob(job))
} else {
  const ran = await runDueJobs(JOBS, undefined, print)
  if (ran.length === 0) console.log('No job was due.')
}
