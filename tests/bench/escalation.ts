/**
 * `npm run bench:escalation`: the escalation sweep at scale.
 *
 * A fresh database under tmp/bench-escalation/ with 100,000 questions (BENCH_ESCALATION_QUESTIONS)
 * and one `question.created` event each, of which 5,000 need attention and 1,000 are past their
 * target (BENCH_ESCALATION_DUE); three staff on a rota. Then, with the clock at the sweep's time:
 * 1. the first sweep (escalates the 1,000: an escalation row, two events and a notification each),
 * 2. a second sweep at the same time (nothing left to do: what it costs to find that out),
 * 3. a sweep a minute later with 1,000 more due while the first 1,000 are still open,
 * each timed, and the query plans of the sweep's two reads. The questions that are not due are
 * never read: the plans show index searches, not scans.
 *
 * Prints a table and writes tmp/bench-escalation/results.json. Targets are reported, not enforced.
 */
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

const QUESTIONS = Number(process.env.BENCH_ESCALATION_QUESTIONS ?? 100_000)
const DUE = Number(process.env.BENCH_ESCALATION_DUE ?? 1_000)
const WAITING = Math.max(DUE * 5, 5_000)
const dir = path.resolve('tmp/bench-escalation')
fs.rmSync(dir, { recursive: true, force: true })
fs.mkdirSync(dir, { recursive: true })
process.env.DATABASE_PATH = path.join(dir, 'bench.db')
process.env.LOG_REQUESTS = 'false'

const { migrateDatabase, sqlite } = await import('../../app/utils/db.server')
const { setClock } = await import('../../app/utils/clock.server')
const { saveRota } = await import('../../app/modules/escalation/rota.server')
const { dueQuestionsQuery, sweepEscalations, describeSweep } =
  await import('../../app/modules/escalation/sweep.server')
migrateDatabase()

const MINUTE = 60_000
const T = new Date('2026-03-02T09:00:00Z').getTime()
setClock(new Date(T))

console.log(`Generating ${QUESTIONS.toLocaleString('en')} questions…`)
const started = performance.now()
sqlite.exec(`insert into categories (slug, name) values ('orders-shipping', 'Orders & shipping')`)
const insertUser = sqlite.prepare(
  `insert into users (email, handle, display_name, role, created_at) values (?, ?, ?, ?, ?)`,
)
const staffIds: number[] = []
sqlite.transaction(() => {
  for (let i = 0; i < 3; i++)
    staffIds.push(
      Number(
        insertUser.run(`staff${i}@x.test`, `staff${i}`, `Staff ${i}`, 'staff', T).lastInsertRowid,
      ),
    )
  for (let i = 0; i < 1000; i++) insertUser.run(`m${i}@x.test`, `m${i}`, `Member ${i}`, 'member', T)
})()
const insertQuestion = sqlite.prepare(
  `insert into questions (author_id, category_id, title, body_md, body_html, cooked_version,
     status, created_at, updated_at, last_activity_at, attention_since, sla_due_at)
   values (?, 1, ?, 'body', '<p>body</p>', 1, ?, ?, ?, ?, ?, ?)`,
)
const insertEvent = sqlite.prepare(
  `insert into events (type, source, actor_id, actor_role, question_id, created_at)
   values ('question.created', 'live', ?, 'member', ?, ?)`,
)
sqlite.transaction(() => {
  for (let i = 0; i < QUESTIONS; i++) {
    const author = 4 + (i % 1000)
    // the newest WAITING questions still need attention; DUE of them are past their target,
    // another DUE become due a minute later, the rest later still
    const waitingIndex = i - (QUESTIONS - WAITING)
    const waiting = waitingIndex >= 0
    const created = T - (QUESTIONS - i) * MINUTE
    const due = !waiting
      ? null
      : waitingIndex < DUE
        ? T - MINUTE
        : waitingIndex < 2 * DUE
          ? T + MINUTE / 2
          : T + 24 * 60 * MINUTE
    const id = Number(
      insertQuestion.run(
        author,
        `Question ${i}`,
        waiting ? 'open' : 'answered',
        created,
        created,
        created,
        waiting ? created : null,
        due,
      ).lastInsertRowid,
    )
    insertEvent.run(author, id, created)
  }
})()
saveRota(
  { id: staffIds[0], role: 'staff', reputation: 0 },
  {
    memberIds: staffIds,
    timeZone: 'Asia/Jakarta',
    handoffWeekday: 1,
    handoffTime: '09:00',
    rotationDays: 7,
    startsOn: '2026-02-01',
  },
)
sqlite.exec('analyze')
console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`)

function timed<T>(fn: () => T): { ms: number; result: T } {
  const s = performance.now()
  const result = fn()
  return { ms: performance.now() - s, result }
}

const plan = (text: string, params: unknown[]) =>
  (sqlite.prepare(`explain query plan ${text}`).all(...params) as { detail: string }[]).map(
    (r) => r.detail,
  )

const dueSql = dueQuestionsQuery(new Date(T), { due: -1, id: 0 }, 200).toSQL()
const level2Sql = sqlite.prepare(
  `select id from escalations where level2_due_at <= ? and resolved_at is null and acknowledged_at is null and level = 1 order by level2_due_at limit 200`,
).source

const first = timed(() => sweepEscalations(new Date(T)))
const idle = timed(() => sweepEscalations(new Date(T)))
const next = timed(() => sweepEscalations(new Date(T + MINUTE)))
const rows = [
  {
    sweep: `first: ${DUE.toLocaleString('en')} due`,
    ms: first.ms,
    did: describeSweep(first.result),
  },
  { sweep: 'again, same time', ms: idle.ms, did: describeSweep(idle.result) },
  {
    sweep: `a minute later: ${DUE.toLocaleString('en')} more due`,
    ms: next.ms,
    did: describeSweep(next.result),
  },
]

console.log(
  `\nEscalation sweep, ${QUESTIONS.toLocaleString('en')} questions, ${WAITING.toLocaleString('en')} waiting`,
)
console.log('  sweep                              ms   what it did')
for (const r of rows)
  console.log(`  ${r.sweep.padEnd(32)} ${r.ms.toFixed(1).padStart(7)}   ${r.did}`)
console.log(`  target: ≤ 200 ms for 1,000 due: ${first.ms <= 200 ? 'met' : 'NOT met'}`)
const duePlan = plan(dueSql.sql, dueSql.params)
const level2Plan = plan(level2Sql, [T])
console.log('\nQuery plan, due questions:')
for (const line of duePlan) console.log(`  ${line}`)
console.log('Query plan, level-2 candidates:')
for (const line of level2Plan) console.log(`  ${line}`)

fs.writeFileSync(
  path.join(dir, 'results.json'),
  JSON.stringify(
    { questions: QUESTIONS, waiting: WAITING, due: DUE, rows, duePlan, level2Plan },
    null,
    2,
  ),
)
console.log('\nWrote tmp/bench-escalation/results.json')
