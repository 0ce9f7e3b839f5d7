/**
 * `npm run bench`: the question page with 20 answers against a DB-free reference route of the
 * same build that renders the same 20 posts from memory (`/bench/thread`).
 *
 * 1. A fresh database under tmp/bench/: migrated, demo community seeded, plus the bench thread
 *    (one question, 20 answers by 20 people, votes, an accepted answer) and a one-answer thread,
 *    all written through the domain modules.
 * 2. SQL statements per page view, in-process: the route loader alone and the whole document
 *    request, anonymous and signed in, 1 vs 20 answers (no N+1: the count must not grow).
 * 3. The real server as a child process; autocannon at 1 and 10 connections, ours and the
 *    reference interleaved; page sizes plain and gzipped.
 *
 * Prints a table and writes tmp/bench/results.json. Targets are reported, not enforced; the
 * run fails on a non-2xx response, a connection error or a crash.
 *
 * Knobs (env): BENCH_PORT (3200), BENCH_DURATION seconds per measurement (10),
 * BENCH_WARMUP seconds (2), BENCH_ROUNDS (2: ours→reference, then reference→ours).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { performance } from 'node:perf_hooks'
import type { ServerBuild } from '@remix-run/node'
import type { Role } from '../../db/schema'
import type { Actor } from '../../app/modules/policy/policy'

const PORT = Number(process.env.BENCH_PORT ?? 3200)
const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2)
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 2))
const CONNECTIONS = [1, 10]
const ORIGIN = `http://127.0.0.1:${PORT}`
const DIR = path.resolve('tmp/bench')
const DB_FILE = path.join(DIR, 'bench.db')
const RESULTS_FILE = path.join(DIR, 'results.json')
const TARGET_RATIO = 0.8
const TARGET_PAGE_BYTES = 100 * 1024
// A browser's user agent: bots are not counted as views, and we want the visitor path.
const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36'

// ── Environment first: every app module reads it (and opens the DB) when first imported. ──
const serverEnv = {
  NODE_ENV: 'production',
  PORT: String(PORT),
  DATABASE_PATH: DB_FILE,
  BASE_URL: ORIGIN,
  SEED_DEMO: 'false',
  LOG_REQUESTS: 'false',
  BENCH_ROUTES: 'true',
} as const
Object.assign(process.env, serverEnv)

fs.rmSync(DIR, { recursive: true, force: true })
fs.mkdirSync(DIR, { recursive: true })

const { db, migrateDatabase, queryCounter, sqlite, write } =
  await import('../../app/utils/db.server')
const { seedDemoIfEmpty } = await import('../../db/seed')
const schema = await import('../../db/schema')
const { and, eq, notLike } = await import('drizzle-orm')
const { createQuestion, getQuestionPage } =
  await import('../../app/modules/questions/questions.server')
const { acceptAnswer, createAnswer } = await import('../../app/modules/answers/answers.server')
const { castVote } = await import('../../app/modules/votes/votes.server')
const { createSessionCookie, hashPassword } = await import('../../app/modules/auth/auth.server')
const { resetClock, setClock } = await import('../../app/utils/clock.server')
const { slugify } = await import('../../app/utils/slug')
const fixture = await import('../../app/modules/bench/thread-fixture.server')
const { createRequestHandler } = await import('@remix-run/node')

// autocannon ships no types; this is the part of its API the benchmark uses.
type CannonOptions = {
  url: string
  connections: number
  duration: number
  headers?: Record<string, string>
}
type CannonHistogram = { average: number; mean: number; stddev: number; p99: number; total: number }
type CannonResult = {
  requests: CannonHistogram
  latency: CannonHistogram
  throughput: CannonHistogram
  duration: number
  errors: number
  timeouts: number
  non2xx: number
  '2xx': number
}
type Cannon = (opts: CannonOptions, done: (err: Error | null, result: CannonResult) => void) => void
const autocannon = createRequire(import.meta.url)('autocannon') as Cannon

function cannon(opts: CannonOptions): Promise<CannonResult> {
  return new Promise((resolve, reject) =>
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result))),
  )
}

// ── 1. Data ──────────────────────────────────────────────────────────────────────────────

async function seedBenchThreads() {
  migrateDatabase()
  await seedDemoIfEmpty()
  const hash = await hashPassword('bench-password-not-for-login')
  const insertUser = (p: { handle: string; displayName: string; role: Role }): Actor =>
    write((tx) => {
      const u = tx
        .insert(schema.users)
        .values({ ...p, email: `${p.handle}@example.test` })
        .returning()
        .get()
      tx.insert(schema.passwords).values({ userId: u.id, hash }).run()
      return { id: u.id, role: u.role, reputation: u.reputation }
    })
  const asker = insertUser(fixture.BENCH_ASKER)
  const answerers = fixture.BENCH_ANSWERERS.map(insertUser)
  const bodies = fixture.benchAnswerBodies()
  const q = fixture.BENCH_QUESTION

  try {
    // The bench thread, at the fixture's times so both pages show the same dates.
    setClock(fixture.BENCH_ASKED_AT)
    const created = createQuestion(asker, {
      title: q.title,
      body: q.body,
      category: q.category.slug,
      tags: [...q.tags],
    })
    if (!created.ok) throw new Error(`bench question: ${JSON.stringify(created.fieldErrors)}`)
    const questionId = created.id
    const answerIds = answerers.map((author, i) => {
      setClock(fixture.benchAnsweredAt(i))
      return createAnswer(author, questionId, bodies[i])
    })
    for (const voter of answerers.slice(0, q.score)) castVote(voter, 'question', questionId, 1)
    answerIds.forEach((answerId, i) => {
      const voters = answerers.filter((_, k) => k !== i)
      for (const voter of voters.slice(0, fixture.BENCH_ANSWER_SCORES[i]))
        castVote(voter, 'answer', answerId, 1)
    })
    setClock(fixture.BENCH_ACCEPTED_AT)
    acceptAnswer(asker, answerIds[fixture.BENCH_ACCEPTED_INDEX])
    write((tx) =>
      tx
        .update(schema.questions)
        .set({ viewCount: q.viewCount })
        .where(eq(schema.questions.id, questionId))
        .run(),
    )

    // The same question with a single answer, to show the statement count does not grow.
    setClock(fixture.BENCH_ASKED_AT)
    const single = createQuestion(asker, {
      title: `${q.title} (single answer)`,
      body: q.body,
      category: q.category.slug,
      tags: [...q.tags],
    })
    if (!single.ok) throw new Error(`single question: ${JSON.stringify(single.fieldErrors)}`)
    setClock(fixture.benchAnsweredAt(0))
    const singleAnswer = createAnswer(answerers[0], single.id, bodies[0])
    castVote(answerers[1], 'answer', singleAnswer, 1)
    acceptAnswer(asker, singleAnswer)

    return {
      q20: { id: questionId, path: `/questions/${questionId}/${slugify(q.title)}` },
      q1: {
        id: single.id,
        path: `/questions/${single.id}/${slugify(`${q.title} (single answer)`)}`,
      },
    }
  } finally {
    resetClock()
  }
}

// ── 2. Statements per page view, in-process ──────────────────────────────────────────────

const QUESTION_ROUTE = 'routes/questions.$questionId.($slug)'

type Viewer = { label: string; cookie: string | null }

function makeRequest(pathname: string, viewer: Viewer) {
  const headers = new Headers({ 'User-Agent': USER_AGENT, Accept: 'text/html' })
  if (viewer.cookie) headers.set('Cookie', viewer.cookie)
  return new Request(`${ORIGIN}${pathname}`, { headers })
}

function counted<T>(fn: () => Promise<T>): Promise<{ value: T; statements: number }> {
  const before = queryCounter.count
  return fn().then((value) => ({ value, statements: queryCounter.count - before }))
}

async function measureStatements(
  build: ServerBuild,
  threads: Awaited<ReturnType<typeof seedBenchThreads>>,
  viewers: Viewer[],
) {
  const loader = build.routes[QUESTION_ROUTE]?.module.loader
  if (!loader) throw new Error(`${QUESTION_ROUTE} has no loader in the build`)
  const handler = createRequestHandler(build, 'production')
  const rows: {
    viewer: string
    answers: number
    scope: 'route loader' | 'whole request'
    firstView: number
    repeatView: number
  }[] = []
  let ip = 0
  for (const viewer of viewers) {
    for (const [answers, thread] of [
      [1, threads.q1],
      [20, threads.q20],
    ] as const) {
      // A new client address per case, so the first view is a first view for anonymous visitors.
      const context = { cspNonce: 'bench', clientIp: `198.51.100.${++ip}` }
      const [questionId, slug] = thread.path.split('/').slice(2)
      const callLoader = () =>
        counted(async () => {
          const res = await loader({
            request: makeRequest(thread.path, viewer),
            params: { questionId, slug },
            context,
          })
          if (!(res instanceof Response) || res.status !== 200)
            throw new Error(`loader for ${thread.path} did not return 200`)
          return res
        })
      const first = await callLoader()
      const repeat = await callLoader()
      rows.push({
        viewer: viewer.label,
        answers,
        scope: 'route loader',
        firstView: first.statements,
        repeatView: repeat.statements,
      })

      const wholeContext = { cspNonce: 'bench', clientIp: `198.51.100.${++ip}` }
      const callHandler = () =>
        counted(async () => {
          const res = await handler(makeRequest(thread.path, viewer), wholeContext)
          if (res.status !== 200) throw new Error(`GET ${thread.path} answered ${res.status}`)
          await res.text()
          return res
        })
      const firstWhole = await callHandler()
      const repeatWhole = await callHandler()
      rows.push({
        viewer: viewer.label,
        answers,
        scope: 'whole request',
        firstView: firstWhole.statements,
        repeatView: repeatWhole.statements,
      })
    }
  }
  const reference: { viewer: string; statements: number }[] = []
  for (const viewer of viewers) {
    const r = await counted(async () => {
      const res = await handler(makeRequest('/bench/thread', viewer), {
        cspNonce: 'bench',
        clientIp: '198.51.100.250',
      })
      if (res.status !== 200) throw new Error(`GET /bench/thread answered ${res.status}`)
      await res.text()
      return res
    })
    reference.push({ viewer: viewer.label, statements: r.statements })
  }
  return { rows, reference }
}

/** Mean time of `fn` over `n` runs after `n / 5` unmeasured ones, in milliseconds. */
async function timeIt(n: number, fn: () => Promise<unknown> | unknown) {
  for (let i = 0; i < Math.ceil(n / 5); i++) await fn()
  const start = performance.now()
  for (let i = 0; i < n; i++) await fn()
  return (performance.now() - start) / n
}

/** Where the time of one anonymous page view goes, measured in this process (no network). */
async function profileInProcess(build: ServerBuild, path20: string, questionId: number) {
  const handler = createRequestHandler(build, 'production')
  const ours = build.routes[QUESTION_ROUTE]?.module.loader
  const ref = build.routes['routes/bench.thread']?.module.loader
  if (!ours || !ref) throw new Error('bench routes missing from the build')
  const anon: Viewer = { label: 'anonymous', cookie: null }
  const context = { cspNonce: 'bench', clientIp: '203.0.113.9' }
  const [id, slug] = path20.split('/').slice(2)
  const n = 300
  const ms = {
    getQuestionPage: await timeIt(n, () => getQuestionPage(questionId, null)),
    oursLoader: await timeIt(n, () =>
      ours({ request: makeRequest(path20, anon), params: { questionId: id, slug }, context }),
    ),
    referenceLoader: await timeIt(n, () =>
      ref({ request: makeRequest('/bench/thread', anon), params: {}, context }),
    ),
    oursDocument: await timeIt(n, async () => {
      const res = await handler(makeRequest(path20, anon), context)
      await res.text()
    }),
    referenceDocument: await timeIt(n, async () => {
      const res = await handler(makeRequest('/bench/thread', anon), context)
      await res.text()
    }),
  }
  return Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, round(v, 3)]))
}

// ── 3. The real server ───────────────────────────────────────────────────────────────────

let server: ChildProcess | null = null
let serverOutput = ''

async function startServer() {
  const tsx = path.resolve('node_modules/.bin/tsx')
  // Its own process group, so stopping it also stops the node process tsx starts.
  const child = spawn(tsx, ['server.ts'], {
    env: { ...process.env, ...serverEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  server = child
  child.stdout?.on('data', (d: Buffer) => void (serverOutput += d.toString()))
  child.stderr?.on('data', (d: Buffer) => void (serverOutput += d.toString()))
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${serverOutput}`)
    const status = await get('/healthz').then(
      (r) => r.status,
      () => 0,
    )
    if (status === 200) return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`server did not answer /healthz within 30 s:\n${serverOutput}`)
}

async function stopServer() {
  const child = server
  server = null
  if (!child?.pid || child.exitCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  process.kill(-child.pid, 'SIGTERM')
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGKILL')
  }, 5_000)
  await exited
  clearTimeout(timer)
}

/** One GET without keep-alive; the body as raw bytes, exactly as sent on the wire. */
function get(pathname: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      const req = http.get(
        `${ORIGIN}${pathname}`,
        { agent: false, headers: { 'User-Agent': USER_AGENT, ...headers } },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks),
            }),
          )
          res.on('error', reject)
        },
      )
      req.on('error', reject)
    },
  )
}

async function pageSize(pathname: string) {
  const plain = await get(pathname, { Accept: 'text/html' })
  const gzip = await get(pathname, { Accept: 'text/html', 'Accept-Encoding': 'gzip' })
  for (const r of [plain, gzip])
    if (r.status !== 200) throw new Error(`GET ${pathname} answered ${r.status}`)
  if (gzip.headers['content-encoding'] !== 'gzip')
    throw new Error(`GET ${pathname} was not gzipped with Accept-Encoding: gzip`)
  const html = plain.body.toString('utf8')
  // The hydration data repeats every post body once more, JSON-escaped.
  const context = /<script[^>]*>window\.__remixContext = [\s\S]*?<\/script>/.exec(html)?.[0] ?? ''
  return {
    bytes: plain.body.length,
    gzipBytes: gzip.body.length,
    hydrationDataBytes: Buffer.byteLength(context),
    answersRendered: (html.match(/<li id="answer-\d+"/g) ?? []).length,
    html,
  }
}

type Side = 'ours' | 'reference'
type Measurement = {
  side: Side
  connections: number
  round: number
  reqPerSec: number
  latencyMean: number
  latencyP99: number
  requests: number
  non2xx: number
  errors: number
}

async function load(side: Side, url: string, connections: number, round: number) {
  const opts = { url, connections, headers: { 'User-Agent': USER_AGENT, Accept: 'text/html' } }
  if (WARMUP > 0) await cannon({ ...opts, duration: WARMUP })
  const r = await cannon({ ...opts, duration: DURATION })
  const m: Measurement = {
    side,
    connections,
    round,
    reqPerSec: r.requests.average,
    latencyMean: r.latency.average,
    latencyP99: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  }
  console.log(
    `  c=${connections} round ${round} ${side.padEnd(9)} ${fmt(m.reqPerSec, 1)} req/s, ` +
      `mean ${fmt(m.latencyMean, 2)} ms, p99 ${fmt(m.latencyP99, 2)} ms, non-2xx ${m.non2xx}`,
  )
  return m
}

function summarize(ms: Measurement[], side: Side, connections: number) {
  const runs = ms.filter((m) => m.side === side && m.connections === connections)
  const requests = runs.reduce((s, m) => s + m.requests, 0)
  return {
    reqPerSec: runs.reduce((s, m) => s + m.reqPerSec, 0) / runs.length,
    // weighted by requests: the mean latency over every request of every round
    latencyMean: runs.reduce((s, m) => s + m.latencyMean * m.requests, 0) / Math.max(1, requests),
    latencyP99: Math.max(...runs.map((m) => m.latencyP99)),
    requests,
    non2xx: runs.reduce((s, m) => s + m.non2xx, 0),
    errors: runs.reduce((s, m) => s + m.errors, 0),
  }
}

// ── Output ───────────────────────────────────────────────────────────────────────────────

function round(n: number, digits: number) {
  const f = 10 ** digits
  return Math.round(n * f) / f
}

function fmt(n: number, digits = 0) {
  return n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

function table(head: string[], rows: (string | number)[][]) {
  const cells = [head, ...rows.map((r) => r.map(String))]
  const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)))
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  return [
    line(head),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...rows.map((r) => line(r.map(String))),
  ]
    .map((l) => `  ${l}`)
    .join('\n')
}

// ── Main ─────────────────────────────────────────────────────────────────────────────────

async function main() {
  console.log(`Bench database: ${path.relative(process.cwd(), DB_FILE)}`)
  const t0 = performance.now()
  const threads = await seedBenchThreads()
  console.log(`Seeded demo community and bench threads in ${fmt(performance.now() - t0)} ms`)

  const build = (await import(pathToFileURL(path.resolve('build/index.js')).href)) as ServerBuild
  const reader = db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(and(eq(schema.users.role, 'member'), notLike(schema.users.handle, 'bench-%')))
    .get()
  if (!reader) throw new Error('no demo member to sign in as')
  const cookie = (await createSessionCookie(reader.id)).split(';')[0]
  const viewers: Viewer[] = [
    { label: 'anonymous', cookie: null },
    { label: 'signed in', cookie },
  ]
  const statements = await measureStatements(build, threads, viewers)
  const profile = await profileInProcess(build, threads.q20.path, threads.q20.id)

  const viewCount = () =>
    db
      .select({ n: schema.questions.viewCount })
      .from(schema.questions)
      .where(eq(schema.questions.id, threads.q20.id))
      .get()?.n ?? 0

  await startServer()
  console.log(`Server up on ${ORIGIN} (pid ${server?.pid})`)
  const oursUrl = `${ORIGIN}${threads.q20.path}`
  const refUrl = `${ORIGIN}/bench/thread`

  const sizes = {
    ours: await pageSize(threads.q20.path),
    reference: await pageSize('/bench/thread'),
  }
  const fixtureBodies = fixture.benchThreadPage().answers.map((a) => a.bodyHtml)
  const bodiesInOurs = fixtureBodies.filter((b) => sizes.ours.html.includes(b)).length
  const bodiesInRef = fixtureBodies.filter((b) => sizes.reference.html.includes(b)).length

  const viewsBefore = viewCount()
  const measurements: Measurement[] = []
  console.log(
    `Load: ${DURATION} s per measurement after ${WARMUP} s warm-up, ${ROUNDS} round(s), ` +
      `${os.cpus().length} CPUs shared by server and load generator`,
  )
  for (const connections of CONNECTIONS) {
    for (let r = 1; r <= ROUNDS; r++) {
      const order: [Side, string][] = [
        ['ours', oursUrl],
        ['reference', refUrl],
      ]
      if (r % 2 === 0) order.reverse()
      for (const [side, url] of order) measurements.push(await load(side, url, connections, r))
    }
  }
  const viewsAfter = viewCount()

  // ── Report ──
  const perConnections = CONNECTIONS.map((c) => {
    const ours = summarize(measurements, 'ours', c)
    const reference = summarize(measurements, 'reference', c)
    return { connections: c, ours, reference, ratio: ours.reqPerSec / reference.reqPerSec }
  })

  console.log('\nThroughput: GET question page with 20 answers (anonymous) vs /bench/thread')
  console.log(
    table(
      ['connections', 'page', 'req/s', 'mean ms', 'p99 ms', 'requests', 'non-2xx', 'ours/ref'],
      perConnections.flatMap((p) => [
        [
          p.connections,
          'ours',
          fmt(p.ours.reqPerSec, 1),
          fmt(p.ours.latencyMean, 2),
          fmt(p.ours.latencyP99, 2),
          p.ours.requests,
          p.ours.non2xx,
          `${fmt(p.ratio * 100, 1)} %`,
        ],
        [
          '',
          'reference',
          fmt(p.reference.reqPerSec, 1),
          fmt(p.reference.latencyMean, 2),
          fmt(p.reference.latencyP99, 2),
          p.reference.requests,
          p.reference.non2xx,
          '',
        ],
      ]),
    ),
  )
  const worst = Math.min(...perConnections.map((p) => p.ratio))
  console.log(
    `  target ours ≥ ${TARGET_RATIO * 100} % of reference: ${worst >= TARGET_RATIO ? 'met' : 'NOT met'} (worst ${fmt(worst * 100, 1)} %)`,
  )

  console.log('\nPage size (HTML document)')
  console.log(
    table(
      ['page', 'bytes', 'KB', 'gzip bytes', 'hydration data bytes', 'answers', 'fixture bodies'],
      [
        [
          'ours',
          sizes.ours.bytes,
          fmt(sizes.ours.bytes / 1024, 1),
          sizes.ours.gzipBytes,
          sizes.ours.hydrationDataBytes,
          sizes.ours.answersRendered,
          `${bodiesInOurs}/20`,
        ],
        [
          'reference',
          sizes.reference.bytes,
          fmt(sizes.reference.bytes / 1024, 1),
          sizes.reference.gzipBytes,
          sizes.reference.hydrationDataBytes,
          sizes.reference.answersRendered,
          `${bodiesInRef}/20`,
        ],
      ],
    ),
  )
  console.log(
    `  target ≤ 100 KB for 20 posts: ${sizes.ours.bytes <= TARGET_PAGE_BYTES ? 'met' : 'NOT met'}`,
  )

  console.log(
    '\nSQL statements per page view (in-process; first view records the view, repeat is deduplicated)',
  )
  console.log(
    table(
      ['viewer', 'answers', 'scope', 'first view', 'repeat view'],
      statements.rows.map((r) => [r.viewer, r.answers, r.scope, r.firstView, r.repeatView]),
    ),
  )
  const noNPlusOne = viewers.every((v) =>
    (['route loader', 'whole request'] as const).every((scope) => {
      const pick = (n: number) =>
        statements.rows.find((r) => r.viewer === v.label && r.answers === n && r.scope === scope)
      return (
        pick(1)?.repeatView === pick(20)?.repeatView && pick(1)?.firstView === pick(20)?.firstView
      )
    }),
  )
  console.log(`  same count for 1 and 20 answers (no N+1): ${noNPlusOne ? 'yes' : 'NO'}`)
  console.log(
    `  reference page, whole request: ${statements.reference.map((r) => `${r.viewer} ${r.statements}`).join(', ')}`,
  )
  console.log(
    `  view counter during the load test: ${viewsBefore} → ${viewsAfter} (${viewsAfter - viewsBefore} write(s) for ${perConnections.reduce((s, p) => s + p.ours.requests, 0)} measured requests)`,
  )

  console.log('\nIn-process time per anonymous view (ms, no network, mean of 300)')
  console.log(
    table(
      ['step', 'ms'],
      Object.entries(profile).map(([k, v]) => [k, fmt(v, 3)]),
    ),
  )

  const failures = measurements.filter((m) => m.non2xx > 0 || m.errors > 0)
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    settings: {
      durationSeconds: DURATION,
      warmupSeconds: WARMUP,
      rounds: ROUNDS,
      connections: CONNECTIONS,
    },
    urls: { ours: threads.q20.path, reference: '/bench/thread' },
    throughput: perConnections.map((p) => ({
      connections: p.connections,
      ours: roundAll(p.ours),
      reference: roundAll(p.reference),
      ratio: round(p.ratio, 4),
      targetMet: p.ratio >= TARGET_RATIO,
    })),
    measurements: measurements.map((m) => roundAll(m)),
    pageSize: {
      ours: { ...withoutHtml(sizes.ours), fixtureBodiesFound: bodiesInOurs },
      reference: { ...withoutHtml(sizes.reference), fixtureBodiesFound: bodiesInRef },
      targetMet: sizes.ours.bytes <= TARGET_PAGE_BYTES,
    },
    sqlStatementsPerView: { ...statements, noNPlusOne },
    viewCounter: { before: viewsBefore, after: viewsAfter },
    inProcessMs: profile,
  }
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`)
  console.log(`\nWrote ${path.relative(process.cwd(), RESULTS_FILE)}`)

  if (failures.length > 0)
    throw new Error(
      `non-2xx responses or connection errors: ${failures.map((f) => `${f.side} c=${f.connections} round ${f.round}: ${f.non2xx} non-2xx, ${f.errors} errors`).join('; ')}`,
    )
  if (!noNPlusOne) console.log('Note: the statement count grows with the number of answers.')
}

function roundAll<T extends object>(o: T): T {
  return Object.fromEntries(
    Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? round(v, 3) : v]),
  ) as T
}

function withoutHtml<T extends { html: string }>(o: T): Omit<T, 'html'> {
  const { html: _html, ...rest } = o
  return rest
}

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    void stopServer().finally(() => process.exit(130))
  })

try {
  await main()
} catch (error) {
  console.error('\nBenchmark failed:', error)
  process.exitCode = 1
} finally {
  await stopServer()
  sqlite.close()
}
