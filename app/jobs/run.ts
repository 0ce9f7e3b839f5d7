/**
 * Runs every job that is due, once, then exits: for hosts that prefer cron to the scheduler
 * inside the server. Safe beside running servers: the leases decide who runs what.
 */
import { migrateDatabase } from '../utils/db.server'
import { JOBS } from './jobs.server'
import { runDueJobs } from './scheduler.server'

migrateDatabase()
const ran = await runDueJobs(JOBS)
console.log(ran.length ? `Ran: ${ran.join(', ')}` : 'No job was due.')
