/**
 * Outbox delivery rate into a local SMTP server:
 *   npx tsx tests/bench/outbox.ts [--messages 10000] [--batch 200]
 * Queues N messages (real notification e-mails, rendered through queueEmail) into a fresh
 * database under tmp/outbox-bench/, starts an smtp-server on loopback that counts what arrives,
 * and runs the delivery job until the outbox is empty. Prints the queueing rate, messages per
 * second delivered, how long each job run took and how many it sent (a run stops claiming after
 * its budget), and memory (RSS and heap) before and after. The SMTP server runs in the same
 * process, so its CPU counts against the rate: the figure is a floor for a real relay.
 */
import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { SMTPServer } from 'smtp-server'

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`)
  return at === -1 ? fallback : Number(process.argv[at + 1])
}
const MESSAGES = arg('messages', 10_000)
const BATCH = arg('batch', 200)

const dir = path.resolve('tmp/outbox-bench')
fs.rmSync(dir, { recursive: true, force: true })
fs.mkdirSync(dir, { recursive: true })
process.env.DATABASE_PATH = path.join(dir, 'bench.db')
process.env.LOG_REQUESTS = 'false'
process.env.BASE_URL ??= 'http://localhost:3000'

const { migrateDatabase, write, db } = await import('../../app/utils/db.server')
const { users, questions, categories, outbox } = await import('../../db/schema')
const { queueEmail } = await import('../../app/modules/mail/mail.server')
const { composeNotification } = await import('../../app/modules/mail/messages.server')
const { deliverOutbox, describeDelivery } = await import('../../app/modules/mail/delivery.server')
const { sql } = await import('drizzle-orm')

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`
const memory = () => {
  const m = process.memoryUsage()
  return `rss ${mb(m.rss)}, heap ${mb(m.heapUsed)}`
}

migrateDatabase()
const { userId, questionId } = write((tx) => {
  const category = tx.insert(categories).values({ slug: 'bench', name: 'Bench' }).returning().get()
  const user = tx
    .insert(users)
    .values({ email: 'bench@example.test', handle: 'bench', displayName: 'Bench reader' })
    .returning()
    .get()
  const q = tx
    .insert(questions)
    .values({
      authorId: user.id,
      categoryId: category.id,
      title: 'Grinder makes a squeaking noise after cleaning',
      bodyMd: 'It started after I cleaned the burrs with rice. Is that bad?',
      bodyHtml: '<p>It started after I cleaned the burrs with rice. Is that bad?</p>',
      cookedVersion: 1,
    })
    .returning()
    .get()
  return { userId: user.id, questionId: q.id }
})

const memoryBefore = memory()
let started = performance.now()
// In transactions of 1000, as a burst of notifications would arrive.
for (let done = 0; done < MESSAGES; done += 1000)
  write((tx) => {
    const compose = composeNotification(tx, {
      type: 'followed.new_question',
      actorId: null,
      questionId,
    })!
    for (let i = done; i < Math.min(MESSAGES, done + 1000); i++)
      queueEmail(tx, {
        userId,
        kind: 'followed.new_question',
        unsubscribe: 'followed.new_question',
        compose,
      })
  })
const queueSeconds = (performance.now() - started) / 1000
const queued = db
  .select({ n: sql<number>`count(*)` })
  .from(outbox)
  .get()!.n
console.log(
  `queued ${queued} messages in ${queueSeconds.toFixed(2)} s (${Math.round(queued / queueSeconds)}/s); ${memory()}`,
)

let received = 0
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined)
    stream.on('end', () => {
      received++
      callback()
    })
  },
})
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
const url = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`

started = performance.now()
const runs: string[] = []
for (;;) {
  const runStarted = performance.now()
  // The job's default budget (50 s of claiming), as the scheduler runs it every minute.
  const result = await deliverOutbox({ smtpUrl: url, batchSize: BATCH })
  const seconds = (performance.now() - runStarted) / 1000
  if (result.sent + result.retrying + result.dead === 0) break
  runs.push(`${describeDelivery(result)} in ${seconds.toFixed(2)} s`)
}
const seconds = (performance.now() - started) / 1000
console.log(`batch size ${BATCH}; job runs:\n  ${runs.join('\n  ')}`)
console.log(
  `delivered ${received} of ${queued} in ${seconds.toFixed(2)} s: ${Math.round(received / seconds)} messages/s; ${memory()} (before queueing: ${memoryBefore})`,
)
const size = fs.statSync(process.env.DATABASE_PATH).size
console.log(`database with ${queued} outbox rows: ${mb(size)}`)
smtp.close()
process.exit(received === queued ? 0 : 1)
