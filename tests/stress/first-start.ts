/**
 * Part of `npm run test:stress`: a first start that is interrupted never leaves a half-seeded
 * demo behind.
 *
 * Starts the built server on a fresh database and stops it early, again and again: with Ctrl-C
 * (SIGINT), with SIGTERM and with kill -9, at moments spread over the first seconds of the start
 * (while the demo community is being seeded). After each interruption the database must hold
 * either no demo at all or all of it; a final start must then serve the complete demo. Prints
 * what each round found; exits non-zero on a partial demo or a start that fails.
 *
 *   STRESS_ROUNDS (9) adjusts a run.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net, { type AddressInfo } from 'node:net'
import path from 'node:path'
import Database from 'better-sqlite3'
import { loadDemoCommunity } from '../../db/seed/demo-content'

const ROUNDS = Number(process.env.STRESS_ROUNDS ?? 9)
const DIR = path.resolve('tmp/stress-first-start')
const DATABASE_PATH = path.join(DIR, 'tanya.db')
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGKILL'] as const

async function freePort() {
  const probe = net.createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/** The whole demo, as the content files describe it. */
const DEMO = loadDemoCommunity(path.resolve('content'))
const WHOLE = { users: DEMO.users.length, questions: DEMO.threads.length }

/** Users and questions in the file. */
function census() {
  if (!fs.existsSync(DATABASE_PATH)) return { users: 0, questions: 0 }
  const db = new Database(DATABASE_PATH, { readonly: true })
  try {
    const has = db
      .prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'users'")
      .get() as { n: number }
    if (has.n === 0) return { users: 0, questions: 0 }
    const users = (db.prepare('select count(*) as n from users').get() as { n: number }).n
    const questions = (db.prepare('select count(*) as n from questions').get() as { n: number }).n
    return { users, questions }
  } finally {
    db.close()
  }
}

function start(port: number) {
  return spawn(process.execPath, ['build/server.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_PATH,
      BASE_URL: `http://127.0.0.1:${port}`,
      SEED_DEMO: 'true',
      LOG_REQUESTS: 'false',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'ignore'],
  })
}

async function main() {
  const port = await freePort()
  let partial = 0
  for (let round = 0; round < ROUNDS; round++) {
    fs.rmSync(DIR, { recursive: true, force: true })
    fs.mkdirSync(DIR, { recursive: true })
    const signal = SIGNALS[round % SIGNALS.length]
    // Spread over the first start (about 3 s here): before, during and after the seed.
    const afterMs = 200 + Math.round((3000 * round) / Math.max(1, ROUNDS - 1))
    const child = start(port)
    const exited = new Promise((resolve) => child.once('exit', resolve))
    await new Promise((resolve) => setTimeout(resolve, afterMs))
    child.kill(signal)
    await exited
    const found = census()
    const whole =
      found.users === 0 || (found.users === WHOLE.users && found.questions === WHOLE.questions)
    if (!whole) partial++
    console.log(
      `round ${round + 1}: ${signal} after ${afterMs} ms → ${found.users} users, ${found.questions} questions${whole ? '' : '  ← PARTIAL'}`,
    )
  }

  // The last interrupted database, started again, serves the whole demo.
  const child = start(port)
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the final start exited with ${child.exitCode}`)
    try {
      if ((await fetch(`${base}/healthz`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the final start did not answer')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
  const final = census()
  console.log(`final start: ${final.users} users, ${final.questions} questions`)
  if (partial > 0 || final.users !== WHOLE.users || final.questions !== WHOLE.questions) {
    console.error(`${partial} interrupted start(s) left a partial demo, or the final one is not whole`)
    process.exit(1)
  }
  console.log('No interrupted first start left a partial demo.')
}

await main()
