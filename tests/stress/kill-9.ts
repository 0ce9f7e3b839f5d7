/**
 * `npm run test:stress`: nothing the server acknowledged is lost when its process dies.
 *
 * Starts the built server (`node build/server.js`, as `npm start` does) on a fresh database,
 * signs up a few people through the sign-up form, and lets each post questions and answers
 * through the real forms with their session cookies, as fast as the server takes them. A
 * write counts as acknowledged when the server answered it with its redirect to the new post.
 * The server is killed with SIGKILL several times, each after a random number of further
 * acknowledged writes (so mid-request for the writers still waiting), and restarted on the
 * same file. At the end every acknowledged question and answer must be in the database, with
 * what was typed, and the file must pass SQLite's integrity check. Prints the counts; exits
 * non-zero on any loss or unexpected answer.
 *
 *   STRESS_KILLS (5), STRESS_WRITERS (4), STRESS_PORT (a free one) adjust a run.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net, { type AddressInfo } from 'node:net'
import path from 'node:path'
import Database from 'better-sqlite3'

const KILLS = Number(process.env.STRESS_KILLS ?? 5)
const WRITERS = Number(process.env.STRESS_WRITERS ?? 4)
const DIR = path.resolve('tmp/stress')
const DATABASE_PATH = path.join(DIR, 'tanya.db')
const START_TIMEOUT_MS = 60_000

type Ack = { kind: 'question' | 'answer'; id: number; text: string }

async function freePort() {
  if (process.env.STRESS_PORT) return Number(process.env.STRESS_PORT)
  const probe = net.createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/** Waits until `check` resolves true, asking again every 20 ms; for another process to start. */
async function poll(check: () => Promise<boolean> | boolean, what: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (await check()) return
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

class Server {
  child: ChildProcess | null = null
  starts = 0
  /** Settles when the server answers; writers wait on it after a failed request. */
  ready: Promise<void> = Promise.resolve()

  constructor(
    readonly base: string,
    readonly port: number,
  ) {}

  start() {
    this.starts++
    const child = spawn(process.execPath, ['build/server.js'], {
      env: {
        ...process.env,
        PORT: String(this.port),
        DATABASE_PATH,
        BASE_URL: this.base,
        SEED_DEMO: 'true',
        LOG_REQUESTS: 'false',
        PAGE_CACHE_SECONDS: '0',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    this.child = child
    this.ready = poll(
      async () => {
        if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`)
        try {
          return (await fetch(`${this.base}/healthz`)).ok
        } catch {
          return false
        }
      },
      'the server to answer /healthz',
      START_TIMEOUT_MS,
    )
    return this.ready
  }

  /** SIGKILL: no shutdown handler runs, nothing is flushed or closed by the process. */
  async kill9() {
    const child = this.child!
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGKILL')
    await exited
  }

  async stop() {
    const child = this.child!
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
}

/** A form post from the site's own page, as a browser sends it. */
function postForm(server: Server, path: string, form: Record<string, string>, cookie = '') {
  return fetch(`${server.base}${path}`, {
    method: 'POST',
    headers: {
      Origin: server.base,
      'Sec-Fetch-Site': 'same-origin',
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: new URLSearchParams(form),
    redirect: 'manual',
  })
}

async function main() {
  fs.rmSync(DIR, { recursive: true, force: true })
  fs.mkdirSync(DIR, { recursive: true })
  const port = await freePort()
  const server = new Server(`http://127.0.0.1:${port}`, port)
  running.server = server
  const started = Date.now()
  await server.start()
  console.log(
    `Server up on ${server.base}, database ${path.relative(process.cwd(), DATABASE_PATH)}`,
  )

  // What the ask form needs: a category and tags that exist (members may not create tags).
  const reader = new Database(DATABASE_PATH, { readonly: true })
  const category = (
    reader.prepare('select slug from categories order by id limit 1').get() as {
      slug: string
    }
  ).slug
  const tags = (
    reader.prepare('select name from tags order by id limit 2').all() as { name: string }[]
  )
    .map((t) => t.name)
    .join(', ')
  reader.close()

  const acks: Ack[] = []
  const unexpected: string[] = []
  let lost = 0
  let stopping = false
  const questions: string[] = []

  // Sign-ups (and log-ins) before the first kill, each writer with its own session cookie.
  const sessions: string[] = []
  for (let w = 0; w < WRITERS; w++) {
    const account = { email: `stress${w}@example.test`, password: 'stress test password' }
    const signup = await postForm(server, '/signup', {
      ...account,
      handle: `stress${w}`,
      displayName: `Stress writer ${w}`,
      redirectTo: '/',
    })
    if (signup.status !== 302) throw new Error(`sign-up ${w} answered ${signup.status}`)
    const res = await postForm(server, '/login', { ...account, redirectTo: '/' })
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .find((c) => c.startsWith('tanya_session='))
    if (res.status !== 302 || !cookie) throw new Error(`log-in ${w} answered ${res.status}`)
    sessions.push(cookie)
  }
  // The writers stand for established members: past a new account's limits (one post per
  // 30 s, first posts held for review), as the demo's and the load bench's accounts are.
  const writable = new Database(DATABASE_PATH)
  writable.prepare("update users set trust_level = 2 where handle like 'stress%'").run()
  writable.close()

  async function writer(w: number) {
    const cookie = sessions[w]
    for (let n = 0; !stopping; n++) {
      try {
        await server.ready
      } catch {
        return // The restart failed; main reports it.
      }
      if (stopping) break
      const askQuestion = questions.length < WRITERS || n % 3 === 0
      const marker = `stress-w${w}-n${n}`
      try {
        if (askQuestion) {
          const title = `Does the grinder keep its setting? (${marker})`
          const res = await postForm(
            server,
            '/ask',
            {
              intent: 'save',
              title,
              body: `After a week the grind drifts coarser. Marker ${marker}.`,
              category,
              tags,
            },
            cookie,
          )
          const id = /^\/questions\/(\d+)\//.exec(res.headers.get('location') ?? '')?.[1]
          if (res.status !== 302 || !id) unexpected.push(`ask ${marker}: ${res.status}`)
          else {
            acks.push({ kind: 'question', id: Number(id), text: title })
            questions.push(res.headers.get('location')!)
          }
        } else {
          const target = questions[(n * 7 + w) % questions.length]
          const body = `Set it one step finer and check again after a day. Marker ${marker}.`
          const res = await postForm(server, target, { intent: 'answer', body }, cookie)
          const id = /#answer-(\d+)$/.exec(res.headers.get('location') ?? '')?.[1]
          if (res.status !== 302 || !id) unexpected.push(`answer ${marker}: ${res.status}`)
          else acks.push({ kind: 'answer', id: Number(id), text: body })
        }
      } catch {
        // The connection was refused or cut: the server is down. Not acknowledged, so this
        // write may or may not be there; wait for the restart.
        lost++
      }
    }
  }
  const writers = Array.from({ length: WRITERS }, (_, w) => writer(w))

  for (let kill = 1; kill <= KILLS; kill++) {
    const target = acks.length + 20 + Math.floor(Math.random() * 100)
    await poll(() => acks.length >= target || unexpected.length > 0, `${target} writes`, 120_000)
    if (unexpected.length > 0) break
    await server.kill9()
    console.log(`kill -9 #${kill}: after ${acks.length} acknowledged writes`)
    await server.start()
  }
  // A few more writes on the last restart, then everyone stops and the server shuts down.
  const last = acks.length + 20
  await poll(
    () => acks.length >= last || unexpected.length > 0,
    'writes after the last restart',
    120_000,
  )
  stopping = true
  await Promise.all(writers)
  await server.stop()

  const db = new Database(DATABASE_PATH, { readonly: true })
  const integrity = db.pragma('integrity_check', { simple: true })
  const titles = new Map(
    (db.prepare('select id, title from questions').all() as { id: number; title: string }[]).map(
      (q) => [q.id, q.title],
    ),
  )
  const bodies = new Map(
    (
      db.prepare('select id, body_md as body from answers').all() as { id: number; body: string }[]
    ).map((a) => [a.id, a.body]),
  )
  db.close()
  const missing = acks.filter(
    (a) => (a.kind === 'question' ? titles.get(a.id) : bodies.get(a.id)) !== a.text,
  )
  const count = (kind: Ack['kind']) => acks.filter((a) => a.kind === kind).length
  console.log(
    `\n${server.starts} starts, ${server.starts - 1} kill -9s, ${WRITERS} writers, ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s\n` +
      `acknowledged: ${acks.length} writes (${count('question')} questions, ${count('answer')} answers)\n` +
      `present after the kills: ${acks.length - missing.length} of ${acks.length}; missing ${missing.length}\n` +
      `requests cut by a kill (not acknowledged, not checked): ${lost}\n` +
      `integrity check: ${String(integrity)}`,
  )
  const failures = [
    ...unexpected.map((u) => `unexpected answer: ${u}`),
    ...missing.slice(0, 20).map((m) => `missing ${m.kind} ${m.id}: ${m.text}`),
    ...(integrity === 'ok' ? [] : [`integrity check: ${String(integrity)}`]),
  ]
  if (failures.length > 0) {
    console.error(`\nFAILED:\n${failures.join('\n')}`)
    process.exit(1)
  }
  console.log('\nEvery acknowledged write survived.')
}

/** The server of the run, to be killed when the run itself fails. */
const running: { server: Server | null } = { server: null }
try {
  await main()
} catch (error) {
  console.error(`\nFAILED: ${error instanceof Error ? error.message : String(error)}`)
  running.server?.child?.kill('SIGKILL')
  process.exit(1)
}
