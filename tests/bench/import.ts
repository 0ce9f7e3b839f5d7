/**
 * Stack Exchange import figures for one dump folder (nothing is read by default):
 *   npx tsx tests/bench/import.ts <dump folder> [--rounds N]
 * Each round imports the dump into a fresh database under tmp/import-bench/, once with the bulk
 * state and index step (the default) and once with the per-question one (refreshQuestionState +
 * syncQuestionSearch for each question), checks that both give the same questions and search
 * documents, then imports again to show that a re-run adds nothing. Prints time per phase, rows
 * and rows/s, wall and CPU time; the round of each mode with the least CPU time is reported.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'

const folder = process.argv[2]
if (!folder || !fs.existsSync(folder)) {
  process.stderr.write('usage: npx tsx tests/bench/import.ts <dump folder> [--rounds N]\n')
  process.exit(2)
}
const roundsAt = process.argv.indexOf('--rounds')
const ROUNDS = roundsAt === -1 ? 2 : Math.max(1, Number(process.argv[roundsAt + 1]))
const DIR = path.resolve('tmp/import-bench')
const site = path.basename(path.resolve(folder))
fs.mkdirSync(DIR, { recursive: true })

type Summary = {
  cpuSeconds: number
  seconds: Record<string, number>
  rowsRead: number
  rowsWritten: number
  sites: { added: Record<string, number> }[]
}

// The app opens its database once per process, so each import runs in a child process: this
// same script with --child, which imports into DATABASE_PATH and prints the summary as JSON.
if (process.argv.includes('--child')) {
  const { migrateDatabase } = await import('../../app/utils/db.server')
  const { importStackExchange } = await import('../../app/modules/importer/stackexchange.server')
  migrateDatabase()
  const cpu = process.cpuUsage()
  const summary = await importStackExchange([folder], {
    perQuestion: process.argv.includes('--per-question'),
  })
  // CPU time as well as wall time: on a shared machine the first is the steadier figure.
  const used = process.cpuUsage(cpu)
  const cpuSeconds = (used.user + used.system) / 1e6
  process.stdout.write(`\n${JSON.stringify({ ...summary, cpuSeconds })}\n`)
  process.exit(0)
}

function runChild(db: string, perQuestion: boolean): Summary {
  const args = [
    'tsx',
    process.argv[1],
    folder,
    '--child',
    ...(perQuestion ? ['--per-question'] : []),
  ]
  const child = spawnSync('npx', args, {
    env: { ...process.env, DATABASE_PATH: db, SEED_DEMO: 'false', LOG_REQUESTS: 'false' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  if (child.status !== 0) throw new Error(`import failed:\n${child.stderr}`)
  const last = child.stdout.trim().split('\n').pop() ?? ''
  return JSON.parse(last) as Summary
}

function fresh(name: string) {
  const file = path.join(DIR, `${site}-${name}.db`)
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true })
  return file
}

/** What both modes must agree on: each question's derived state and its search document. */
function snapshot(file: string) {
  const db = new Database(file, { readonly: true })
  const rows = db
    .prepare(
      `select q.status, q.answer_count, q.solved_at, q.first_response_at, q.closed_reason,
              i.external_id, f.title, f.tags, f.body, f.answer, f.related
       from questions q
       join imported_ids i on i.local_id = q.id and i.kind = 'question'
       left join questions_fts f on f.rowid = q.id
       order by i.external_id`,
    )
    .all()
  db.close()
  return JSON.stringify(rows)
}

const fmt = (n: number) => n.toLocaleString('en')
const sec = (n: number) => `${n.toFixed(2)} s`
const best: Record<string, Summary> = {}
for (let round = 1; round <= ROUNDS; round++) {
  for (const mode of ['bulk', 'per-question'] as const) {
    const file = fresh(mode)
    const summary = runChild(file, mode === 'per-question')
    if (!best[mode] || summary.cpuSeconds < best[mode].cpuSeconds) best[mode] = summary
  }
}

// Equivalence and idempotency, on the databases of the last round.
const same =
  snapshot(path.join(DIR, `${site}-bulk.db`)) ===
  snapshot(path.join(DIR, `${site}-per-question.db`))
const rerun = runChild(path.join(DIR, `${site}-bulk.db`), false)

const lines = [
  `Stack Exchange import: ${site} (${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}, best of ${ROUNDS})`,
]
for (const [mode, s] of Object.entries(best)) {
  const t = s.seconds
  const added = s.sites[0].added
  lines.push(
    `${mode.padEnd(13)} total ${sec(t.total)} (parse ${sec(t.parse)}, convert ${sec(t.convert)}, write ${sec(t.write)}, index ${sec(t.index)}); CPU ${sec(s.cpuSeconds)}`,
    `${''.padEnd(13)} ${fmt(s.rowsRead)} rows read → ${fmt(Math.round(s.rowsRead / t.total))}/s; ${fmt(s.rowsWritten)} rows written → ${fmt(Math.round(s.rowsWritten / t.total))}/s`,
    `${''.padEnd(13)} ${fmt(added.questions)} questions, ${fmt(added.answers)} answers, ${fmt(added.users)} users, ${fmt(added.accepted)} accepted, ${fmt(added.duplicates)} duplicates`,
  )
}
lines.push(
  `both modes give the same questions and search documents: ${same ? 'yes' : 'NO'}`,
  `re-run: ${fmt(rerun.rowsWritten)} rows written in ${sec(rerun.seconds.total)}`,
)
process.stdout.write(`${lines.join('\n')}\n`)
fs.writeFileSync(
  path.join(DIR, `${site}-results.json`),
  JSON.stringify({ site, best, same, rerun }, null, 2),
)
if (!same) process.exitCode = 1
