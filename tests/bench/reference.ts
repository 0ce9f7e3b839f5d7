/**
 * The reference every page of ours is measured against, and the side-by-side load.
 *
 * The reference is the framework's own minimal page: a one-route Remix app (root + one route
 * rendering a small page from its loader) in tests/bench/reference, with Remix's default
 * entries, the same Remix and React as ours and the same compiler settings. A bench builds it
 * into tmp/bench/reference and serves it with Express, compression and @remix-run/express's
 * request handler in production mode, as server.ts serves ours, in a process of its own.
 *
 * `sideBySide` loads ours and the reference in alternating short slices (AB BA AB …) at the
 * same connection count, so a burst of unrelated load on the machine hits both alike.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

const require = createRequire(import.meta.url)

export const REFERENCE_SOURCE = path.resolve('tests/bench/reference')
/** Where tests/bench/reference/remix.config.js writes the build. */
export const REFERENCE_BUILD = path.resolve('tmp/bench/reference')

/** `remix build` of the reference app, from scratch; milliseconds it took. */
export function buildReference() {
  fs.rmSync(REFERENCE_BUILD, { recursive: true, force: true })
  const started = performance.now()
  const cli = require.resolve('@remix-run/dev/dist/cli.js')
  const r = spawnSync(process.execPath, [cli, 'build', REFERENCE_SOURCE], {
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
  })
  if (r.status !== 0) throw new Error(`building the reference failed:\n${r.stdout}\n${r.stderr}`)
  if (!fs.existsSync(path.join(REFERENCE_BUILD, 'build/index.js')))
    throw new Error(`the reference build is not in ${REFERENCE_BUILD}`)
  return { ms: performance.now() - started }
}

/** The reference build's server bundle, for measuring it in-process. */
export function referenceServerBuildPath() {
  return path.join(REFERENCE_BUILD, 'build/index.js')
}

let reference: ChildProcess | null = null
let referenceOutput = ''

/** Serves the reference build on 127.0.0.1:`port` in a process group of its own. */
export async function startReference(port: number) {
  const origin = `http://127.0.0.1:${port}`
  if (await status(`${origin}/`)) throw new Error(`something already listens on ${origin}`)
  const child = spawn(
    process.execPath,
    [path.join(REFERENCE_SOURCE, 'server.mjs'), REFERENCE_BUILD, String(port)],
    {
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  )
  reference = child
  child.stdout?.on('data', (d: Buffer) => void (referenceOutput += d.toString()))
  child.stderr?.on('data', (d: Buffer) => void (referenceOutput += d.toString()))
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the reference exited early:\n${referenceOutput}`)
    if ((await status(`${origin}/`)) === 200) return { origin, url: `${origin}/`, pid: child.pid! }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`the reference did not answer within 30 s:\n${referenceOutput}`)
}

export async function stopReference() {
  const child = reference
  reference = null
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

function status(url: string) {
  return new Promise<number>((resolve) => {
    const req = http.get(url, { agent: false }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', () => resolve(0))
  })
}

// ── Side-by-side load ────────────────────────────────────────────────────────────────────

// autocannon ships no types; this is the part of its API the benches use.
export type CannonRequest = { method: 'GET'; path: string; headers?: Record<string, string> }
type CannonOptions = {
  url: string
  connections: number
  duration: number
  headers?: Record<string, string>
  /** Cycled through in order by every connection. */
  requests?: CannonRequest[]
}
type CannonHistogram = {
  average: number
  mean: number
  p50: number
  p97_5: number
  p99: number
  total: number
}
type CannonResult = {
  requests: CannonHistogram
  latency: CannonHistogram
  duration: number
  errors: number
  timeouts: number
  non2xx: number
}
type Cannon = (opts: CannonOptions, done: (err: Error | null, result: CannonResult) => void) => void
const autocannon = require('autocannon') as Cannon

export function cannon(opts: CannonOptions): Promise<CannonResult> {
  return new Promise((resolve, reject) =>
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result))),
  )
}

/** What one side is loaded with: a URL, or an origin and a cycle of requests. */
export type Load = Omit<CannonOptions, 'connections' | 'duration'>

export type Side = 'ours' | 'reference'
export type Slice = {
  side: Side
  connections: number
  slice: number
  seconds: number
  requests: number
  latencyMean: number
  latencyP50: number
  latencyP99: number
  non2xx: number
  errors: number
  /** 1-minute load average when the slice ended: other work on the machine skews it. */
  loadAverage: number
}

export type SliceSettings = { durationSeconds: number; sliceSeconds: number; warmupSeconds: number }

/**
 * Ours and the reference in alternating slices until each has had `durationSeconds`, after a
 * warm-up of each. Percentiles of a side are its slices' percentiles weighted by their request
 * counts (autocannon reports percentiles per run, not mergeable histograms).
 */
export async function sideBySide(
  loads: Record<Side, Load>,
  connections: number,
  settings: SliceSettings,
) {
  const { durationSeconds, sliceSeconds, warmupSeconds } = settings
  if (warmupSeconds > 0)
    for (const side of ['ours', 'reference'] as const)
      await cannon({ ...loads[side], connections, duration: warmupSeconds })
  const slices: Slice[] = []
  const count = Math.max(1, Math.round(durationSeconds / sliceSeconds))
  for (let k = 0; k < count; k++) {
    const order: Side[] = k % 2 === 0 ? ['ours', 'reference'] : ['reference', 'ours']
    for (const side of order) {
      const r = await cannon({ ...loads[side], connections, duration: sliceSeconds })
      slices.push({
        side,
        connections,
        slice: k + 1,
        seconds: r.duration,
        requests: r.requests.total,
        latencyMean: r.latency.average,
        latencyP50: r.latency.p50,
        latencyP99: r.latency.p99,
        non2xx: r.non2xx,
        errors: r.errors + r.timeouts,
        loadAverage: os.loadavg()[0],
      })
    }
  }
  const rate = (side: Side, k: number) => {
    const m = slices.find((x) => x.side === side && x.slice === k)!
    return m.requests / m.seconds
  }
  const pairRatios = Array.from(
    { length: count },
    (_, k) => rate('ours', k + 1) / rate('reference', k + 1),
  )
  const sorted = [...pairRatios].sort((a, b) => a - b)
  const ours = summarize(slices, 'ours')
  const ref = summarize(slices, 'reference')
  return {
    connections,
    ours,
    reference: ref,
    ratio: ours.reqPerSec / ref.reqPerSec,
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
}

export type Comparison = Awaited<ReturnType<typeof sideBySide>>

function summarize(slices: Slice[], side: Side) {
  const runs = slices.filter((m) => m.side === side)
  const requests = runs.reduce((s, m) => s + m.requests, 0)
  const seconds = runs.reduce((s, m) => s + m.seconds, 0)
  const weighted = (f: (m: Slice) => number) =>
    runs.reduce((s, m) => s + f(m) * m.requests, 0) / Math.max(1, requests)
  return {
    reqPerSec: requests / seconds,
    latencyMean: weighted((m) => m.latencyMean),
    latencyP50: weighted((m) => m.latencyP50),
    latencyP99: weighted((m) => m.latencyP99),
    requests,
    seconds,
    non2xx: runs.reduce((s, m) => s + m.non2xx, 0),
    errors: runs.reduce((s, m) => s + m.errors, 0),
  }
}

/** Slices that saw a non-2xx answer or a connection error, described for an error message. */
export function failedSlices(label: string, c: Comparison) {
  return c.slices
    .filter((m) => m.non2xx > 0 || m.errors > 0)
    .map(
      (m) =>
        `${label} ${m.side} c=${m.connections} slice ${m.slice}: ${m.non2xx} non-2xx, ${m.errors} errors`,
    )
}
