/**
 * `npm run bench`: our pages against the reference, the framework's own minimal page (a
 * one-route Remix app in tests/bench/reference, see reference.ts), measured side by side.
 *
 * 1. The reference is built into tmp/bench/reference. A fresh database under tmp/bench/:
 *    migrated, demo community seeded, plus the bench thread (thread-data.ts: one question,
 *    20 answers by 20 people, votes, an accepted answer) and a one-answer thread, all written
 *    through the domain modules.
 * 2. SQL statements per page view, in-process, counted by tests/setup/statement-counter.ts:
 *    the route loader alone and the whole document request, anonymous and signed in, 1 vs 20
 *    answers (no N+1: the count must not grow). Then where the time of one anonymous view goes,
 *    beside the reference's loader and document in the same process.
 * 3. Our built server and the reference's server as child processes; autocannon at 1 and 10
 *    connections on the question page with 20 answers (anonymous, then signed in) and the home
 *    page, each in slices interleaved with the reference; page sizes plain and gzipped.
 *
 * Prints tables and writes tmp/bench/results.json. Targets are reported, not enforced; the
 * run fails on a non-2xx response, a connection error or a crash.
 *
 * Knobs (env): BENCH_PORT (3200; the reference listens on the next port), BENCH_DURATION
 * seconds of load per page, side and connection count (10), BENCH_SLICE seconds per
 * alternating slice (2), BENCH_WARMUP seconds (2).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { performance } from 'node:perf_hooks'
import type { ServerBuild } from '@remix-run/node'
import type { Role } from '../../db/schema'
import type { Actor } from '../../app/modules/policy/policy'
import { statementCounter } from '../setup/statement-counter'
import {
  buildReference,
  failedSlices,
  referenceServerBuildPath,
  sideBySide,
  startReference,
  stopReference,
  type Comparison,
  type Load,
} from './reference'
import * as benchThread from './thread-data'

const PORT = Number(process.env.BENCH_PORT ?? 3200)
const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2)
const SLICE = Number(process.env.BENCH_SLICE ?? 2)
const CONNECTIONS = [1, 10]
const ORIGIN = `http://127.0.0.1:${PORT}`
const DIR = path.resolve('tmp/bench')
const DB_FILE = path.join(DIR, 'bench.db')
const RESULTS_FILE = path.join(DIR, 'results.json')
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
} as const
Object.assign(process.env, serverEnv)

fs.rmSync(DIR, { recursive: true, force: true })
fs.mkdirSync(DIR, { recursive: true })

const { db, migrateDatabase, sqlite, write } = await import('../../app/utils/db.server')
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
const { renderMarkdown } = await import('../../app/utils/markdown.server')
const { createRequestHandler } = await import('@remix-run/node')

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
  const asker = insertUser(benchThread.BENCH_ASKER)
  const answerers = benchThread.BENCH_ANSWERERS.map(insertUser)
  const bodies = benchThread.benchAnswerBodies()
  const q = benchThread.BENCH_QUESTION

  try {
    // The bench thread, at fixed times so every run shows the same dates.
    setClock(benchThread.BENCH_ASKED_AT)
    const created = await createQuestion(asker, {
      title: q.title,
      body: q.body,
      category: q.category,
      tags: [...q.tags],
    })
    if (!created.ok) throw new Error(`bench question: ${JSON.stringify(created.fieldErrors)}`)
    const questionId = created.id
    const answerIds: number[] = []
    for (const [i, author] of answerers.entries()) {
      setClock(benchThread.benchAnsweredAt(i))
      answerIds.push(await createAnswer(author, questionId, bodies[i]))
    }
    for (const voter of answerers.slice(0, q.score)) castVote(voter, 'question', questionId, 1)
    answerIds.forEach((answerId, i) => {
      const voters = answerers.filter((_, k) => k !== i)
      for (const voter of voters.slice(0, benchThread.BENCH_ANSWER_SCORES[i]))
        castVote(voter, 'answer', answerId, 1)
    })
    setClock(benchThread.BENCH_ACCEPTED_AT)
    acceptAnswer(asker, answerIds[benchThread.BENCH_ACCEPTED_INDEX])
    write((tx) =>
      tx
        .update(schema.questions)
        .set({ viewCount: q.viewCount })
        .where(eq(schema.questions.id, questionId))
        .run(),
    )

    // The same question with a single answer, to show the statement count does not grow.
    setClock(benchThread.BENCH_ASKED_AT)
    const single = await createQuestion(asker, {
      title: `${q.title} (single answer)`,
      body: q.body,
      category: q.category,
      tags: [...q.tags],
    })
    if (!single.ok) throw new Error(`single question: ${JSON.stringify(single.fieldErrors)}`)
    // Its own answerer, so the 20 answerers' reputation comes from the bench thread alone.
    const soloist = insertUser({
      handle: 'bench-soloist',
      displayName: 'Sari Dewi',
      role: 'member',
    })
    setClock(benchThread.benchAnsweredAt(0))
    const singleAnswer = await createAnswer(soloist, single.id, bodies[0])
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
const REFERENCE_ROUTE = 'routes/_index'

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
  let last = statementCounter.count
  let quietSince = Date.now()
  while (Date.now() < deadline && Date.now() - quietSince < 1_000) {
    await new Promise((r) => setTimeout(r, 100))
    if (statementCounter.count !== last) {
      last = statementCounter.count
      quietSince = Date.now()
    }
  }
}

function counted<T>(fn: () => Promise<T>): Promise<{ value: T; statements: number }> {
  const before = statementCounter.count
  return fn().then((value) => ({ value, statements: statementCounter.count - before }))
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
  return rows
}

/**
 * Where the time of one anonymous page view goes, measured in this process (no network, no
 * Express), beside the reference's loader and document rendered by the reference build loaded
 * into this process. The steps run interleaved, one of each per iteration, so a burst of load
 * from elsewhere on the machine hits every step alike; medians are reported next to means.
 */
async function profileInProcess(
  build: ServerBuild,
  referenceBuild: ServerBuild,
  path20: string,
  questionId: number,
) {
  const handler = createRequestHandler(build, 'production')
  const referenceHandler = createRequestHandler(referenceBuild, 'production')
  const ours = build.routes[QUESTION_ROUTE]?.module.loader
  const ref = referenceBuild.routes[REFERENCE_ROUTE]?.module.loader
  if (!ours) throw new Error(`${QUESTION_ROUTE} has no loader in the build`)
  if (!ref) throw new Error(`${REFERENCE_ROUTE} has no loader in the reference build`)
  const anon: Client = { label: 'anonymous', cookie: null }
  const context = { cspNonce: 'bench', clientIp: '203.0.113.9' }
  const [id, slug] = path20.split('/').slice(2)
  const steps: Record<string, () => unknown> = {
    getQuestionPage: () => getQuestionPage(questionId, null, 'en'),
    oursLoader: () =>
      ours({ request: makeRequest(path20, anon), params: { questionId: id, slug }, context }),
    referenceLoader: () => ref({ request: makeRequest('/', anon), params: {}, context }),
    oursDocument: async () =>
      (await runInRequestScope(() => handler(makeRequest(path20, anon), context))).text(),
    referenceDocument: async () => (await referenceHandler(makeRequest('/', anon))).text(),
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

// ── 3. The real server ───────────────────────────────────────────────────────────────────

let server: ChildProcess | null = null
let serverOutput = ''

async function startServer() {
  const busy = await get(`${ORIGIN}/healthz`).then(
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
    const status = await get(`${ORIGIN}/healthz`).then(
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
function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      const req = http.get(
        url,
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

async function pageSize(url: string) {
  const plain = await get(url, { Accept: 'text/html' })
  const gzip = await get(url, { Accept: 'text/html', 'Accept-Encoding': 'gzip' })
  for (const r of [plain, gzip])
    if (r.status !== 200) throw new Error(`GET ${url} answered ${r.status}`)
  if (gzip.headers['content-encoding'] !== 'gzip')
    throw new Error(`GET ${url} was not gzipped with Accept-Encoding: gzip`)
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

const loadHeaders = { 'User-Agent': USER_AGENT, Accept: 'text/html' }

type PageLoad = { key: string; label: string; ours: Load }

/** One page of ours against the reference at one connection count, in interleaved slices. */
async function measurePage(page: PageLoad, reference: Load, connections: number) {
  const c = await sideBySide({ ours: page.ours, reference }, connections, {
    durationSeconds: DURATION,
    sliceSeconds: SLICE,
    warmupSeconds: WARMUP,
  })
  const pairs = c.slices.length / 2
  console.log(
    `  ${page.label}, c=${connections}: ours ${fmt(c.ours.reqPerSec, 1)} req/s, reference ` +
      `${fmt(c.reference.reqPerSec, 1)} req/s (${fmt(c.ratio * 100, 1)} %); ${pairs} slice pairs, ` +
      `pair ratios ${fmt(c.pairRatios.min * 100, 0)}–${fmt(c.pairRatios.max * 100, 0)} %; ` +
      `load avg ${fmt(c.loadAverage.min, 1)}–${fmt(c.loadAverage.max, 1)}`,
  )
  return { page: page.key, label: page.label, ...c }
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
  const built = buildReference()
  console.log(
    `Reference (one-route Remix app) built into ${path.relative(process.cwd(), referenceServerBuildPath())} in ${fmt(built.ms)} ms`,
  )
  console.log(`Bench database: ${path.relative(process.cwd(), DB_FILE)}`)
  const t0 = performance.now()
  const threads = await seedBenchThreads()
  console.log(`Seeded demo community and bench threads in ${fmt(performance.now() - t0)} ms`)

  const build = (await import(pathToFileURL(path.resolve('build/index.js')).href)) as ServerBuild
  const referenceBuild = (await import(
    pathToFileURL(referenceServerBuildPath()).href
  )) as ServerBuild
  const viewers: Viewer[] = [
    { label: 'anonymous', cookie: null },
    { label: 'signed in', cookie: newReaderCookie },
  ]
  await settle()
  const statements = await measureStatements(build, threads, viewers)
  await settle()
  const profile = await profileInProcess(build, referenceBuild, threads.q20.path, threads.q20.id)

  const viewCount = () =>
    db
      .select({ n: schema.questions.viewCount })
      .from(schema.questions)
      .where(eq(schema.questions.id, threads.q20.id))
      .get()?.n ?? 0

  await startServer()
  console.log(`Server up on ${ORIGIN} (pid ${server?.pid})`)
  const ref = await startReference(PORT + 1)
  console.log(`Reference up on ${ref.origin} (pid ${ref.pid})`)
  const oursUrl = `${ORIGIN}${threads.q20.path}`
  const homeUrl = `${ORIGIN}/`

  const sizes = {
    question: await pageSize(oursUrl),
    home: await pageSize(homeUrl),
    reference: await pageSize(ref.url),
  }
  const answerBodies = benchThread.benchAnswerBodies().map((md) => renderMarkdown(md))
  const bodiesShown = answerBodies.filter((b) => sizes.question.html.includes(b)).length

  // One reader signed in for the whole load: a session as a browser keeps it.
  const readerCookie = await newReaderCookie()
  const pages: PageLoad[] = [
    {
      key: 'question-anonymous',
      label: 'question page (20 answers), anonymous',
      ours: { url: oursUrl, headers: loadHeaders },
    },
    {
      key: 'question-signed-in',
      label: 'question page (20 answers), signed in',
      ours: { url: oursUrl, headers: { ...loadHeaders, Cookie: readerCookie } },
    },
    { key: 'home', label: 'home page, anonymous', ours: { url: homeUrl, headers: loadHeaders } },
  ]
  const referenceLoad: Load = { url: ref.url, headers: loadHeaders }

  const viewsBefore = viewCount()
  console.log(
    `Load: ${DURATION} s per page, side and connection count, in alternating ${SLICE} s slices, ` +
      `after ${WARMUP} s warm-up each; ${os.cpus().length} CPUs shared by both servers and the load generator`,
  )
  const measured: (Comparison & { page: string; label: string })[] = []
  for (const page of pages)
    for (const connections of CONNECTIONS)
      measured.push(await measurePage(page, referenceLoad, connections))
  const viewsAfter = viewCount()
  const questionRequests = measured
    .filter((m) => m.page.startsWith('question'))
    .reduce((s, m) => s + m.ours.requests, 0)

  console.log(`\nThroughput against the reference (one-route Remix app, ${ref.url})`)
  console.log(
    table(
      [
        'page',
        'conn.',
        'side',
        'req/s',
        'mean ms',
        'p50 ms',
        'p99 ms',
        'requests',
        'non-2xx',
        'ours/ref',
        'slice pairs',
      ],
      measured.flatMap((m) => [
        [
          m.label,
          m.connections,
          'ours',
          fmt(m.ours.reqPerSec, 1),
          fmt(m.ours.latencyMean, 2),
          fmt(m.ours.latencyP50, 2),
          fmt(m.ours.latencyP99, 2),
          m.ours.requests,
          m.ours.non2xx,
          `${fmt(m.ratio * 100, 1)} %`,
          `${fmt(m.pairRatios.min * 100, 0)}–${fmt(m.pairRatios.max * 100, 0)} %`,
        ],
        [
          '',
          '',
          'reference',
          fmt(m.reference.reqPerSec, 1),
          fmt(m.reference.latencyMean, 2),
          fmt(m.reference.latencyP50, 2),
          fmt(m.reference.latencyP99, 2),
          m.reference.requests,
          m.reference.non2xx,
          '',
          '',
        ],
      ]),
    ),
  )
  console.log("  p50 and p99 are per-slice percentiles weighted by the slices' request counts")

  console.log('\nPage size (HTML document)')
  console.log(
    table(
      ['page', 'bytes', 'KB', 'gzip bytes', 'hydration data bytes', 'answers'],
      (
        [
          ['question page (20 answers)', sizes.question],
          ['home page', sizes.home],
          ['reference', sizes.reference],
        ] as const
      ).map(([label, size]) => [
        label,
        size.bytes,
        fmt(size.bytes / 1024, 1),
        size.gzipBytes,
        size.hydrationDataBytes,
        size.answersRendered,
      ]),
    ),
  )
  console.log(
    `  target ≤ 100 KB for 20 posts: ${sizes.question.bytes <= TARGET_PAGE_BYTES ? 'met' : 'NOT met'}`,
  )
  console.log(`  bench answer bodies found on the question page: ${bodiesShown}/20`)

  console.log(
    '\nSQL statements per page view (in-process; first view records the view, repeat is deduplicated)',
  )
  console.log(
    table(
      ['viewer', 'answers', 'scope', 'first view', 'repeat view'],
      statements.map((r) => [r.viewer, r.answers, r.scope, r.firstView, r.repeatView]),
    ),
  )
  const noNPlusOne = viewers.every((v) =>
    (['route loader', 'whole request'] as const).every((scope) => {
      const pick = (n: number) =>
        statements.find((r) => r.viewer === v.label && r.answers === n && r.scope === scope)
      return (
        pick(1)?.repeatView === pick(20)?.repeatView && pick(1)?.firstView === pick(20)?.firstView
      )
    }),
  )
  console.log(`  same count for 1 and 20 answers (no N+1): ${noNPlusOne ? 'yes' : 'NO'}`)
  console.log(
    `  view counter during the load test: ${viewsBefore} → ${viewsAfter} (${viewsAfter - viewsBefore} write(s) for ${questionRequests} measured requests)`,
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

  const failures = measured.flatMap((m) => failedSlices(m.label, m))
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
    urls: { question: threads.q20.path, home: '/', reference: ref.url },
    throughput: measured.map((m) => ({
      page: m.page,
      connections: m.connections,
      ours: roundAll(m.ours),
      reference: roundAll(m.reference),
      ratio: round(m.ratio, 4),
      pairRatios: roundAll(m.pairRatios),
      loadAverage: roundAll(m.loadAverage),
      slices: m.slices.map((x) => roundAll(x)),
    })),
    pageSize: {
      question: { ...withoutHtml(sizes.question), answerBodiesFound: bodiesShown },
      home: withoutHtml(sizes.home),
      reference: withoutHtml(sizes.reference),
      targetMet: sizes.question.bytes <= TARGET_PAGE_BYTES,
    },
    sqlStatementsPerView: { rows: statements, noNPlusOne },
    viewCounter: { before: viewsBefore, after: viewsAfter },
    inProcess: {
      ...profile,
      impliedRatio: { median: round(docRatio.median, 4), min: round(docRatio.min, 4) },
    },
  }
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`)
  console.log(`\nWrote ${path.relative(process.cwd(), RESULTS_FILE)}`)

  if (failures.length > 0)
    throw new Error(`non-2xx responses or connection errors: ${failures.join('; ')}`)
  if (bodiesShown !== benchThread.BENCH_ANSWER_COUNT)
    throw new Error(`the question page showed ${bodiesShown} of the 20 answer bodies`)
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
    void Promise.all([stopServer(), stopReference()]).finally(() => process.exit(130))
  })

try {
  await main()
} catch (error) {
  console.error('\nBenchmark failed:', error)
  process.exitCode = 1
} finally {
  await stopServer()
  await stopReference()
  sqlite.close()
}
