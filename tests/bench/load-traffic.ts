/**
 * The people of the load bench, played by autocannon.
 *
 * Every autocannon connection is one person: they ask for a page, read it for a while and ask
 * for the next. The reading time ("think time") is what makes 500 people about 100 requests a
 * second. autocannon paces only in whole requests per second per connection, all of them at
 * the same instant of each second, which would turn 500 readers into bursts of 100 requests at
 * once; so each connection is paced here instead: its requests follow its own random schedule
 * (exponential gaps, mean = users / rate), whatever the server's answer times, and the sum of
 * 500 such schedules is steady, Poisson-like traffic. A request that could not be sent on
 * schedule (the previous answer took longer than the gap) goes out at once and is counted as
 * late.
 *
 * Each request carries `Connection: close`: a person reading for seconds would find the
 * server's keep-alive (5 s) expired, and sending on a socket the server is closing at that
 * instant fails in a way a browser silently retries; a fresh connection per page avoids
 * counting that race as an error. Pages are asked for with the run's Accept-Encoding (a
 * browser's by default), so the server compresses as it does for real visitors; the signed-in
 * pages whose forms are read are asked for uncompressed, because autocannon hands bodies over
 * as text.
 *
 * Three kinds of people, one autocannon instance each:
 * - readers, signed out: home, question lists (categories, tags, states, sorts, pages),
 *   question pages, the knowledge base, tags and profiles; popular pages more often (Zipf);
 * - searchers, signed out: a search from a list in which a few searches come again and again
 *   (so the page cache sees real reuse), then a question page;
 * - writers, signed in with sessions made beforehand: a question page (its `submissionKey`
 *   read from the answer form), an answer posted through that form, the page again (the
 *   redirect), a vote, the ask form (its ask-visit key read), a question posted, and its page.
 *   Posts are form posts as a browser sends them: `Origin`, `Sec-Fetch-Site: same-origin`,
 *   `application/x-www-form-urlencoded`.
 *
 * Every answer is recorded with its kind, page, status and time (from the request's first
 * byte sent to the answer's last byte received).
 */
import { createRequire } from 'node:module'
import { performance } from 'node:perf_hooks'
import { answerText, int, pick, questionFields, rng, zipf, type Random } from './load-data'

const require = createRequire(import.meta.url)

export const KINDS = ['browse', 'search', 'signed-in page', 'post'] as const
export type Kind = (typeof KINDS)[number]

export type Sample = {
  kind: Kind
  /** What was asked for: `question`, `list`, `search`, `answer`, `vote`, … */
  page: string
  status: number
  ms: number
  bytes: number
  /** Seconds since the run started, when the answer arrived. */
  at: number
  /** The page cache's `X-Page-Cache` header (search pages), if any. */
  cache: string | null
  /** Set when the answer was not what that request should get (a redirect to log in, …). */
  problem: string | null
}

export type VoteTarget = { postType: 'question' | 'answer'; postId: number }

/** What the people pick from, read from the seeded database. */
export type Site = {
  origin: string
  /** Visible questions, most viewed first; each with posts a writer may vote on. */
  questions: { path: string; votes: VoteTarget[]; answerable: boolean }[]
  categories: string[]
  tags: string[]
  kbSlugs: string[]
  handles: string[]
  queries: string[]
  /** `tanya_session=…` cookies of the writers. */
  writerCookies: string[]
}

export type Crowd = { readers: number; searchers: number; writers: number }

export type RunOptions = {
  site: Site
  crowd: Crowd
  /** Requests per second offered by the whole crowd. */
  rate: number
  /** The signed-out people's Accept-Encoding (browsers: `gzip, deflate, br`). */
  acceptEncoding: string
  seconds: number
  seed: number
}

export type RunResult = {
  seconds: number
  samples: Sample[]
  /** Connection errors and timeouts, by message. */
  errors: Record<string, number>
  sends: number
  /** Requests sent more than 100 ms after their scheduled time. */
  late: number
  lateMsTotal: number
}

// ── autocannon, as far as this file uses it (it ships no types) ──────────────────────────

type Headers = Record<string, string>
type Built = { method: 'GET' | 'POST'; path: string; headers: Headers; body?: string }
type ResponseHeaders = Record<string, string | string[]>

/** What one person carries through one pass of their requests. */
type Context = {
  kind?: Kind
  page?: string
  expect?: (status: number, headers: ResponseHeaders) => string | null
  cookie?: string
  ip?: string
  question?: Site['questions'][number]
  submissionKey?: string
  visit?: string
  asked?: string
}

type CannonRequest = {
  method?: 'GET' | 'POST'
  setupRequest: (req: Built, context: Context) => Built | null
  onResponse: (status: number, body: string, context: Context, headers: ResponseHeaders) => void
}

/**
 * The connection object autocannon hands to `setupClient`. The pacing below replaces its
 * `_doRequest` (which sends the next request) and reads `conn` (the current socket) and
 * `destroyed`: autocannon 8's own names, checked when a run starts.
 */
type CannonClient = { _doRequest: () => void; destroyed: boolean; conn: object }

type CannonOptions = {
  url: string
  connections: number
  duration: number
  timeout: number
  requests: CannonRequest[]
  setupClient: (client: CannonClient) => void
}

type Tracker = PromiseLike<unknown> & {
  on(
    event: 'response',
    fn: (client: CannonClient, status: number, bytes: number, ms: number) => void,
  ): void
  on(event: 'reqError', fn: (error: Error) => void): void
}

const autocannon = require('autocannon') as (opts: CannonOptions) => Tracker

// ── Requests ─────────────────────────────────────────────────────────────────────────────

// Chrome's own request headers, so that the server does what it does for a person's browser
// (isbot says no, views are counted, pages are compressed).
const BROWSER: Headers = {
  'User-Agent':
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
  Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'Accept-Language': 'en-US,en;q=0.9,id;q=0.8',
  Connection: 'close',
}

const expectStatus =
  (want: number) =>
  (status: number): string | null =>
    status === want ? null : `expected ${want}`

/** A post must be answered with the redirect its form leads to, not one to the log-in page. */
const expectRedirect =
  (to: RegExp) =>
  (status: number, headers: ResponseHeaders): string | null => {
    if (status !== 302 && status !== 303) return 'expected a redirect'
    const location = header(headers, 'location') ?? ''
    return to.test(location) ? null : `redirected to ${location}`
  }

function header(headers: ResponseHeaders, name: string) {
  for (const [k, v] of Object.entries(headers))
    if (k.toLowerCase() === name) return Array.isArray(v) ? v[0] : v
  return null
}

/** The value of a hidden field, from a page rendered by React (attribute order as it writes). */
function hiddenField(html: string, name: string) {
  return new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1] ?? null
}

function label(context: Context, kind: Kind, page: string, expect: Context['expect']) {
  context.kind = kind
  context.page = page
  context.expect = expect
}

type Traffic = {
  /** The signed-out people's headers: a browser's, with the run's Accept-Encoding. */
  headers: Headers
  r: Random
  site: Site
  address: () => string
  question: () => Site['questions'][number]
}

function browsePage(t: Traffic): { page: string; path: string } {
  const { r, site } = t
  const x = r() * 100
  if (x < 15) return { page: 'home', path: '/' }
  if (x < 40) {
    const params = new URLSearchParams()
    const sort = r()
    if (sort < 0.25) params.set('sort', 'active')
    else if (sort < 0.5) params.set('sort', 'votes')
    if (r() < 0.3) params.set('category', pick(site.categories, r))
    else if (r() < 0.25) params.set('tag', pick(site.tags, r))
    if (r() < 0.2) params.set('status', pick(['open', 'answered', 'solved'], r))
    const p = r()
    if (p > 0.9) params.set('page', String(int(3, 5, r)))
    else if (p > 0.7) params.set('page', '2')
    const query = params.toString()
    return { page: 'list', path: query ? `/questions?${query}` : '/questions' }
  }
  if (x < 75) return { page: 'question', path: t.question().path }
  if (x < 80) return { page: 'kb home', path: '/kb' }
  if (x < 90) return { page: 'kb article', path: `/kb/${pick(site.kbSlugs, r)}` }
  if (x < 95) return { page: 'tags', path: '/tags' }
  return { page: 'profile', path: `/users/${pick(site.handles, r)}` }
}

function readerRequests(t: Traffic): CannonRequest[] {
  return [
    {
      setupRequest: (req, context) => {
        const { page, path } = browsePage(t)
        label(context, 'browse', page, expectStatus(200))
        return { ...req, path, headers: { ...t.headers, 'X-Forwarded-For': t.address() } }
      },
      onResponse,
    },
  ]
}

function searcherRequests(t: Traffic): CannonRequest[] {
  const { r, site } = t
  const popularity = zipf(site.queries.length, 1.0)
  return [
    {
      setupRequest: (req, context) => {
        context.ip = t.address()
        const params = new URLSearchParams({ q: site.queries[popularity(r)] })
        const x = r()
        if (x < 0.15) params.set('type', 'threads')
        else if (x < 0.25) params.set('category', pick(site.categories, r))
        else if (x < 0.3) params.set('solved', 'solved')
        if (r() < 0.1) params.set('page', '2')
        label(context, 'search', 'search', expectStatus(200))
        return {
          ...req,
          path: `/search?${params.toString()}`,
          headers: { ...t.headers, 'X-Forwarded-For': context.ip },
        }
      },
      onResponse,
    },
    {
      // The result they open: a question page, most often a popular one.
      setupRequest: (req, context) => {
        label(context, 'browse', 'question', expectStatus(200))
        return {
          ...req,
          path: t.question().path,
          headers: { ...t.headers, 'X-Forwarded-For': context.ip ?? t.address() },
        }
      },
      onResponse,
    },
  ]
}

function writerRequests(t: Traffic, counter: { n: number }): CannonRequest[] {
  const { r, site } = t
  const answerable = site.questions.filter((q) => q.answerable && q.votes.length > 0)
  const signedIn = (context: Context): Headers => ({
    ...BROWSER,
    Cookie: context.cookie ?? '',
    'X-Forwarded-For': context.ip ?? '',
  })
  const form = (context: Context, fields: Record<string, string>) => ({
    headers: {
      ...signedIn(context),
      'Accept-Encoding': t.headers['Accept-Encoding'],
      Origin: site.origin,
      'Sec-Fetch-Site': 'same-origin',
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(fields).toString(),
  })
  return [
    {
      // A question page, signed in: the answer form and its one-time key.
      setupRequest: (req, context) => {
        context.cookie = pick(site.writerCookies, r)
        context.ip = t.address()
        context.question = pick(answerable, r)
        label(context, 'signed-in page', 'question', expectStatus(200))
        return { ...req, path: context.question.path, headers: signedIn(context) }
      },
      onResponse: (status, body, context, headers) => {
        context.submissionKey = hiddenField(body, 'submissionKey') ?? undefined
        if (status === 200 && !context.submissionKey)
          context.expect = () => 'no submissionKey in the answer form'
        onResponse(status, body, context, headers)
      },
    },
    {
      method: 'POST',
      setupRequest: (req, context) => {
        if (!context.question || !context.submissionKey) return null
        label(context, 'post', 'answer', expectRedirect(/#answer-\d+$/))
        return {
          ...req,
          method: 'POST',
          path: context.question.path,
          ...form(context, {
            intent: 'answer',
            body: answerText(r, `load answer ${++counter.n}`),
            submissionKey: context.submissionKey,
          }),
        }
      },
      onResponse,
    },
    {
      // The redirect after the post, as the browser follows it.
      setupRequest: (req, context) => {
        if (!context.question) return null
        label(context, 'signed-in page', 'question', expectStatus(200))
        return { ...req, path: context.question.path, headers: signedIn(context) }
      },
      onResponse,
    },
    {
      method: 'POST',
      setupRequest: (req, context) => {
        if (!context.question) return null
        const target = pick(context.question.votes, r)
        label(context, 'post', 'vote', expectRedirect(/^\/questions\//))
        return {
          ...req,
          method: 'POST',
          path: context.question.path,
          ...form(context, {
            intent: 'vote',
            postType: target.postType,
            postId: String(target.postId),
            value: String(pick([1, 1, 1, 1, -1, 0], r)),
          }),
        }
      },
      onResponse,
    },
    {
      // The ask form: its ask visit is the question's one-time key.
      setupRequest: (req, context) => {
        label(context, 'signed-in page', 'ask form', expectStatus(200))
        return { ...req, path: '/ask', headers: signedIn(context) }
      },
      onResponse: (status, body, context, headers) => {
        context.visit = hiddenField(body, 'visit') ?? undefined
        if (status === 200 && !context.visit) context.expect = () => 'no visit key in the ask form'
        onResponse(status, body, context, headers)
      },
    },
    {
      method: 'POST',
      setupRequest: (req, context) => {
        if (!context.visit) return null
        label(context, 'post', 'question', expectRedirect(/^\/questions\/\d+\//))
        return {
          ...req,
          method: 'POST',
          path: '/ask',
          ...form(context, {
            intent: 'save',
            visit: context.visit,
            ...questionFields(r, `load question ${++counter.n}`),
          }),
        }
      },
      onResponse: (status, body, context, headers) => {
        context.asked = header(headers, 'location') ?? undefined
        onResponse(status, body, context, headers)
      },
    },
    {
      setupRequest: (req, context) => {
        if (!context.asked?.startsWith('/questions/')) return null
        label(context, 'signed-in page', 'question', expectStatus(200))
        return { ...req, path: context.asked, headers: signedIn(context) }
      },
      onResponse,
    },
  ]
}

/**
 * The answer being handled: autocannon calls a request's `onResponse` and then, at once and
 * for the same connection, emits `response` with the time; the second reads what the first
 * left here.
 */
let current: Omit<Sample, 'ms' | 'bytes' | 'at'> | null = null

function onResponse(status: number, _body: string, context: Context, headers: ResponseHeaders) {
  current = {
    kind: context.kind ?? 'browse',
    page: context.page ?? '?',
    status,
    cache: header(headers, 'x-page-cache'),
    problem: context.expect?.(status, headers) ?? null,
  }
}

// ── Pacing ───────────────────────────────────────────────────────────────────────────────

/** Gaps longer than this many means are drawn again: keeps a person's schedule bounded. */
const MAX_GAP_MEANS = 5
const LATE_MS = 100

type Pacing = { meanMs: number; r: Random; stats: RunResult; timers: Set<NodeJS.Timeout> }

/** Exponential gap with the given mean, truncated at MAX_GAP_MEANS means. */
function gap(meanMs: number, r: Random) {
  for (;;) {
    const g = -Math.log(1 - r()) * meanMs
    if (g <= MAX_GAP_MEANS * meanMs) return g
  }
}

/** Sockets a request went out on: the server closes each after its answer. */
const usedSockets = new WeakSet<object>()

function pace(client: CannonClient, pacing: Pacing) {
  if (typeof client._doRequest !== 'function')
    throw new Error('autocannon changed: its client has no _doRequest to pace')
  const send = client._doRequest.bind(client)
  let due = performance.now() + gap(pacing.meanMs, pacing.r)
  let timer: NodeJS.Timeout | null = null
  const fire = (since: number) => {
    timer = null
    if (client.destroyed) return
    // The server closes the socket after each answer and autocannon opens the next one when
    // it sees that; wait for it rather than send on a closing socket.
    if (usedSockets.has(client.conn) && performance.now() - since < 2_000) {
      arm(5, since)
      return
    }
    const lateBy = performance.now() - due
    pacing.stats.sends++
    if (lateBy > LATE_MS) {
      pacing.stats.late++
      pacing.stats.lateMsTotal += lateBy
    }
    due += gap(pacing.meanMs, pacing.r)
    usedSockets.add(client.conn)
    send()
  }
  const arm = (ms: number, since: number) => {
    if (timer) pacing.timers.delete(timer)
    timer = setTimeout(() => fire(since), ms)
    pacing.timers.add(timer)
  }
  // autocannon calls this after each answer and whenever it (re)connects; one request at a
  // time, at the person's next scheduled moment.
  client._doRequest = () => {
    if (timer || client.destroyed) return
    const now = performance.now()
    arm(Math.max(0, due - now), now)
  }
}

// ── A run ────────────────────────────────────────────────────────────────────────────────

/** The crowd at `rate` requests per second for `seconds`; every answer recorded. */
export async function drive(opts: RunOptions): Promise<RunResult> {
  const { site, crowd, rate, seconds } = opts
  const users = crowd.readers + crowd.searchers + crowd.writers
  const meanMs = (users / rate) * 1000
  const r = rng(opts.seed)
  const popularQuestion = zipf(site.questions.length, 0.9)
  const traffic: Traffic = {
    headers: { ...BROWSER, 'Accept-Encoding': opts.acceptEncoding },
    r,
    site,
    // Each person has an address, seen by the server through X-Forwarded-For (TRUST_PROXY):
    // views are counted per visitor, as they would be for people on their own connections.
    address: () => {
      const k = int(1, users, r)
      return `198.18.${k >> 8}.${k & 255}`
    },
    question: () => site.questions[popularQuestion(r)],
  }
  const result: RunResult = {
    seconds,
    samples: [],
    errors: {},
    sends: 0,
    late: 0,
    lateMsTotal: 0,
  }
  const pacing: Pacing = { meanMs, r, stats: result, timers: new Set() }
  const counter = { n: opts.seed * 100_000 }
  const started = performance.now()
  // A person's longest gap plus the longest answer we would still wait for; autocannon's
  // timer runs from the previous request, so it must cover the gap too.
  const timeout = Math.ceil((MAX_GAP_MEANS * meanMs) / 1000 + 30)

  const groups: [number, CannonRequest[]][] = [
    [crowd.readers, readerRequests(traffic)],
    [crowd.searchers, searcherRequests(traffic)],
    [crowd.writers, writerRequests(traffic, counter)],
  ]
  const runs = groups
    .filter(([connections]) => connections > 0)
    .map(([connections, requests]) => {
      const tracker = autocannon({
        url: site.origin,
        connections,
        duration: seconds,
        timeout,
        requests,
        setupClient: (client) => pace(client, pacing),
      })
      tracker.on('response', (_client, status, bytes, ms) => {
        const c = current
        current = null
        result.samples.push({
          kind: c?.kind ?? 'browse',
          page: c?.page ?? '?',
          status,
          ms,
          bytes,
          at: (performance.now() - started) / 1000,
          cache: c?.cache ?? null,
          problem: c ? c.problem : 'answer without a request',
        })
      })
      tracker.on('reqError', (error) => {
        const key = error.message || String(error)
        result.errors[key] = (result.errors[key] ?? 0) + 1
      })
      return tracker
    })
  await Promise.all(runs)
  for (const t of pacing.timers) clearTimeout(t)
  result.seconds = (performance.now() - started) / 1000
  return result
}
