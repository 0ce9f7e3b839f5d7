/**
 * `npm run bench:review`: the review queue with 10,000 pending items.
 *
 * A fresh database under tmp/bench-review/ with 10,000 questions and 5,000 answers, 10,000
 * pending review items (half on questions, half on answers; BENCH_REVIEW_ITEMS) with two flags
 * each, and 10,000 resolved ones. Then the review page's reads (the queue page and the header's
 * count) are timed over 50 calls each for the first page, a deep page, and each filter, then the
 * whole page as a moderator opens it (a signed-in GET /review through the build, in this process:
 * session, root loader, the page's loader and the HTML), and the query plans of every statement
 * one page runs are printed. `npm run bench:review` builds first.
 *
 * Prints a table and writes tmp/bench-review/results.json. Targets are reported, not enforced.
 */
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'

const ITEMS = Number(process.env.BENCH_REVIEW_ITEMS ?? 10_000)
const CALLS = 50
const dir = path.resolve('tmp/bench-review')
fs.rmSync(dir, { recursive: true, force: true })
fs.mkdirSync(dir, { recursive: true })
process.env.DATABASE_PATH = path.join(dir, 'bench.db')
process.env.LOG_REQUESTS = 'false'

const { migrateDatabase, sqlite } = await import('../../app/utils/db.server')
const { setClock } = await import('../../app/utils/clock.server')
const { recordStatements } = await import('../setup/statement-counter')
const { countPendingReviews, listReviewQueue } =
  await import('../../app/modules/flags/review.server')
const { reviewFilterSchema } = await import('../../app/modules/flags/validation')
migrateDatabase()

const T = new Date('2026-03-02T09:00:00Z').getTime()
setClock(new Date(T + 30 * 86_400_000))
const REASONS = ['spam', 'rude', 'off-topic', 'needs-staff', 'other']

console.log(`Generating ${ITEMS.toLocaleString('en')} pending items…`)
const started = performance.now()
sqlite.exec(`insert into categories (slug, name) values ('orders-shipping', 'Orders & shipping')`)
const insertUser = sqlite.prepare(
  `insert into users (email, handle, display_name, role, created_at) values (?, ?, ?, ?, ?)`,
)
const insertQuestion = sqlite.prepare(
  `insert into questions (author_id, category_id, title, body_md, body_html, cooked_version,
     created_at, updated_at, last_activity_at, hidden_at)
   values (?, 1, ?, ?, '<p>body</p>', 1, ?, ?, ?, ?)`,
)
const insertAnswer = sqlite.prepare(
  `insert into answers (question_id, author_id, body_md, body_html, cooked_version, created_at,
     updated_at, hidden_at) values (?, ?, ?, '<p>body</p>', 1, ?, ?, ?)`,
)
const insertItem = sqlite.prepare(
  `insert into review_items (post_type, post_id, question_id, author_id, status, score,
     flag_count, hidden_by_flags, flagged_at, created_at, decision)
   values (?, ?, ?, ?, ?, 2, 2, ?, ?, ?, ?)`,
)
const insertFlag = sqlite.prepare(
  `insert into flags (review_item_id, post_type, post_id, question_id, flagger_id, reason, note,
     weight, status, created_at) values (?, ?, ?, ?, ?, ?, '', 1, ?, ?)`,
)
const moderatorId = Number(
  insertUser.run('mod@x.test', 'mod', 'Moderator', 'moderator', T).lastInsertRowid,
)
sqlite.transaction(() => {
  for (let i = 0; i < 2000; i++) insertUser.run(`m${i}@x.test`, `m${i}`, `Member ${i}`, 'member', T)
  const total = ITEMS * 2
  for (let i = 0; i < total; i++) {
    const at = T + i * 60_000
    const pending = i % 2 === 0
    const author = 2 + (i % 2000)
    const hidden = pending && i % 3 === 0 ? at : null
    const q = Number(
      insertQuestion.run(
        author,
        `Question ${i} about grinders`,
        'A body '.repeat(40),
        at,
        at,
        at,
        hidden,
      ).lastInsertRowid,
    )
    let type = 'question'
    let post = q
    if (i % 4 < 2) {
      type = 'answer'
      post = Number(
        insertAnswer.run(q, author, 'An answer '.repeat(40), at, at, hidden).lastInsertRowid,
      )
    }
    const item = Number(
      insertItem.run(
        type,
        post,
        q,
        author,
        pending ? 'pending' : 'resolved',
        hidden ? 1 : 0,
        at,
        at,
        pending ? null : 'approve',
      ).lastInsertRowid,
    )
    for (let f = 0; f < 2; f++)
      insertFlag.run(
        item,
        type,
        post,
        q,
        2 + ((i + 1 + f * 7) % 2000),
        REASONS[(i + f) % REASONS.length],
        pending ? 'pending' : 'rejected',
        at + f,
      )
  }
})()
sqlite.exec('analyze')
console.log(`  done in ${Math.round(performance.now() - started)} ms`)

const moderator = { id: moderatorId, role: 'moderator' as const, reputation: 0 }
const staff = { id: moderatorId, role: 'staff' as const, reputation: 0 }

function time(fn: () => unknown) {
  const ms: number[] = []
  for (let i = 0; i < CALLS; i++) {
    const t = performance.now()
    fn()
    ms.push(performance.now() - t)
  }
  ms.sort((a, b) => a - b)
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)]
  return { p50: +at(50).toFixed(2), p95: +at(95).toFixed(2), max: +ms.at(-1)!.toFixed(2) }
}

const cases: [string, () => unknown][] = [
  ['header count', () => countPendingReviews()],
  ['page 1 (moderator)', () => listReviewQueue(moderator, reviewFilterSchema.parse({}))],
  ['page 1 (staff)', () => listReviewQueue(staff, reviewFilterSchema.parse({}))],
  [
    'page 250 (moderator)',
    () => listReviewQueue(moderator, reviewFilterSchema.parse({ page: '250' })),
  ],
  ['reason=spam', () => listReviewQueue(moderator, reviewFilterSchema.parse({ reason: 'spam' }))],
  ['kind=answer', () => listReviewQueue(moderator, reviewFilterSchema.parse({ kind: 'answer' }))],
  [
    'reason=rude, kind=question, page 20',
    () =>
      listReviewQueue(
        moderator,
        reviewFilterSchema.parse({ reason: 'rude', kind: 'question', page: '20' }),
      ),
  ],
  [
    'loader (page 1 + header count)',
    () => {
      listReviewQueue(moderator, reviewFilterSchema.parse({}))
      countPendingReviews()
    },
  ],
]
const results: Record<string, ReturnType<typeof time>> = {}
const first = listReviewQueue(moderator, reviewFilterSchema.parse({}))
console.log(`\n${first.total.toLocaleString('en')} pending items, ${first.items.length} on a page`)
for (const [name, fn] of cases) results[name] = time(fn)
console.table(results)

// The whole page, as the moderator's browser asks for it.
const { createRequestHandler } = await import('@remix-run/node')
const { runInRequestScope } = await import('../../app/utils/request-scope.server')
const { createSessionCookie } = await import('../../app/modules/auth/auth.server')
const build = (await import(pathToFileURL(path.resolve('build/index.js')).href)) as ServerBuild
const handler = createRequestHandler(build, 'production')
const cookie = createSessionCookie(moderatorId).split(';')[0]
async function renderPage(query: string) {
  const t = performance.now()
  const res = await runInRequestScope(() =>
    handler(
      new Request(`http://127.0.0.1/review${query}`, {
        headers: { Accept: 'text/html', Cookie: cookie, 'User-Agent': 'Mozilla/5.0 (bench)' },
      }),
      { cspNonce: 'bench', clientIp: '198.51.100.7' },
    ),
  )
  const html = await res.text()
  if (res.status !== 200) throw new Error(`GET /review${query} answered ${res.status}`)
  return { ms: performance.now() - t, bytes: html.length }
}
const pages: Record<string, { p50: number; p95: number; max: number; kb: number }> = {}
for (const query of ['', '?page=250', '?reason=spam']) {
  for (let i = 0; i < 5; i++) await renderPage(query) // warm-up: first renders compile
  const runs: { ms: number; bytes: number }[] = []
  for (let i = 0; i < CALLS; i++) runs.push(await renderPage(query))
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b)
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)]
  pages[`GET /review${query}`] = {
    p50: +at(50).toFixed(2),
    p95: +at(95).toFixed(2),
    max: +ms.at(-1)!.toFixed(2),
    kb: +(runs[0].bytes / 1024).toFixed(1),
  }
}
console.log('\nThe whole page, signed in as a moderator (ms; kb of HTML)')
console.table(pages)

// Every statement one page of the queue runs, with its plan.
const seen = recordStatements(() => {
  listReviewQueue(moderator, reviewFilterSchema.parse({ reason: 'spam' }))
  countPendingReviews()
})
const plans = seen.map((text) => {
  const params = (text.match(/\?/g) ?? []).map(() => 1)
  const rows = sqlite.prepare(`explain query plan ${text}`).all(...params) as { detail: string }[]
  return { sql: text, plan: rows.map((r) => r.detail) }
})
for (const p of plans) console.log(`\n${p.sql}\n  ${p.plan.join('\n  ')}`)
fs.writeFileSync(path.join(dir, 'results.json'), JSON.stringify({ results, pages, plans }, null, 2))
