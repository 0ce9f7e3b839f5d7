import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { answers } from '../../db/schema'
import { sqlite, db } from '~/utils/db.server'
import { closeServer, startApp, type RunningApp } from '../setup/app'
import { TEST_PASSWORD } from '../factories'
import { seedSite, sessionCookie, type Site } from '../setup/site'

vi.mock('~/modules/search/kb-index.server', () => ({
  scheduleKbIndexRebuild: vi.fn(() => Promise.resolve()),
}))

// The app behind a real reverse proxy on loopback, as it runs behind nginx or a load
// balancer that terminates TLS for https://tanya.example: the proxy rewrites Host to its
// upstream's address and appends the address it was connected from to X-Forwarded-For. It
// connects to the app from 127.0.0.3, so that it is not mistaken for the client (127.0.0.1)
// when TRUST_PROXY lists addresses.
const PROXY_ADDRESS = '127.0.0.3'

const PUBLIC = 'https://tanya.example'

/** A few lines of reverse proxy. */
async function startProxy(upstreamPort: number) {
  const proxy = http.createServer((req, res) => {
    const forwardedFor = [req.headers['x-forwarded-for'], req.socket.remoteAddress]
      .filter(Boolean)
      .join(', ')
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: upstreamPort,
        localAddress: PROXY_ADDRESS,
        method: req.method,
        path: req.url,
        headers: {
          ...req.headers,
          host: `127.0.0.1:${upstreamPort}`,
          'x-forwarded-for': forwardedFor,
          'x-forwarded-proto': 'https',
        },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    upstream.on('error', () => res.writeHead(502).end())
    req.pipe(upstream)
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    close: () => closeServer(proxy),
  }
}

let app: RunningApp
let proxy: Awaited<ReturnType<typeof startProxy>>
let site: Site

async function start(env: Record<string, string>) {
  app = await startApp({ BASE_URL: PUBLIC, ...env })
  proxy = await startProxy(app.port)
}

beforeEach(async () => {
  site = await seedSite()
})
afterEach(async () => {
  await proxy?.close()
  await app?.close()
})

/** A form post as a browser on https://tanya.example sends it, through the proxy. */
function post(path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${proxy.url}${path}`, {
    method: 'POST',
    headers: { Origin: PUBLIC, 'Sec-Fetch-Site': 'same-origin', ...headers },
    body: new URLSearchParams(form),
    redirect: 'manual',
  })
}

describe('behind a proxy that rewrites Host', () => {
  beforeEach(() => start({ TRUST_PROXY: '1' }))

  it('logs in with a form sent without JavaScript, and with a data request alike', async () => {
    const credentials = { email: site.users.member.email, password: TEST_PASSWORD }
    const page = await post('/login', credentials)
    expect(page.status).toBe(302)
    expect(page.headers.get('location')).toBe('/')
    expect(page.headers.get('set-cookie')).toContain('tanya_session=')

    const data = await post('/login?_data=routes%2Flogin', credentials)
    expect(data.status).toBe(204)
    expect(data.headers.get('x-remix-redirect')).toBe('/')
    expect(data.headers.get('set-cookie')).toContain('tanya_session=')
  })

  it('shows a wrong password on the page, for both kinds of post', async () => {
    const credentials = { email: site.users.member.email, password: 'not the password' }
    const page = await post('/login', credentials)
    expect(page.status).toBe(401)
    expect(await page.text()).toContain('do not match an account')
    const data = await post('/login?_data=routes%2Flogin', credentials)
    expect(data.status).toBe(401)
    expect(await data.json()).toMatchObject({ fieldErrors: { form: /do not match/ } })
  })

  it('saves an answer posted either way, and links to it on the public origin', async () => {
    const cookie = await sessionCookie(site.users.helper)
    const page = await post(
      site.questionPath,
      { intent: 'answer', body: 'Posted without JavaScript, through the proxy.' },
      { Cookie: cookie },
    )
    expect(page.status).toBe(302)
    const data = await post(
      `${site.questionPath}?_data=${encodeURIComponent('routes/questions.$questionId.($slug)')}`,
      { intent: 'answer', body: 'Posted by the enhanced form, through the proxy.' },
      { Cookie: cookie },
    )
    expect(data.status).toBe(204)
    const bodies = db.select({ body: answers.bodyMd }).from(answers).all()
    expect(bodies.map((b) => b.body)).toEqual(
      expect.arrayContaining([
        'Posted without JavaScript, through the proxy.',
        'Posted by the enhanced form, through the proxy.',
      ]),
    )
    // Pages are rendered for the public origin, not the address the proxy used.
    const html = await (await fetch(`${proxy.url}${site.questionPath}`)).text()
    expect(html).not.toContain(`127.0.0.1:${app.port}`)
  })

  it('refuses a post from another site, whatever Host the proxy passed on', async () => {
    const res = await post(
      '/login',
      { email: 'a@b.c', password: 'x' },
      { Origin: 'https://evil.example' },
    )
    expect(res.status).toBe(403)
    const own = await post(
      '/login',
      { email: 'a@b.c', password: 'x' },
      { Origin: `http://127.0.0.1:${app.port}` },
    )
    expect(own.status).toBe(403)
  })
})

describe('the per-address log-in limit behind a proxy', () => {
  /**
   * Wrong passwords for a new e-mail each time (so only the per-address limit can stop them),
   * with a different X-Forwarded-For from the client each time when `rotate`; how many were
   * answered before the first refusal, of `attempts`.
   */
  async function guessesBeforeRefusal(attempts: number, rotate: boolean) {
    sqlite.prepare('delete from rate_limits').run()
    for (let i = 0; i < attempts; i++) {
      const res = await post(
        '/login',
        { email: `guess${i}@example.test`, password: 'not the password' },
        rotate ? { 'X-Forwarded-For': `198.51.100.${i % 250}` } : {},
      )
      if (res.status === 429) return i
      expect(res.status).toBe(401)
    }
    return attempts
  }

  it.each([
    ['one trusted hop', '1'],
    ['"true", which now means one hop', 'true'],
    ["the proxy's address", PROXY_ADDRESS],
    ['subnets, one holding the proxy', '127.0.0.2/31, 10.0.0.0/8'],
  ])(
    'with %s, a rotating X-Forwarded-For does not buy a new address per request',
    async (_, trust) => {
      await start({ TRUST_PROXY: trust })
      const honest = await guessesBeforeRefusal(45, false)
      expect(honest).toBeLessThan(45)
      expect(await guessesBeforeRefusal(45, true)).toBe(honest)
    },
  )
})
