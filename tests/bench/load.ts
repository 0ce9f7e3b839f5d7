/**
 * `npm run bench:load`: the site under a crowd, on this machine's cores.
 *
 * 1. A fresh database under tmp/bench-load/: migrated, demo community seeded, then a few
 *    hundred more threads (load-data.ts: questions with 0–6 answers, votes, accepted answers,
 *    spread over two months) by forty more members, and the writers' accounts with sessions
 *    made beforehand, all through the domain modules.
 * 2. The built server (`node build/server.js`, NODE_ENV=production) as a child process on that
 *    file, behind a pretend proxy (TRUST_PROXY=loopback) so that each simulated person has an
 *    address of their own (views are counted per visitor, as for real people).
 * 3. After a warm-up, the server CPU one request of each kind costs, one at a time (no
 *    queueing): its main thread, where all of a request's JavaScript runs, bounds throughput.
 * 4. A crowd of LOAD_USERS people (load-traffic.ts: readers, searchers and a few writers who
 *    post through the real forms), paced at LOAD_RATE requests per second for LOAD_SECONDS.
 *    Then the breaking point: the same crowd reading faster, one bounded step per rate in
 *    LOAD_STEPS, until p95 passes 1 s or errors appear.
 * 5. Beside the load, every second: the server's CPU (the whole process, its main thread and
 *    its other threads), its RSS, the load generator's own CPU (it shares the cores), the CPU
 *    of everything else on the machine and the load average; every 250 ms a /healthz request
 *    on a connection of its own, whose time shows how long a request waits for the event loop.
 * 6. A CPU profile of the server (`node --cpu-prof`) under the target load, in a run of its
 *    own (the profiler slows what it watches), summarised by where the main thread's time
 *    goes.
 *
 * Prints tables and writes tmp/bench-load/results.json. Figures, not pass/fail: the run exits
 * non-zero on a crash or when the server stops answering.
 *
 * Knobs (env): LOAD_PORT (3400), LOAD_USERS (500), LOAD_RATE (100 requests/s), LOAD_SECONDS
 * (60), LOAD_WARMUP_SECONDS (10), LOAD_STEPS (comma-separated rates; empty: no steps; default
 * 50,75,100,125,150,175,200,250,300,400,600), LOAD_STEP_SECONDS (20), LOAD_QUESTIONS (300 more
 * threads), LOAD_PROFILE_SECONDS (20; 0: no profile), LOAD_SERVER_ARGS (node options for the
 * server, e.g. --trace-gc; what it prints goes to tmp/bench-load/server.log),
 * LOAD_ACCEPT_ENCODING (the crowd's, `gzip, deflate, br` as browsers send; `identity` or `gzip`
 * to measure what compressing costs).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Role } from '../../db/schema'
import type { Actor } from '../../app/modules/policy/policy'
import { pick, rng, threadSpecs, searchQueries } from './load-data'
import { drive, KINDS, type Crowd, type Kind, type RunResult, type Site } from './load-traffic'
import { DEFAULT_SOLVED_CLOSE_DAYS } from '../../app/modules/surveys/validation'

const num = (name: string, fallback: number) => {
  const raw = process.env[name]
  const n = raw === undefined || raw === '' ? fallback : Number(raw)
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number, got ${raw}`)
  return n
}
const PORT = num('LOAD_PORT', 3400)
const USERS = num('LOAD_USERS', 500)
const RATE = num('LOAD_RATE', 100)
const SECONDS = num('LOAD_SECONDS', 60)
const WARMUP = num('LOAD_WARMUP_SECONDS', 10)
const STEP_SECONDS = num('LOAD_STEP_SECONDS', 20)
const QUESTIONS = num('LOAD_QUESTIONS', 300)
const PROFILE_SECONDS = num('LOAD_PROFILE_SECONDS', 20)
const STEPS = (process.env.LOAD_STEPS ?? '50,75,100,125,150,175,200,250,300,400,600')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean)
  .map(Number)
if (STEPS.some((s) => !(s > 0))) throw new Error('LOAD_STEPS lists rates above 0, e.g. 100,200')

/** p95 past this is the breaking point. */
const BREAK_P95_MS = 1000
const TARGET = { p95Ms: 100 }
const ORIGIN = `http://127.0.0.1:${PORT}`
const DIR = path.resolve('tmp/bench-load')
const DB_FILE = path.join(DIR, 'load.db')
const PROFILE_DIR = path.join(DIR, 'profile')
const RESULTS_FILE = path.join(DIR, 'results.json')
const SERVER_LOG = path.join(DIR, 'server.log')
/** What the crowd accepts: a browser's list, or `identity`/`gzip` to see what br costs. */
const ACCEPT_ENCODING = process.env.LOAD_ACCEPT_ENCODING || 'gzip, deflate, br'
/** Extra node options for the server, e.g. `--trace-gc`. */
const SERVER_ARGS = (process.env.LOAD_SERVER_ARGS ?? '').split(' ').filter(Boolean)
const CPUS = os.cpus().length

/** Who the crowd is: mostly readers, a third searching, a few writing. */
function crowdOf(users: number): Crowd {
  const writers = Math.max(1, Math.round(users * 0.03))
  const searchers = Math.round(users * 0.34)
  return { readers: users - writers - searchers, searchers, writers }
}

// ── Environment first: every app module reads it (and opens the DB) when first imported. ──
const serverEnv = {
  NODE_ENV: 'production',
  PORT: String(PORT),
  DATABASE_PATH: DB_FILE,
  BASE_URL: ORIGIN,
  SEED_DEMO: 'false',
  LOG_REQUESTS: 'false',
  // The load's people come "through a proxy" on loopback, each with its own address.
  TRUST_PROXY: 'loopback',
} as const
Object.assign(process.env, serverEnv)

fs.rmSync(DIR, { recursive: true, force: true })
fs.mkdirSync(DIR, { recursive: true })

const { migrateDatabase, sqlite, write } = await import('../../app/utils/db.server')
const { seedDemoIfEmpty } = await import('../../db/seed')
const schema = await import('../../db/schema')
const { createQuestion } = await import('../../app/modules/questions/questions.server')
const { acceptAnswer, createAnswer } = await import('../../app/modules/answers/answers.server')
const { castVote } = await import('../../app/modules/votes/votes.server')
const { createSessionCookie, hashPassword } = await import('../../app/modules/auth/auth.server')
const { resetClock, setClock } = await import('../../app/utils/clock.server')
const { slugify } = await import('../../app/utils/slug')

// ── 1. Data ──────────────────────────────────────────────────────────────────────────────

const FIRST = ['Adi', 'Bayu', 'Dian', 'Fitri', 'Galih', 'Indah', 'Joko', 'Kartika', 'Lestari']
const LAST = ['Santoso', 'Wijaya', 'Pratama', 'Siregar', 'Nasution', 'Hidayat', 'Kusuma']

async function seed(crowd: Crowd) {
  migrateDatabase()
  await seedDemoIfEmpty()
  const hash = await hashPassword('load-bench-password-not-for-login')
  const r = rng(11)
  const insertUser = (handle: string, role: Role): Actor =>
    write((tx) => {
      const u = tx
        .insert(schema.users)
        .values({
          handle,
          role,
          displayName: `${pick(FIRST, r)} ${pick(LAST, r)}`,
          email: `${handle}@example.test`,
          // an established community: past the new-account limits and first-post holding
          // (a writer posts every few seconds, which a new account may not)
          trustLevel: 2,
        })
        .returning()
        .get()
      tx.insert(schema.passwords).values({ userId: u.id, hash }).run()
      return { id: u.id, role: u.role, reputation: u.reputation }
    })
  const members = Array.from({ length: 40 }, (_, i) =>
    insertUser(`member${i + 1}`, i < 5 ? 'helper' : 'member'),
  )
  const specs = threadSpecs(QUESTIONS)
  const spanMs = 60 * 24 * 3600_000
  const start = Date.now() - spanMs
  try {
    for (const [i, spec] of specs.entries()) {
      const asker = members[i % members.length]
      const others = members.filter((m) => m.id !== asker.id)
      const askedAt = start + (i / specs.length) * (spanMs - 3 * 24 * 3600_000)
      setClock(new Date(askedAt))
      const q = await createQuestion(asker, {
        title: spec.title,
        body: spec.body,
        category: spec.category,
        tags: spec.tags,
      })
      if (!q.ok) throw new Error(`seeding "${spec.title}": ${JSON.stringify(q.fieldErrors)}`)
      for (const voter of others.slice(0, spec.questionUpvotes))
        castVote(voter, 'question', q.id, 1)
      const answerIds: number[] = []
      for (const [k, a] of spec.answers.entries()) {
        setClock(new Date(askedAt + (k + 1) * 3 * 3600_000))
        const author = others[(i * 7 + k * 3) % others.length]
        const id = await createAnswer(author, q.id, a.body)
        answerIds.push(id)
        for (const voter of others.filter((m) => m.id !== author.id).slice(k, k + a.upvotes))
          castVote(voter, 'answer', id, 1)
      }
      if (spec.accepted !== null) acceptAnswer(asker, answerIds[spec.accepted])
    }
  } finally {
    resetClock()
  }
  const writerCookies = Array.from(
    { length: crowd.writers },
    (_, i) => createSessionCookie(insertUser(`writer${i + 1}`, 'member').id).split(';')[0],
  )
  return { writerCookies }
}

/** What the crowd picks from, read back from the database. */
function readSite(writerCookies: string[]): Site {
  type Q = { id: number; title: string; authorId: number; closed: number; views: number }
  const questions = sqlite
    .prepare(
      // Closed to answers: closed, locked, or solved longer ago than the demo's setting allows.
      `select id, title, author_id as authorId, view_count as views,
              (closed_at is not null or locked_at is not null
                or (status = 'solved' and solved_at < ?)) as closed
         from questions where hidden_at is null and deleted_at is null`,
    )
    .all(Date.now() - DEFAULT_SOLVED_CLOSE_DAYS * 86_400_000) as Q[]
  const answers = sqlite
    .prepare(
      `select id, question_id as questionId from answers where hidden_at is null and deleted_at is null`,
    )
    .all() as { id: number; questionId: number }[]
  const byQuestion = new Map<number, number[]>()
  for (const a of answers)
    byQuestion.set(a.questionId, [...(byQuestion.get(a.questionId) ?? []), a.id])
  // Popularity in a fixed shuffled order, so that the most viewed are not simply the oldest.
  const r = rng(5)
  const shuffled = questions
    .map((q) => ({ q, k: r() }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.q)
  const names = (query: string) => (sqlite.prepare(query).all() as { v: string }[]).map((x) => x.v)
  return {
    origin: ORIGIN,
    questions: shuffled.map((q) => ({
      path: `/questions/${q.id}/${slugify(q.title)}`,
      answerable: !q.closed,
      // Writers never authored these (they post only during the run), so they may vote on all.
      votes: [
        { postType: 'question' as const, postId: q.id },
        ...(byQuestion.get(q.id) ?? []).map((id) => ({ postType: 'answer' as const, postId: id })),
      ],
    })),
    categories: names('select slug as v from categories order by position'),
    tags: names('select name as v from tags order by id'),
    kbSlugs: names(`select slug as v from kb_articles where status = 'published'`),
    handles: names('select handle as v from users where deleted_at is null order by id limit 60'),
    queries: searchQueries(),
    writerCookies,
  }
}

// ── 2. The server ────────────────────────────────────────────────────────────────────────

let server: ChildProcess | null = null
let serverOutput = ''
/** What the bench is doing, to say when the server died. */
let activity = 'its start'
let serverExit: string | null = null

/** Stops the bench when the server has died, with what it printed last. */
function checkServer() {
  if (serverExit) throw new Error(`${serverExit}; its last output:\n${serverOutput.slice(-4000)}`)
}

async function startServer(nodeArgs: string[] = []) {
  if (await probeOnce(2_000).then((p) => p.ok))
    throw new Error(`something already listens on ${ORIGIN}; set LOAD_PORT`)
  const child = spawn(process.execPath, [...SERVER_ARGS, ...nodeArgs, 'build/server.js'], {
    env: { ...process.env, ...serverEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  server = child
  serverOutput = ''
  child.once('exit', (code, signal) => {
    if (server === child)
      serverExit = `the server exited (${signal ?? `code ${code}`}) during ${activity}`
  })
  // Everything it prints goes to a log beside the results (with LOAD_SERVER_ARGS=--trace-gc,
  // a line per garbage collection); the tail is kept to show when it dies.
  const log = fs.createWriteStream(SERVER_LOG, { flags: 'a' })
  const output = (d: Buffer) => {
    log.write(d)
    serverOutput = (serverOutput + d.toString()).slice(-20_000)
  }
  child.stdout?.on('data', output)
  child.stderr?.on('data', output)
  child.once('close', () => log.end())
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${serverOutput}`)
    if ((await probeOnce(2_000)).ok) return child.pid!
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`server did not answer /healthz within 30 s:\n${serverOutput}`)
}

/** SIGTERM (the server closes and exits, writing its profile if asked to), then SIGKILL. */
async function stopServer(graceMs = 5_000) {
  const child = server
  server = null
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name)
    } catch {
      // the group is already gone
    }
  }
  signal('SIGTERM')
  const timer = setTimeout(() => signal('SIGKILL'), graceMs)
  await exited
  clearTimeout(timer)
}

type Probe = { at: number; ms: number; ok: boolean }

/** One /healthz on a connection of its own (no keep-alive), timed. */
function probeOnce(timeoutMs: number): Promise<Probe> {
  const start = performance.now()
  return new Promise((resolve) => {
    const done = (ok: boolean) =>
      resolve({ at: performance.now() / 1000, ms: performance.now() - start, ok })
    const req = http.get(`${ORIGIN}/healthz`, { agent: false, timeout: timeoutMs }, (res) => {
      res.resume()
      res.on('end', () => done(res.statusCode === 200))
      res.on('error', () => done(false))
    })
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', () => done(false))
  })
}

// ── 3. Watching: CPU, memory, event loop ─────────────────────────────────────────────────

const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100

/** utime + stime of a /proc stat file, in seconds. */
function cpuSeconds(file: string) {
  const stat = fs.readFileSync(file, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK
}

function rssMb(pid: number) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return kb / 1024
}

/** Busy and total jiffies of the whole machine (every core, every process). */
function machineTicks() {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]
  const v = line.trim().split(/\s+/).slice(1).map(Number)
  const idle = v[3] + (v[4] ?? 0)
  const total = v.reduce((a, b) => a + b, 0)
  return { busy: total - idle, total }
}

/** CPU seconds of the server's threads by name (main thread: `main`; V8's GC helpers, libuv's pool…). */
function threadCpu(pid: number) {
  const out: Record<string, number> = {}
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const name =
        tid === String(pid)
          ? 'main'
          : fs.readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim()
      out[name] = (out[name] ?? 0) + cpuSeconds(`/proc/${pid}/task/${tid}/stat`)
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return out
}

type Tick = {
  at: number
  serverCpu: number
  threads: Record<string, number>
  mainThreadCpu: number
  generatorCpu: number
  machineBusy: number
  machineTotal: number
  rssMb: number
  load1: number
}

class Watcher {
  ticks: Tick[] = []
  probes: Probe[] = []
  private timers: NodeJS.Timeout[] = []
  private probing = false
  private failingSince: number | null = null
  stopped: string | null = null

  constructor(private pid: number) {}

  tick(): Tick {
    const cpu = process.cpuUsage()
    const machine = machineTicks()
    return {
      at: performance.now() / 1000,
      serverCpu: cpuSeconds(`/proc/${this.pid}/stat`),
      threads: threadCpu(this.pid),
      mainThreadCpu: cpuSeconds(`/proc/${this.pid}/task/${this.pid}/stat`),
      generatorCpu: (cpu.user + cpu.system) / 1e6,
      machineBusy: machine.busy,
      machineTotal: machine.total,
      rssMb: rssMb(this.pid),
      load1: os.loadavg()[0],
    }
  }

  start() {
    this.ticks.push(this.tick())
    this.timers.push(
      setInterval(() => {
        try {
          this.ticks.push(this.tick())
        } catch {
          this.stopped ??= 'the server process is gone'
        }
      }, 1_000),
      setInterval(() => void this.probe(), 250),
    )
  }

  private async probe() {
    if (this.probing) return
    this.probing = true
    const p = await probeOnce(10_000)
    this.probing = false
    this.probes.push(p)
    if (p.ok) this.failingSince = null
    else {
      this.failingSince ??= p.at
      if (p.at - this.failingSince > 15) this.stopped ??= 'the server stopped answering /healthz'
    }
  }

  stop() {
    for (const t of this.timers) clearInterval(t)
    this.timers = []
  }

  /** What happened between two moments (seconds on performance.now()'s clock). */
  window(from: number, to: number) {
    const ticks = this.ticks.filter((t) => t.at >= from - 0.5 && t.at <= to + 0.5)
    const probes = this.probes.filter((p) => p.at >= from && p.at <= to)
    if (ticks.length < 2) throw new Error('too few samples in a window')
    const a = ticks[0]
    const b = ticks[ticks.length - 1]
    const dt = b.at - a.at
    const probeMs = probes.filter((p) => p.ok).map((p) => p.ms)
    return {
      seconds: dt,
      serverCores: (b.serverCpu - a.serverCpu) / dt,
      mainThreadCores: (b.mainThreadCpu - a.mainThreadCpu) / dt,
      // Threads that ended inside the window are missing from its last sample: a lower bound.
      threadCores: Object.fromEntries(
        Object.entries(b.threads)
          .map(([name, sec]) => [name, (sec - (a.threads[name] ?? 0)) / dt] as const)
          .filter(([, cores]) => cores >= 0.005)
          .sort((x, y) => y[1] - x[1]),
      ),
      generatorCores: (b.generatorCpu - a.generatorCpu) / dt,
      machineCores: ((b.machineBusy - a.machineBusy) / (b.machineTotal - a.machineTotal)) * CPUS,
      // Everything else on the machine (other people's tests, the system): it competes too.
      otherCores: Math.max(
        0,
        ((b.machineBusy - a.machineBusy) / (b.machineTotal - a.machineTotal)) * CPUS -
          (b.serverCpu - a.serverCpu) / dt -
          (b.generatorCpu - a.generatorCpu) / dt,
      ),
      rssMb: {
        start: a.rssMb,
        max: Math.max(...ticks.map((t) => t.rssMb)),
        end: b.rssMb,
      },
      loadAverage: { start: a.load1, end: b.load1, max: Math.max(...ticks.map((t) => t.load1)) },
      healthz: {
        probes: probes.length,
        failed: probes.length - probeMs.length,
        ...percentiles(probeMs),
      },
      rssSeries: ticks.map((t) => round(t.rssMb, 1)),
    }
  }
}

// ── 4. Figures ───────────────────────────────────────────────────────────────────────────

function percentiles(xs: number[]) {
  if (xs.length === 0) return { p50: NaN, p95: NaN, p99: NaN, max: NaN }
  const s = [...xs].sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s[s.length - 1] }
}

function figures(run: RunResult, offered: number) {
  const byStatus: Record<string, number> = {}
  for (const s of run.samples) byStatus[s.status] = (byStatus[s.status] ?? 0) + 1
  const failed = run.samples.filter((s) => s.status >= 400 || s.problem)
  const problems: Record<string, number> = {}
  for (const s of failed) {
    const key = `${s.kind} ${s.page}: ${s.status}${s.problem ? ` (${s.problem})` : ''}`
    problems[key] = (problems[key] ?? 0) + 1
  }
  const connectionErrors = Object.values(run.errors).reduce((a, b) => a + b, 0)
  const latency = (samples: typeof run.samples) => ({
    requests: samples.length,
    ...percentiles(samples.map((s) => s.ms)),
  })
  const perKind = Object.fromEntries(
    KINDS.map((k) => [k, latency(run.samples.filter((s) => s.kind === k))]),
  ) as Record<Kind, ReturnType<typeof latency>>
  const pages = [...new Set(run.samples.map((s) => `${s.kind} · ${s.page}`))].sort()
  const perPage = Object.fromEntries(
    pages.map((p) => [p, latency(run.samples.filter((s) => `${s.kind} · ${s.page}` === p))]),
  )
  const searches = run.samples.filter((s) => s.kind === 'search')
  const cacheHits = searches.filter((s) => s.cache === 'hit').length
  // Per page, the share of answers the page cache gave (signed-out pages only).
  const pageCacheHits = Object.fromEntries(
    pages.map((p) => {
      const asked = run.samples.filter((s) => `${s.kind} · ${s.page}` === p)
      return [p, asked.filter((s) => s.cache === 'hit').length / asked.length]
    }),
  )
  return {
    offeredPerSec: offered,
    achievedPerSec: run.samples.length / run.seconds,
    requests: run.samples.length,
    byStatus,
    failed: failed.length,
    problems,
    connectionErrors,
    errors: run.errors,
    overall: latency(run.samples),
    perKind,
    perPage,
    searchPageCacheHits: searches.length ? cacheHits / searches.length : 0,
    pageCacheHits,
    lateSends: run.sends ? run.late / run.sends : 0,
    lateMsMean: run.late ? run.lateMsTotal / run.late : 0,
    postsPerSec: run.samples.filter((s) => s.kind === 'post').length / run.seconds,
  }
}

/**
 * Rows the server wrote, read on our own connection (WAL: committed rows are visible to it).
 * Each counts one transaction: a view counted, a search logged, an ask visit started, a
 * domain event (a post, a vote, an acceptance…).
 */
function writeCounts() {
  const one = (q: string) => (sqlite.prepare(q).get() as { n: number | null }).n ?? 0
  return {
    views: one('select sum(view_count) as n from questions'),
    searches: one('select count(*) as n from search_events'),
    askVisits: one('select count(*) as n from ask_visits'),
    events: one('select count(*) as n from events'),
  }
}

/**
 * Posts the writers made, and how many of them were stored as plain text: the server cooks
 * markdown in a worker within a time budget and keeps the post as `<pre>` text when the
 * budget runs out (app/utils/markdown.server.ts), so under load this is a loss to count.
 */
function postCounts() {
  const one = (q: string) => (sqlite.prepare(q).get() as { n: number | null }).n ?? 0
  const plain = `body_html like '<pre>%' and body_html not like '<pre><code%'`
  return {
    answers: one(`select count(*) as n from answers where body_md like '%(load answer %'`),
    answersPlain: one(
      `select count(*) as n from answers where body_md like '%(load answer %' and ${plain}`,
    ),
    questions: one(`select count(*) as n from questions where title like '%(load question %'`),
    questionsPlain: one(
      `select count(*) as n from questions where title like '%(load question %' and ${plain}`,
    ),
  }
}

/** /healthz's time at rest; beyond it, a probe's time is waiting behind other requests. */
let restHealthzMs = NaN

type Phase = {
  name: string
  rate: number
  users: number
  run: ReturnType<typeof figures>
  machine: ReturnType<Watcher['window']>
  /** Write transactions per second, by what wrote them. */
  writesPerSec: ReturnType<typeof writeCounts>
  /** Posts made in the phase, and those stored as plain text. */
  posts: ReturnType<typeof postCounts>
}

async function phase(
  watcher: Watcher,
  name: string,
  site: Site,
  rate: number,
  seconds: number,
  seed: number,
): Promise<Phase> {
  activity = `${name} (${rate} req/s)`
  const before = writeCounts()
  const postsBefore = postCounts()
  const from = performance.now() / 1000
  const result = await drive({
    site,
    crowd: crowdOf(USERS),
    rate,
    seconds,
    seed,
    acceptEncoding: ACCEPT_ENCODING,
  })
  const to = performance.now() / 1000
  checkServer()
  if (watcher.stopped) throw new Error(watcher.stopped)
  const after = writeCounts()
  const postsAfter = postCounts()
  const perSec = (k: keyof typeof before) => (after[k] - before[k]) / result.seconds
  return {
    name,
    rate,
    users: USERS,
    run: figures(result, rate),
    machine: watcher.window(from, to),
    writesPerSec: {
      views: perSec('views'),
      searches: perSec('searches'),
      askVisits: perSec('askVisits'),
      events: perSec('events'),
    },
    posts: {
      answers: postsAfter.answers - postsBefore.answers,
      answersPlain: postsAfter.answersPlain - postsBefore.answersPlain,
      questions: postsAfter.questions - postsBefore.questions,
      questionsPlain: postsAfter.questionsPlain - postsBefore.questionsPlain,
    },
  }
}

// ── Cost per request ─────────────────────────────────────────────────────────────────────

type Cost = {
  page: string
  requests: number
  /** Server CPU per request: its main thread, and all its other threads together. */
  mainMs: number
  otherMs: number
  wallP50Ms: number
  bytes: number
}

/**
 * What one request of each kind costs the server, one request at a time on one keep-alive
 * connection (so no queueing): CPU of the main thread and of the other threads per request,
 * from /proc, over `n` requests after a few to warm up. CPU time, unlike latency, hardly
 * depends on what else runs on the machine, and the main thread's share bounds throughput:
 * JavaScript runs on that one thread, so 1000 / (main ms) is the most requests per second.
 */
async function measureCosts(pid: number, site: Site, n = 100): Promise<Cost[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  const browser = {
    'User-Agent':
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
    Accept: 'text/html',
    'Accept-Encoding': 'gzip, deflate, br',
    // One visitor throughout: their views are counted once, so no request here writes a view.
    'X-Forwarded-For': '198.19.0.1',
  }
  const fetchOne = (url: string, headers: Record<string, string>) =>
    new Promise<{ status: number; bytes: number; ms: number }>((resolve, reject) => {
      const start = performance.now()
      const req = http.get(`${ORIGIN}${url}`, { agent, headers }, (res) => {
        let bytes = 0
        res.on('data', (c: Buffer) => (bytes += c.length))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, bytes, ms: performance.now() - start }),
        )
        res.on('error', reject)
      })
      req.on('error', reject)
    })
  const popular = site.questions.slice(0, 10).map((q) => q.path)
  const cookie = site.writerCookies[0]
  // Any cookie keeps a request away from the page cache: a signed-out page, rendered.
  const rendered = { ...browser, Cookie: 'bench=rendered' }
  const publicPages: [string, (i: number) => string][] = [
    ['home', () => '/'],
    ['question list', () => '/questions'],
    [
      'question list, filtered',
      (i) => `/questions?category=${site.categories[i % site.categories.length]}&sort=votes`,
    ],
    ['question page', (i) => popular[i % popular.length]],
    ['KB home', () => '/kb'],
    ['KB article', (i) => `/kb/${site.kbSlugs[i % site.kbSlugs.length]}`],
    ['tags', () => '/tags'],
    ['profile', (i) => `/users/${site.handles[i % site.handles.length]}`],
  ]
  const kinds: [string, (i: number) => string, Record<string, string>][] = [
    ...publicPages.flatMap(([page, url]): typeof kinds => [
      [`${page}, rendered`, url, rendered],
      [`${page}, from the page cache`, url, browser],
    ]),
    // The same pages without compression: what compressing them costs the server.
    ['home, rendered, not compressed', () => '/', { ...rendered, 'Accept-Encoding': 'identity' }],
    [
      'question page, rendered, not compressed',
      (i) => popular[i % popular.length],
      { ...rendered, 'Accept-Encoding': 'identity' },
    ],
    // A new query every time: rendered, never from the page cache.
    [
      'search, rendered',
      (i) => `/search?q=${encodeURIComponent(`${site.queries[i % 40]} ${i}`)}`,
      browser,
    ],
    [
      'search, from the page cache',
      () => `/search?q=${encodeURIComponent(site.queries[0])}`,
      browser,
    ],
    [
      'question page, signed in',
      (i) => popular[i % popular.length],
      { ...browser, Cookie: cookie },
    ],
    ['/healthz', () => '/healthz', browser],
  ]
  const costs: Cost[] = []
  for (const [page, url, headers] of kinds) {
    // Warm up: and for the cached kinds, every page they will ask for is stored first.
    const warm = page.endsWith('from the page cache') ? n : 10
    for (let i = 0; i < warm; i++) await fetchOne(url(warm === n ? i : i + n), headers)
    const main0 = cpuSeconds(`/proc/${pid}/task/${pid}/stat`)
    const all0 = cpuSeconds(`/proc/${pid}/stat`)
    const walls: number[] = []
    let bytes = 0
    for (let i = 0; i < n; i++) {
      const r = await fetchOne(url(i), headers)
      if (r.status !== 200) throw new Error(`${page}: GET ${url(i)} answered ${r.status}`)
      walls.push(r.ms)
      bytes += r.bytes
    }
    const main = cpuSeconds(`/proc/${pid}/task/${pid}/stat`) - main0
    const all = cpuSeconds(`/proc/${pid}/stat`) - all0
    costs.push({
      page,
      requests: n,
      mainMs: (main * 1000) / n,
      otherMs: ((all - main) * 1000) / n,
      wallP50Ms: percentiles(walls).p50,
      bytes: bytes / n,
    })
  }
  agent.destroy()
  return costs
}

/**
 * The CPU the measured mix needs per request, from the cost table weighted by how often each
 * page was asked for in a run: a ceiling that does not depend on what else ran meanwhile.
 * Each page is split between rendered and served from the page cache by its hit ratio in that
 * run; the signed-in pages and the posts (1–3 % of requests) are counted at the signed-in
 * question page's cost.
 */
function mixCost(costs: Cost[], run: ReturnType<typeof figures>) {
  const cost = (page: string) => {
    const c = costs.find((x) => x.page === page)
    if (!c) throw new Error(`no cost measured for ${page}`)
    return c
  }
  const split = (page: string, sampled: string) => {
    const hits = run.pageCacheHits[sampled] ?? 0
    const [cached, rendered] = [cost(`${page}, from the page cache`), cost(`${page}, rendered`)]
    return {
      mainMs: cached.mainMs * hits + rendered.mainMs * (1 - hits),
      otherMs: cached.otherMs * hits + rendered.otherMs * (1 - hits),
    }
  }
  const listCost = (part: 'mainMs' | 'otherMs') =>
    (split('question list', 'browse · list')[part] +
      split('question list, filtered', 'browse · list')[part]) /
    2
  const perPage: Record<string, { mainMs: number; otherMs: number }> = {
    'browse · home': split('home', 'browse · home'),
    'browse · list': { mainMs: listCost('mainMs'), otherMs: listCost('otherMs') },
    'browse · question': split('question page', 'browse · question'),
    'browse · kb home': split('KB home', 'browse · kb home'),
    'browse · kb article': split('KB article', 'browse · kb article'),
    'browse · tags': split('tags', 'browse · tags'),
    'browse · profile': split('profile', 'browse · profile'),
    'search · search': split('search', 'search · search'),
  }
  const signedIn = cost('question page, signed in')
  let main = 0
  let other = 0
  let n = 0
  for (const [page, l] of Object.entries(run.perPage)) {
    const c = perPage[page] ?? signedIn
    main += c.mainMs * l.requests
    other += c.otherMs * l.requests
    n += l.requests
  }
  return { mainMs: main / n, otherMs: other / n, ceilingPerSec: 1000 / (main / n) }
}

/** After a step, until /healthz answers about as fast as at rest again (30 s at most). */
async function drain(baselineMs: number) {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    const p = await probeOnce(10_000)
    if (p.ok && p.ms < Math.max(20, baselineMs * 3)) return
    await new Promise((r) => setTimeout(r, 500))
  }
}

// ── 5. The profile ───────────────────────────────────────────────────────────────────────

type ProfileNode = {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
type CpuProfile = {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

/** Where a stack frame's code lives: a package, our bundles, Node itself. */
function placeOf(url: string) {
  if (!url) return ''
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)
  if (pkg) return pkg[1]
  if (url.endsWith('build/index.js')) return 'app (Remix build: routes, modules)'
  if (url.endsWith('build/server.js')) return 'server.ts (Express setup, guards, page cache)'
  if (url.startsWith('node:')) return 'node (http, streams, zlib glue…)'
  return path.basename(url)
}

/**
 * Self time by package and by function, over the samples of one window: the `windowUs` before
 * the last `tailUs` of the profile (the profile also holds the server's start and shutdown).
 */
function summariseProfile(file: string, windowUs: number, tailUs: number) {
  const whole = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile
  const to = whole.endTime - tailUs
  const from = to - windowUs
  const kept: { samples: number[]; timeDeltas: number[] } = { samples: [], timeDeltas: [] }
  let t = whole.startTime
  whole.samples.forEach((id, i) => {
    t += whole.timeDeltas[i] ?? 0
    if (t < from || t > to) return
    kept.samples.push(id)
    kept.timeDeltas.push(whole.timeDeltas[i] ?? 0)
  })
  const profile = { ...whole, ...kept }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  // Native frames (no URL) count for the code that called them: a better-sqlite3 statement's
  // time is better-sqlite3's, a zlib call's is the compression middleware's.
  const placeCache = new Map<number, string>()
  const place = (id: number): string => {
    const cached = placeCache.get(id)
    if (cached !== undefined) return cached
    const n = byId.get(id)!
    const name = n.callFrame.functionName
    let p: string
    if (name === '(garbage collector)') p = 'garbage collection'
    else if (name === '(idle)') p = 'idle'
    else if (name === '(program)') p = 'V8/native, outside JavaScript'
    else if (name === '(root)') p = '(root)'
    else if (n.callFrame.url) p = placeOf(n.callFrame.url)
    else {
      const up = parent.get(id)
      p = up === undefined ? 'native' : place(up)
    }
    placeCache.set(id, p)
    return p
  }
  const selfUs = new Map<number, number>()
  profile.samples.forEach((id, i) =>
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  )
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0)
  const idle = [...selfUs].filter(([id]) => place(id) === 'idle').reduce((a, [, us]) => a + us, 0)
  const busy = total - idle
  const byPlace = new Map<string, number>()
  const byFunction = new Map<string, number>()
  for (const [id, us] of selfUs) {
    const p = place(id)
    if (p === 'idle') continue
    const where = p === '(root)' ? 'V8/native, outside JavaScript' : p
    byPlace.set(where, (byPlace.get(where) ?? 0) + us)
    const f = byId.get(id)!.callFrame
    const key = `${f.functionName || '(anonymous)'} · ${p}${f.url ? `:${f.lineNumber + 1}` : ''}`
    byFunction.set(key, (byFunction.get(key) ?? 0) + us)
  }
  // Inclusive: a sample counts for every place on its stack (compression's time includes the
  // zlib calls it makes, drizzle's the better-sqlite3 statements it runs).
  const placesOnStack = new Map<number, Set<string>>()
  const stackPlaces = (id: number): Set<string> => {
    const known = placesOnStack.get(id)
    if (known) return known
    const up = parent.get(id)
    const set = new Set(up === undefined ? [] : stackPlaces(up))
    set.add(place(id))
    placesOnStack.set(id, set)
    return set
  }
  const inclusive = new Map<string, number>()
  for (const [id, us] of selfUs) {
    if (place(id) === 'idle') continue
    for (const p of stackPlaces(id))
      if (p !== '(root)') inclusive.set(p, (inclusive.get(p) ?? 0) + us)
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({
        name,
        ms: round(us / 1000, 1),
        share: round(us / busy, 4),
        inclusiveShare: round((inclusive.get(name) ?? 0) / busy, 4),
      }))
  return {
    file: path.relative(process.cwd(), file),
    seconds: round(total / 1e6, 1),
    busyShare: round(busy / total, 4),
    byPlace: top(byPlace, 16),
    byFunction: top(byFunction, 20).map(({ inclusiveShare: _, ...f }) => f),
  }
}

// ── Output ───────────────────────────────────────────────────────────────────────────────

function round(n: number, digits: number) {
  const f = 10 ** digits
  return Math.round(n * f) / f
}

function fmt(n: number, digits = 0) {
  if (!Number.isFinite(n)) return '–'
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

function printPhase(p: Phase) {
  const { run, machine } = p
  console.log(
    `\n${p.name}: ${fmt(p.users)} people offering ${fmt(p.rate)} req/s for ${fmt(machine.seconds, 0)} s` +
      ` — achieved ${fmt(run.achievedPerSec, 1)} req/s, ${fmt(run.requests)} requests, ` +
      `${fmt(run.postsPerSec, 2)} posts/s`,
  )
  console.log(
    table(
      ['kind', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
      [
        ...KINDS.map((k) => {
          const l = run.perKind[k]
          return [k, l.requests, fmt(l.p50, 1), fmt(l.p95, 1), fmt(l.p99, 1), fmt(l.max, 0)]
        }),
        [
          'all',
          run.overall.requests,
          fmt(run.overall.p50, 1),
          fmt(run.overall.p95, 1),
          fmt(run.overall.p99, 1),
          fmt(run.overall.max, 0),
        ],
      ],
    ),
  )
  const statuses = Object.entries(run.byStatus)
    .map(([s, n]) => `${s}: ${n}`)
    .join(', ')
  console.log(
    `  statuses ${statuses}; failed answers ${run.failed}; connection errors ${run.connectionErrors}` +
      `; from the page cache: ${Object.entries(run.pageCacheHits)
        .filter(([page, share]) => share > 0 || page.startsWith('browse'))
        .map(([page, share]) => `${page.split(' · ')[1]} ${fmt(share * 100, 0)} %`)
        .join(', ')}` +
      `; sent late ${fmt(run.lateSends * 100, 1)} %`,
  )
  const w = p.writesPerSec
  console.log(
    `  write transactions ${fmt(w.views + w.searches + w.askVisits + w.events, 1)}/s: views ${fmt(w.views, 1)}, ` +
      `searches logged ${fmt(w.searches, 1)}, ask visits ${fmt(w.askVisits, 2)}, domain events ${fmt(w.events, 2)}`,
  )
  const posted = p.posts
  console.log(
    `  posted ${posted.answers} answers and ${posted.questions} questions; stored as plain text ` +
      `(cooking over its budget): ${posted.answersPlain + posted.questionsPlain}`,
  )
  const series = machine.rssSeries
  const at = (q: number) => series[Math.min(series.length - 1, Math.round(q * (series.length - 1)))]
  console.log(
    `  RSS through the run (start, ¼, ½, ¾, end): ${[0, 0.25, 0.5, 0.75, 1].map((q) => fmt(at(q), 0)).join(', ')} MB`,
  )
  for (const [what, n] of Object.entries(run.problems)) console.log(`    ${n} × ${what}`)
  for (const [what, n] of Object.entries(run.errors)) console.log(`    ${n} × ${what}`)
  console.log(
    `  server CPU ${fmt(machine.serverCores, 2)} cores (main thread ${fmt(machine.mainThreadCores, 2)})` +
      ` [${Object.entries(machine.threadCores)
        .map(([name, cores]) => `${name} ${fmt(cores, 2)}`)
        .join(', ')}]` +
      `, load generator ${fmt(machine.generatorCores, 2)}, other processes ${fmt(machine.otherCores, 2)}` +
      `, whole machine ${fmt(machine.machineCores, 2)} of ${CPUS}` +
      `; RSS ${fmt(machine.rssMb.start, 0)} → max ${fmt(machine.rssMb.max, 0)} → ${fmt(machine.rssMb.end, 0)} MB` +
      `; /healthz p50 ${fmt(machine.healthz.p50, 1)} / p95 ${fmt(machine.healthz.p95, 1)} ms` +
      ` (${machine.healthz.failed} failed; ${fmt(restHealthzMs, 1)} at rest); load average ${fmt(machine.loadAverage.start, 2)} → ${fmt(machine.loadAverage.end, 2)}`,
  )
}

/** The first resource near its limit at a step: what saturates first. */
function saturation(p: Phase) {
  const m = p.machine
  const found: string[] = []
  // Requests queue for the event loop although no core is full: the main thread waits (for
  // its GC helpers, for the thread pool's compression), or is busy in ways CPU time hides.
  const waitMs = m.healthz.p50 - restHealthzMs
  if (waitMs > 100 && waitMs > 10 * restHealthzMs)
    found.push(
      `the server's event loop: a request waits about ${fmt(waitMs, 0)} ms before it is handled ` +
        `(/healthz p50), while its main thread is on a core ${fmt(m.mainThreadCores * 100, 0)} % ` +
        `of the time and its other threads use ${fmt(m.serverCores - m.mainThreadCores, 2)} cores`,
    )
  if (m.mainThreadCores >= 0.85)
    found.push(
      `the server's main thread (${fmt(m.mainThreadCores * 100, 0)} % of a core: all of a request's JavaScript runs there)`,
    )
  if (m.generatorCores >= 0.85)
    found.push(`the load generator's own thread (${fmt(m.generatorCores * 100, 0)} % of a core)`)
  if (m.machineCores >= CPUS * 0.9)
    found.push(`the machine's ${CPUS} cores (${fmt(m.machineCores, 2)} busy)`)
  const post = p.run.perKind.post
  const browse = p.run.perKind.browse
  if (post.requests > 0 && post.p95 > 3 * browse.p95 && post.p95 > 200)
    found.push(
      `writes (post p95 ${fmt(post.p95, 0)} ms against ${fmt(browse.p95, 0)} ms for pages)`,
    )
  if (m.rssMb.end > m.rssMb.start * 1.5)
    found.push(`memory (RSS ${fmt(m.rssMb.start, 0)} → ${fmt(m.rssMb.end, 0)} MB)`)
  return found
}

// ── Main ─────────────────────────────────────────────────────────────────────────────────

async function main() {
  if (!fs.existsSync('build/server.js') || !fs.existsSync('build/index.js'))
    throw new Error('no build: run `npm run build` first (`npm run bench:load` does)')
  const crowd = crowdOf(USERS)
  const t0 = performance.now()
  const { writerCookies } = await seed(crowd)
  const site = readSite(writerCookies)
  console.log(
    `Seeded ${site.questions.length} questions (demo + ${QUESTIONS} generated) into ` +
      `${path.relative(process.cwd(), DB_FILE)} in ${fmt((performance.now() - t0) / 1000, 1)} s`,
  )
  console.log(
    `Crowd: ${USERS} people = ${crowd.readers} readers, ${crowd.searchers} searchers, ` +
      `${crowd.writers} writers; ${site.queries.length} distinct searches; ${CPUS} CPUs shared ` +
      `by the server, the load generator and whatever else runs here`,
  )

  const pid = await startServer()
  const watcher = new Watcher(pid)
  const baselineProbes: number[] = []
  for (let i = 0; i < 20; i++) {
    const p = await probeOnce(5_000)
    if (p.ok) baselineProbes.push(p.ms)
    await new Promise((r) => setTimeout(r, 50))
  }
  const baseline = percentiles(baselineProbes)
  restHealthzMs = baseline.p50
  const atRest = { rssMb: rssMb(pid), loadAverage: os.loadavg()[0], healthz: baseline }
  console.log(
    `Server up (pid ${pid}): RSS ${fmt(atRest.rssMb, 0)} MB at rest, /healthz ${fmt(baseline.p50, 2)} ms ` +
      `(p95 ${fmt(baseline.p95, 2)}); load average ${fmt(atRest.loadAverage, 2)}`,
  )
  watcher.start()

  if (WARMUP > 0) {
    console.log(`Warm-up: ${WARMUP} s at ${RATE} req/s (not counted)`)
    activity = 'the warm-up'
    await drive({
      site,
      crowd,
      rate: RATE,
      seconds: WARMUP,
      seed: 1,
      acceptEncoding: ACCEPT_ENCODING,
    })
    checkServer()
  }
  activity = 'the cost per request'
  const costs = await measureCosts(pid, site)
  console.log(
    '\nServer CPU per request, one request at a time (no queueing; compressed as for browsers)',
  )
  console.log(
    table(
      [
        'page',
        'main thread ms',
        'other threads ms',
        'main-thread ceiling req/s',
        'wall p50 ms',
        'bytes',
      ],
      costs.map((c) => [
        c.page,
        fmt(c.mainMs, 2),
        fmt(c.otherMs, 2),
        fmt(1000 / c.mainMs, 0),
        fmt(c.wallP50Ms, 2),
        fmt(c.bytes, 0),
      ]),
    ),
  )
  console.log(
    `  CPU ticks are ${fmt(1000 / CLK_TCK, 0)} ms: figures are ±${fmt(1000 / CLK_TCK / 100, 1)} ms`,
  )

  // A server that dies under load is a result too: it is recorded, the rest of the figures are
  // kept, and the run ends non-zero after writing them.
  let crash: string | null = null
  const survive = async <T>(fn: () => Promise<T>): Promise<T | null> => {
    try {
      return await fn()
    } catch (error) {
      if (!serverExit) throw error
      crash = serverExit
      console.log(`\n${serverExit}; its last output:\n${serverOutput.slice(-4000)}`)
      return null
    }
  }

  const target = await survive(() => phase(watcher, 'Target load', site, RATE, SECONDS, 2))
  if (target) printPhase(target)
  const mix = target ? mixCost(costs, target.run) : null
  if (mix)
    console.log(
      `  this mix costs the server ${fmt(mix.mainMs, 1)} ms of main thread and ${fmt(mix.otherMs, 1)} ms of ` +
        `its other threads per request (cost table × pages asked for): ${fmt((RATE * mix.mainMs) / 1000, 2)} + ` +
        `${fmt((RATE * mix.otherMs) / 1000, 2)} cores at ${RATE} req/s; the main thread alone caps it at ` +
        `${fmt(mix.ceilingPerSec, 0)} req/s`,
    )

  const steps: Phase[] = []
  let breaking: Phase | null = null
  for (const [i, rate] of STEPS.entries()) {
    if (crash) break
    await drain(baseline.p50)
    const step = await survive(() =>
      phase(watcher, `Step ${i + 1}`, site, rate, STEP_SECONDS, 10 + i),
    )
    if (!step) break
    steps.push(step)
    printPhase(step)
    if (
      step.run.overall.p95 > BREAK_P95_MS ||
      step.run.failed > 0 ||
      step.run.connectionErrors > 0
    ) {
      breaking = step
      break
    }
  }
  watcher.stop()
  const rssAfterSteps = crash ? null : rssMb(pid)
  await stopServer()

  let profile: ReturnType<typeof summariseProfile> | null = null
  if (PROFILE_SECONDS > 0) {
    fs.mkdirSync(PROFILE_DIR, { recursive: true })
    serverExit = null
    const profiledPid = await startServer(['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`])
    console.log(
      `\nProfiling the server (pid ${profiledPid}, a fresh one) at ${RATE} req/s for ${PROFILE_SECONDS} s`,
    )
    activity = 'the profiled run'
    const profiled = await survive(async () => {
      await drive({
        site,
        crowd,
        rate: RATE,
        seconds: Math.min(WARMUP, 5),
        seed: 98,
        acceptEncoding: ACCEPT_ENCODING,
      })
      const run = await drive({
        site,
        crowd,
        rate: RATE,
        seconds: PROFILE_SECONDS,
        seed: 99,
        acceptEncoding: ACCEPT_ENCODING,
      })
      checkServer()
      return run
    })
    const stopping = performance.now()
    await stopServer(30_000)
    // The window kept: the profiled drive, which ended this long before the server exited.
    const tailUs = (performance.now() - stopping) * 1000
    const file = fs
      .readdirSync(PROFILE_DIR)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => path.join(PROFILE_DIR, f))[0]
    if (!profiled) console.log('  no profile: the server died')
    else if (!file) console.log('  the server wrote no profile')
    else {
      const lost = profiled.samples.filter((x) => x.status >= 400 || x.problem).length
      profile = summariseProfile(file, profiled.seconds * 1e6, tailUs)
      console.log(
        `  ${fmt(profiled.samples.length)} requests (${lost} failed); ${profile.seconds} s profiled, ` +
          `main thread busy ${fmt(profile.busyShare * 100, 0)} % of it; ${profile.file}`,
      )
      console.log(
        '\nWhere the main thread’s busy time goes (self time, native calls counted for their caller)',
      )
      console.log(
        "  (“with what it calls” counts a sample for every package on its stack; Node's own frames\n" +
          '  and Express sit under nearly every stack, so theirs is close to everything)',
      )
      console.log(
        table(
          ['code', 'self ms', 'self', 'with what it calls'],
          profile.byPlace.map((x) => [
            x.name,
            fmt(x.ms, 0),
            `${fmt(x.share * 100, 1)} %`,
            `${fmt(x.inclusiveShare * 100, 1)} %`,
          ]),
        ),
      )
      console.log('\nHottest functions (self time)')
      console.log(
        table(
          ['function · where', 'ms', 'share'],
          profile.byFunction.map((x) => [x.name, fmt(x.ms, 0), `${fmt(x.share * 100, 1)} %`]),
        ),
      )
    }
  }

  // ── Summary ──
  console.log('\nBreaking point (same crowd, shorter reading times, one bounded step per rate)')
  console.log(
    table(
      [
        'offered',
        'achieved',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'post p95',
        'failed',
        'server cores',
        'main thr.',
        'generator',
        'others',
        'machine',
        'RSS max MB',
        'healthz p95',
        'load avg',
      ],
      steps.map((s) => [
        fmt(s.rate),
        fmt(s.run.achievedPerSec, 1),
        fmt(s.run.overall.p50, 1),
        fmt(s.run.overall.p95, 1),
        fmt(s.run.overall.p99, 1),
        fmt(s.run.perKind.post.p95, 1),
        s.run.failed + s.run.connectionErrors,
        fmt(s.machine.serverCores, 2),
        fmt(s.machine.mainThreadCores, 2),
        fmt(s.machine.generatorCores, 2),
        fmt(s.machine.otherCores, 2),
        fmt(s.machine.machineCores, 2),
        fmt(s.machine.rssMb.max, 0),
        fmt(s.machine.healthz.p95, 1),
        fmt(s.machine.loadAverage.end, 2),
      ]),
    ),
  )
  const firstSaturated = steps.find((s) => saturation(s).length > 0) ?? null
  if (breaking)
    console.log(
      `  p95 passed ${BREAK_P95_MS} ms or errors appeared at ${fmt(breaking.rate)} req/s offered ` +
        `(${fmt(breaking.run.achievedPerSec, 1)} achieved, p95 ${fmt(breaking.run.overall.p95, 0)} ms)`,
    )
  else if (steps.length > 0)
    console.log(
      `  p95 stayed under ${BREAK_P95_MS} ms up to ${fmt(steps[steps.length - 1].rate)} req/s offered`,
    )
  if (firstSaturated)
    console.log(
      `  first near its limit, at ${fmt(firstSaturated.rate)} req/s: ${saturation(firstSaturated).join('; ')}`,
    )
  if (crash) console.log(`  ${crash}`)

  console.log(`\nTarget (${USERS} people, about ${RATE} req/s, ${CPUS} cores):`)
  if (!target) console.log(`  no figures: ${crash}`)
  else {
    const t = target.run
    const errors = t.failed + t.connectionErrors
    console.log(
      `  errors ${errors} (target 0); p95 ${fmt(t.overall.p95, 1)} ms (target < ${TARGET.p95Ms} ms): ` +
        `${errors === 0 && t.overall.p95 < TARGET.p95Ms ? 'met' : 'NOT met'}` +
        `; RSS ${fmt(target.machine.rssMb.start, 0)} → max ${fmt(target.machine.rssMb.max, 0)} → ` +
        `${fmt(target.machine.rssMb.end, 0)} MB` +
        (rssAfterSteps === null ? '' : ` (${fmt(rssAfterSteps, 0)} MB after the steps)`) +
        `; other processes took ${fmt(target.machine.otherCores, 2)} of the ${CPUS} cores`,
    )
  }

  const roundDeep = (v: unknown): unknown =>
    typeof v === 'number'
      ? Number.isFinite(v)
        ? round(v, 3)
        : null
      : Array.isArray(v)
        ? v.map(roundDeep)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, roundDeep(x)]))
          : v
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: CPUS,
    settings: {
      users: USERS,
      crowd,
      rate: RATE,
      seconds: SECONDS,
      warmupSeconds: WARMUP,
      steps: STEPS,
      stepSeconds: STEP_SECONDS,
      generatedQuestions: QUESTIONS,
      acceptEncoding: ACCEPT_ENCODING,
      breakP95Ms: BREAK_P95_MS,
    },
    atRest,
    costPerRequest: costs,
    target,
    mixCost: mix,
    steps,
    breakingPoint: breaking
      ? {
          offered: breaking.rate,
          achieved: breaking.run.achievedPerSec,
          p95: breaking.run.overall.p95,
        }
      : null,
    firstSaturated: firstSaturated
      ? { rate: firstSaturated.rate, what: saturation(firstSaturated) }
      : null,
    rssAfterSteps,
    crash,
    profile,
  }
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(roundDeep(results), null, 2)}\n`)
  console.log(`\nWrote ${path.relative(process.cwd(), RESULTS_FILE)}`)
  if (crash) throw new Error(crash)
}

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    void stopServer().finally(() => process.exit(130))
  })

try {
  await main()
} catch (error) {
  console.error('\nLoad bench failed:', error)
  if (serverExit && !(error instanceof Error && error.message.startsWith(serverExit)))
    console.error(`\n${serverExit}; its last output:\n${serverOutput.slice(-4000)}`)
  process.exitCode = 1
} finally {
  await stopServer()
  sqlite.close()
  // The markdown worker that seeding started keeps this process alive although it is unref'd
  // (its 'message' listener is added after unref(), which refs its port again); so, explicitly:
  process.exit()
}
