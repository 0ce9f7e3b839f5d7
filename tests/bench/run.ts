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
 * Knobs (env): BENCH_PORT (3200), BENCH_DURATION seconds of load per page and connection
 * count (10), BENCH_SLICE seconds per alternating slice (2), BENCH_WARMUP seconds (2).
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
const SLICE = Number(process.env.BENCH_SLICE ?? 2)
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
const { runInRequestScope } = await import('../../app/utils/request-scope.server')
const schema = await import('../../db/schema')
const { eq } = await import('drizzle-orm')
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
    // Its own answerer, so the 20 answerers' reputation stays what the fixture shows.
    const soloist = insertUser({
      handle: 'bench-soloist',
      displayName: 'Sari Dewi',
      role: 'member',
    })
    setClock(fixture.benchAnsweredAt(0))
    const singleAnswer = createAnswer(soloist, single.id, bodies[0])
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

/** `cookie` gives a new session of a new reader each call, so every case has a first view. */
type Viewer = { label: string; cookie: (() => Promise<string>) | null }
type Client = { label: string; cookie: string | null }

let readers = 0
let readerHash: string | undefined

async function newReaderCookie() {
  readerHash ??= await hashPassword('bench-password-not-for-login')
  const hash = readerHash
  const handle = `bench-reader-${++readers}`
  const id = write((tx) => {
    const u = tx
      .insert(schema.users)
      .values({ handle, displayName: `Reader ${readers}`, email: `${handle}@example.test` })
      .returning({ id: schema.users.id })
      .get()
    tx.insert(schema.passwords).values({ userId: u.id, hash }).run()
    return u.id
  })
  return (await createSessionCookie(id)).split(';')[0]
}

function makeRequest(pathname: string, client: Client) {
  const headers = new Headers({ 'User-Agent': USER_AGENT, Accept: 'text/html' })
  if (client.cookie) headers.set('Cookie', client.cookie)
  return new Request(`${ORIGIN}${pathname}`, { headers })
}

/**
 * Waits until no SQL statement has run for a second (up to 20 s): work that seeding queued in
 * the background (debounced index rebuilds and the like) would otherwise be counted as part of
 * a page view, and would compete for the CPU while we time things.
 */
async function settle() {
  const deadline = Date.now() + 20_000
  let last = queryCounter.count
  let quietSince = Date.now()
  while (Date.now() < deadline && Date.now() - quietSince < 1_000) {
    await new Promise((r) => setTimeout(r, 100))
    if (queryCounter.count !== last) {
      last = queryCounter.count
      quietSince = Date.now()
    }
  }
}

function counted<T>(fn: () => Promise<T>): Promise<{ value: T; statements: number }> {
  const before = queryCounter.count
  return fn().then((value) => ({ value, statements: queryCounter.count - before }))
}

/** Repeat views: the fewest statements of three, since anything else running can only add. */
async function minOf3(fn: () => Promise<{ statements: number }>) {
  const runs = [await fn(), await fn(), await fn()]
  return { statements: Math.min(...runs.map((r) => r.statements)) }
}

async function clientOf(viewer: Viewer): Promise<Client> {
  return { label: viewer.label, cookie: viewer.cookie ? await viewer.cookie() : null }
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
  // Similar questions are ranked once per thread and cached; warm that cache (from an address
  // not used below) so both threads are measured in the same, steady state.
  for (const thread of [threads.q1, threads.q20]) {
    const [questionId, slug] = thread.path.split('/').slice(2)
    await loader({
      request: makeRequest(thread.path, { label: 'anonymous', cookie: null }),
      params: { questionId, slug },
      context: { cspNonce: 'bench', clientIp: '198.51.100.250' },
    })
  }
  for (const viewer of viewers) {
    for (const [answers, thread] of [
      [1, threads.q1],
      [20, threads.q20],
    ] as const) {
      // A new address (anonymous) or a new reader (signed in) per case: the first view is a
      // first view, and the repeat is deduplicated like a reload.
      const context = { cspNonce: 'bench', clientIp: `198.51.100.${++ip}` }
      const client = await clientOf(viewer)
      const [questionId, slug] = thread.path.split('/').slice(2)
      const callLoader = () =>
        counted(async () => {
          const res = await loader({
            request: makeRequest(thread.path, client),
            params: { questionId, slug },
            context,
          })
          if (!(res instanceof Response) || res.status !== 200)
            throw new Error(`loader for ${thread.path} did not return 200`)
          return res
        })
      const first = await callLoader()
      const repeat = await minOf3(callLoader)
      rows.push({
        viewer: viewer.label,
        answers,
        scope: 'route loader',
        firstView: first.statements,
        repeatView: repeat.statements,
      })

      const wholeContext = { cspNonce: 'bench', clientIp: `198.51.100.${++ip}` }
      const wholeClient = await clientOf(viewer)
      const callHandler = () =>
        counted(async () => {
          // In a request scope, as server.ts runs every request.
          const res = await runInRequestScope(() =>
            handler(makeRequest(thread.path, wholeClient), wholeContext),
          )
          if (res.status !== 200) throw new Error(`GET ${thread.path} answered ${res.status}`)
          await res.text()
          return res
        })
      const firstWhole = await callHandler()
      const repeatWhole = await minOf3(callHandler)
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
    const client = await clientOf(viewer)
    const r = await counted(async () => {
      const res = await runInRequestScope(() =>
        handler(makeRequest('/bench/thread', client), {
          cspNonce: 'bench',
          clientIp: '198.51.100.250',
        }),
      )
      if (res.status !== 200) throw new Error(`GET /bench/thread answered ${res.status}`)
      await res.text()
      return res
    })
    reference.push({ viewer: viewer.label, statements: r.statements })
  }
  return { rows, reference }
}

/**
 * Where the time of one anonymous page view goes, measured in this process (no network, no
 * Express). The steps run interleaved, one of each per iteration, so a burst of load from
 * elsewhere on the machine hits every step alike; medians are reported next to means.
 */
async function profileInProcess(build: ServerBuild, path20: string, questionId: number) {
  const handler = createRequestHandler(build, 'production')
  const ours = build.routes[QUESTION_ROUTE]?.module.loader
  const ref = build.routes['routes/bench.thread']?.module.loader
  if (!ours || !ref) throw new Error('bench routes missing from the build')
  const anon: Client = { label: 'anonymous', cookie: null }
  const context = { cspNonce: 'bench', clientIp: '203.0.113.9' }
  const [id, slug] = path20.split('/').slice(2)
  const steps: Record<string, () => unknown> = {
    getQuestionPage: () => getQuestionPage(questionId, null),
    oursLoader: () =>
      ours({ request: makeRequest(path20, anon), params: { questionId: id, slug }, context }),
    referenceLoader: () =>
      ref({ request: makeRequest('/bench/thread', anon), params: {}, context }),
    oursDocument: async () => (await handler(makeRequest(path20, anon), context)).text(),
    referenceDocument: async () =>
      (await handler(makeRequest('/bench/thread', anon), context)).text(),
  }
  const samples = new Map(Object.keys(steps).map((k) => [k, [] as number[]]))
  const warmup = 60
  const n = 300
  for (let i = 0; i < warmup + n; i++) {
    for (const [name, fn] of Object.entries(steps)) {
      const start = performance.now()
      await fn()
      if (i >= warmup) samples.get(name)!.push(performance.now() - start)
    }
  }
  const stats = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b)
    return {
      medianMs: round(sorted[sorted.length >> 1], 3),
      meanMs: round(xs.reduce((a, b) => a + b, 0) / xs.length, 3),
      minMs: round(sorted[0], 3),
    }
  }
  return { iterations: n, steps: Object.fromEntries([...samples].map(([k, xs]) => [k, stats(xs)])) }
}

// Row ids come from the database and the first views bump the counter: not content.
const NOT_CONTENT = new Set(['id', 'authorId', 'acceptedAnswerId', 'viewCount'])

function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds)
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, NOT_CONTENT.has(k) ? 0 : withoutIds(v)]),
    )
  return value
}

/**
 * The reference must show what the real page shows: both loaders' data (anonymous), compared
 * key by key with ids and the view count left out. A field the question loader gains and the
 * reference lacks shows up here (and in the typecheck of the reference route).
 */
async function compareLoaderData(build: ServerBuild, path20: string) {
  const ours = build.routes[QUESTION_ROUTE]?.module.loader
  const ref = build.routes['routes/bench.thread']?.module.loader
  if (!ours || !ref) throw new Error('bench routes missing from the build')
  const anon: Client = { label: 'anonymous', cookie: null }
  const context = { cspNonce: 'bench', clientIp: '203.0.113.77' }
  const [questionId, slug] = path20.split('/').slice(2)
  const dataOf = async (res: unknown) => {
    if (!(res instanceof Response) || res.status !== 200)
      throw new Error('loader did not answer 200')
    // Similar questions are links to other threads, not the 20 posts; both pages list five.
    const { similar: _similar, ...data } = (await res.json()) as Record<string, unknown>
    return JSON.stringify(withoutIds(data))
  }
  const a = await dataOf(
    await ours({ request: makeRequest(path20, anon), params: { questionId, slug }, context }),
  )
  const b = await dataOf(
    await ref({ request: makeRequest('/bench/thread', anon), params: {}, context }),
  )
  if (a === b) return { same: true, firstDifference: null }
  let i = 0
  while (a[i] === b[i]) i++
  return {
    same: false,
    firstDifference: { ours: a.slice(i - 80, i + 80), reference: b.slice(i - 80, i + 80) },
  }
}

// ── 3. The real server ───────────────────────────────────────────────────────────────────

let server: ChildProcess | null = null
let serverOutput = ''

async function startServer() {
  const busy = await get('/healthz').then(
    () => true,
    () => false,
  )
  if (busy) throw new Error(`something already listens on ${ORIGIN}; set BENCH_PORT`)
  // The built server, as `npm start` runs it; its own process group, so stopping the group
  // stops everything it started.
  const child = spawn(process.execPath, ['build/server.js'], {
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
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name)
    } catch {
      // the group is already gone
    }
  }
  signal('SIGTERM')
  const timer = setTimeout(() => signal('SIGKILL'), 5_000)
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
type Slice = {
  side: Side
  connections: number
  slice: number
  seconds: number
  requests: number
  latencyMean: number
  latencyP99: number
  non2xx: number
  errors: number
  /** 1-minute load average when the slice ended: other work on the machine skews it. */
  loadAverage: number
}

const loadHeaders = { 'User-Agent': USER_AGENT, Accept: 'text/html' }

async function runSlice(side: Side, url: string, connections: number, slice: number) {
  const r = await cannon({ url, connections, duration: SLICE, headers: loadHeaders })
  const m: Slice = {
    side,
    connections,
    slice,
    seconds: r.duration,
    requests: r.requests.total,
    latencyMean: r.latency.average,
    latencyP99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    loadAverage: os.loadavg()[0],
  }
  return m
}

/**
 * Ours and the reference in alternating short slices (AB BA AB …) until each has had
 * DURATION seconds: a burst of unrelated load on the machine then hits both alike.
 */
async function measureConnections(connections: number, urls: Record<Side, string>) {
  if (WARMUP > 0)
    for (const side of ['ours', 'reference'] as const)
      await cannon({ url: urls[side], connections, duration: WARMUP, headers: loadHeaders })
  const slices: Slice[] = []
  const count = Math.max(1, Math.round(DURATION / SLICE))
  for (let k = 0; k < count; k++) {
    const order: Side[] = k % 2 === 0 ? ['ours', 'reference'] : ['reference', 'ours']
    for (const side of order) slices.push(await runSlice(side, urls[side], connections, k + 1))
  }
  const pairRatios = Array.from({ length: count }, (_, k) => {
    const rate = (side: Side) => {
      const m = slices.find((x) => x.side === side && x.slice === k + 1)!
      return m.requests / m.seconds
    }
    return rate('ours') / rate('reference')
  })
  const sorted = [...pairRatios].sort((a, b) => a - b)
  const summary = {
    connections,
    ours: summarize(slices, 'ours'),
    reference: summarize(slices, 'reference'),
    pairRatios: {
      median: sorted[sorted.length >> 1],
      min: sorted[0],
      max: sorted[sorted.length - 1],
    },
    loadAverage: {
      min: Math.min(...slices.map((m) => m.loadAverage)),
      max: Math.max(...slices.map((m) => m.loadAverage)),
    },
    slices,
  }
  const ratio = summary.ours.reqPerSec / summary.reference.reqPerSec
  console.log(
    `  c=${connections}: ours ${fmt(summary.ours.reqPerSec, 1)} req/s, reference ` +
      `${fmt(summary.reference.reqPerSec, 1)} req/s (${fmt(ratio * 100, 1)} %); ${count} slice pairs, ` +
      `pair ratios ${fmt(sorted[0] * 100, 0)}–${fmt(sorted[sorted.length - 1] * 100, 0)} %; ` +
      `load avg ${fmt(summary.loadAverage.min, 1)}–${fmt(summary.loadAverage.max, 1)}`,
  )
  return { ...summary, ratio }
}

function summarize(slices: Slice[], side: Side) {
  const runs = slices.filter((m) => m.side === side)
  const requests = runs.reduce((s, m) => s + m.requests, 0)
  const seconds = runs.reduce((s, m) => s + m.seconds, 0)
  // weighted by requests: the mean over every request of every slice
  const weighted = (f: (m: Slice) => number) =>
    runs.reduce((s, m) => s + f(m) * m.requests, 0) / Math.max(1, requests)
  return {
    reqPerSec: requests / seconds,
    latencyMean: weighted((m) => m.latencyMean),
    latencyP99: weighted((m) => m.latencyP99),
    requests,
    seconds,
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
  const viewers: Viewer[] = [
    { label: 'anonymous', cookie: null },
    { label: 'signed in', cookie: newReaderCookie },
  ]
  await settle()
  const sameContent = await compareLoaderData(build, threads.q20.path)
  const statements = await measureStatements(build, threads, viewers)
  await settle()
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
  console.log(
    `Load: ${DURATION} s per page and connection count, in alternating ${SLICE} s slices, after ` +
      `${WARMUP} s warm-up each; ${os.cpus().length} CPUs shared by server and load generator`,
  )
  const perConnections = []
  for (const connections of CONNECTIONS)
    perConnections.push(await measureConnections(connections, { ours: oursUrl, reference: refUrl }))
  const viewsAfter = viewCount()

  console.log('\nThroughput: GET question page with 20 answers (anonymous) vs /bench/thread')
  console.log(
    table(
      [
        'connections',
        'page',
        'req/s',
        'mean ms',
        'p99 ms',
        'requests',
        'non-2xx',
        'ours/ref',
        'slice pairs',
      ],
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
          `${fmt(p.pairRatios.min * 100, 0)}–${fmt(p.pairRatios.max * 100, 0)} %`,
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
    `  reference loader data = our loader data (ids and view count aside): ${sameContent.same ? 'yes' : 'NO'}`,
  )
  if (sameContent.firstDifference) console.log(sameContent.firstDifference)

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

  console.log(
    `\nIn-process time per anonymous view (no network, no Express; ${profile.iterations} interleaved runs)`,
  )
  console.log(
    table(
      ['step', 'median ms', 'mean ms', 'min ms'],
      Object.entries(profile.steps).map(([k, v]) => [
        k,
        fmt(v.medianMs, 3),
        fmt(v.meanMs, 3),
        fmt(v.minMs, 3),
      ]),
    ),
  )
  const { oursDocument, referenceDocument } = profile.steps
  const docRatio = {
    median: referenceDocument.medianMs / oursDocument.medianMs,
    min: referenceDocument.minMs / oursDocument.minMs,
  }
  console.log(
    `  implied ours/reference throughput (document render, no HTTP): ` +
      `${fmt(docRatio.median * 100, 1)} % from medians, ${fmt(docRatio.min * 100, 1)} % from minimums`,
  )

  const failures = perConnections
    .flatMap((p) => p.slices)
    .filter((m) => m.non2xx > 0 || m.errors > 0)
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    settings: {
      durationSeconds: DURATION,
      sliceSeconds: SLICE,
      warmupSeconds: WARMUP,
      connections: CONNECTIONS,
    },
    urls: { ours: threads.q20.path, reference: '/bench/thread' },
    throughput: perConnections.map((p) => ({
      connections: p.connections,
      ours: roundAll(p.ours),
      reference: roundAll(p.reference),
      ratio: round(p.ratio, 4),
      pairRatios: roundAll(p.pairRatios),
      loadAverage: roundAll(p.loadAverage),
      targetMet: p.ratio >= TARGET_RATIO,
      slices: p.slices.map((m) => roundAll(m)),
    })),
    pageSize: {
      ours: { ...withoutHtml(sizes.ours), fixtureBodiesFound: bodiesInOurs },
      reference: { ...withoutHtml(sizes.reference), fixtureBodiesFound: bodiesInRef },
      targetMet: sizes.ours.bytes <= TARGET_PAGE_BYTES,
      referenceDataMatchesDb: sameContent,
    },
    sqlStatementsPerView: { ...statements, noNPlusOne },
    viewCounter: { before: viewsBefore, after: viewsAfter },
    inProcess: {
      ...profile,
      impliedRatio: { median: round(docRatio.median, 4), min: round(docRatio.min, 4) },
    },
  }
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`)
  console.log(`\nWrote ${path.relative(process.cwd(), RESULTS_FILE)}`)

  if (failures.length > 0)
    throw new Error(
      `non-2xx responses or connection errors: ${failures.map((f) => `${f.side} c=${f.connections} slice ${f.slice}: ${f.non2xx} non-2xx, ${f.errors} errors`).join('; ')}`,
    )
  if (!noNPlusOne) console.log('Note: the statement count grows with the number of answers.')
  if (!sameContent.same)
    throw new Error('the reference route no longer serves what the question page serves')
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
