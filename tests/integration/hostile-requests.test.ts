import http from 'node:http'
import { matchRoutes } from '@remix-run/react'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { rawRequest, startApp, type RunningApp } from '../setup/app'
import { routeTable, seedSite, sessionCookie, urlFor, type Site } from '../setup/site'

// Requests nobody's browser sends, each of which once answered 500. The whole app runs here
// (server.ts in front of the Remix build); a 500 would also log an error, which fails the test
// by itself (tests/setup/console.ts).

vi.mock('~/modules/search/kb-index.server', () => ({
  scheduleKbIndexRebuild: vi.fn(() => Promise.resolve()),
}))

let app: RunningApp
let site: Site

beforeAll(async () => {
  app = await startApp()
})
afterAll(() => app.close())
beforeEach(async () => {
  site = await seedSite()
})

const SAME_ORIGIN = () => ({ Origin: app.url, 'Sec-Fetch-Site': 'same-origin' })

describe('a body that is not a form', () => {
  const bodies: [string, Record<string, string>, string][] = [
    ['JSON', { 'Content-Type': 'application/json' }, '{"email":"a@b.c","password":"x"}'],
    ['plain text', { 'Content-Type': 'text/plain' }, 'email=a@b.c'],
    ['XML', { 'Content-Type': 'application/xml' }, '<login><email>a@b.c</email></login>'],
    ['no type at all', {}, ''],
  ]

  it.each(bodies)('%s to /login: 415 and the page with its message', async (_, type, body) => {
    const res = await fetch(`${app.url}/login`, {
      method: 'POST',
      headers: { ...SAME_ORIGIN(), ...type },
      body: body || undefined,
    })
    expect(res.status).toBe(415)
    const html = await res.text()
    expect(html).toContain('That was not sent from our form')
    // The whole page, with the site around the message.
    expect(html).toContain('Skip to content')
  })

  it('415 for a client-side data request too', async () => {
    const res = await fetch(`${app.url}/login?_data=routes%2Flogin`, {
      method: 'POST',
      headers: { ...SAME_ORIGIN(), 'Content-Type': 'application/json' },
      body: '{}',
    })
    expect(res.status).toBe(415)
    expect(res.headers.get('x-remix-catch')).toBe('yes')
  })

  it('a multipart body that breaks off: 400, for documents and data requests', async () => {
    for (const query of ['', '?_data=routes%2Flogin']) {
      const res = await fetch(`${app.url}/login${query}`, {
        method: 'POST',
        headers: { ...SAME_ORIGIN(), 'Content-Type': 'multipart/form-data; boundary=xyz' },
        body: '--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\nunfinished',
      })
      expect(res.status).toBe(400)
    }
  })

  it('every action, signed in with every right, answers JSON with a 4xx, never a 500', async () => {
    const cookie = await sessionCookie(site.users.admin)
    const routes = (await routeTable()).filter((r) => r.hasAction)
    expect(routes.length).toBeGreaterThan(5)
    for (const route of routes) {
      const res = await fetch(`${app.url}${urlFor(route.pattern, site)}`, {
        method: 'POST',
        headers: { ...SAME_ORIGIN(), Cookie: cookie, 'Content-Type': 'application/json' },
        body: '{"intent":"answer","body":"hello"}',
        redirect: 'manual',
      })
      // Logging out and marking notifications read read no form: they answer with a redirect.
      expect([302, 415], `${route.id}: ${res.status}`).toContain(res.status)
    }
  })

  it('a real form still goes through', async () => {
    const res = await fetch(`${app.url}/login`, {
      method: 'POST',
      headers: SAME_ORIGIN(),
      body: new URLSearchParams({ email: site.users.member.email, password: 'wrong password' }),
    })
    expect(res.status).toBe(401)
    const html = await res.text()
    expect(html).toContain('do not match an account')
    // What was typed comes back.
    expect(html).toContain(`value="${site.users.member.email}"`)
  })
})

describe('a form the action never reads', () => {
  it('leaves the connection usable for the next request', async () => {
    // One kept-alive connection: a signed-out post is redirected to the log-in page before its
    // body is read, and the next request travels on the same socket.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    const send = (method: string, path: string, body = '') =>
      new Promise<{ status: number; socket: unknown }>((resolve, reject) => {
        const req = http.request(
          `${app.url}${path}`,
          {
            method,
            agent,
            headers: {
              ...SAME_ORIGIN(),
              ...(body ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
            },
          },
          (res) => {
            res.resume()
            res.on('end', () => resolve({ status: res.statusCode ?? 0, socket: req.socket }))
          },
        )
        req.on('error', reject)
        req.end(body)
      })
    try {
      const first = await send('POST', '/notifications', `markdown=${'x'.repeat(300_000)}`)
      expect(first.status).toBe(302)
      const second = await send('GET', '/healthz')
      expect(second.status).toBe(200)
      expect(second.socket).toBe(first.socket)
    } finally {
      agent.destroy()
    }
  })
})

describe('malformed percent-encoding in the path', () => {
  it.each(['/%', '/questions/%E0%A4%A/x', '/kb/%zz'])(
    'GET %s: 400 with a plain page and no stack trace',
    async (target) => {
      const res = await rawRequest(app.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1`)
      expect(res.status).toBe(400)
      expect(res.text).toContain('That request did not make sense')
      expect(res.text).not.toMatch(/URIError|at .*\.js/)
    },
  )
})

describe('a cookie with a stray %', () => {
  it('is ignored, and the session cookie beside it still signs the person in', async () => {
    const session = await sessionCookie(site.users.member)
    for (const cookie of [`_ga=100%; ${session}`, `${session}; _ga=100%`, `_ga=100%;${session}`]) {
      const res = await fetch(`${app.url}/`, { headers: { Cookie: cookie } })
      expect(res.status).toBe(200)
      expect(await res.text()).toContain(`href="/users/${site.users.member.handle}"`)
    }
  })

  it('alone: the page is served as to anyone signed out', async () => {
    const res = await fetch(`${app.url}/questions`, { headers: { Cookie: '_ga=100%' } })
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('href="/login')
  })
})

describe('unusual request lines', () => {
  it('OPTIONS * is answered with the methods we take', async () => {
    const res = await rawRequest(app.port, 'OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1')
    expect(res.status).toBe(204)
    expect(res.text).toMatch(/^Allow: GET, HEAD, POST, OPTIONS$/im)
  })

  it('OPTIONS on a page too, without running its action or logging an error', async () => {
    const res = await fetch(`${app.url}/login`, { method: 'OPTIONS' })
    expect(res.status).toBe(204)
    expect(res.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS')
  })

  it('a method no page uses is a 405', async () => {
    const res = await fetch(`${app.url}/login`, { method: 'PROPFIND', headers: SAME_ORIGIN() })
    expect(res.status).toBe(405)
  })

  it('an absolute-form target naming another host is refused', async () => {
    const res = await rawRequest(
      app.port,
      `GET http://evil.example/ HTTP/1.1\r\nHost: evil.example`,
    )
    expect(res.status).toBe(400)
    expect(res.text).toContain('does not forward requests')
  })

  it('an absolute-form target naming this site is served', async () => {
    const host = new URL(app.url).host
    const res = await rawRequest(app.port, `GET ${app.url}/questions HTTP/1.1\r\nHost: ${host}`)
    expect(res.status).toBe(200)
    expect(res.text).toContain('My V60 coffee tastes sour every morning')
  })

  it('a data request for a route that is not there is answered, not logged as a failure', async () => {
    // A logged error would fail this test (tests/setup/console.ts).
    const res = await fetch(`${app.url}/questions?_data=routes%2F..%2Fnothing`)
    expect(res.status).toBe(403)
  })

  it('a target that is neither a path nor a URL is refused', async () => {
    const res = await rawRequest(app.port, 'GET questions HTTP/1.1\r\nHost: 127.0.0.1')
    expect(res.status).toBe(400)
  })
})

describe('the route table', () => {
  it('gives a moderator a 404 for /kb/candidates/edit and /revisions, and keeps every page', async () => {
    const cookie = await sessionCookie(site.users.moderator)
    const status = async (path: string) =>
      (await fetch(`${app.url}${path}`, { headers: { Cookie: cookie }, redirect: 'manual' })).status
    expect(await status('/kb/candidates/edit')).toBe(404)
    expect(await status('/kb/candidates/revisions')).toBe(404)
    expect(await status('/kb/candidates/nonsense/more')).toBe(404)
    expect(await status('/kb/candidates')).toBe(200)
    expect(await status(`/kb/candidates/${site.candidateId}`)).toBe(200)
    expect(await status(`/kb/${site.articleSlug}`)).toBe(200)
    expect(await status(`/kb/${site.articleSlug}/edit`)).toBe(200)
    expect(await status(`/kb/${site.articleSlug}/revisions`)).toBe(200)
    expect(await status('/kb/new')).toBe(200)
    expect(await status('/kb/review')).toBe(200)
  })

  it('matches every URL two patterns share to one route, whatever order the routes are in', async () => {
    // The server and the renderer each rank the routes; on a tie, the order they were listed
    // in decides, and the two can disagree (that was the 500). For every pair of patterns that
    // can match the same URL, build such a URL and match it with the routes in both orders.
    const routes = (await routeTable()).map((r) => ({ id: r.id, path: r.pattern, index: r.index }))
    const expand = (pattern: string): string[][] => {
      const parts = pattern.split('/').filter(Boolean)
      const optional = parts.findIndex((p) => p.endsWith('?'))
      if (optional < 0) return [parts]
      const without = [...parts.slice(0, optional), ...parts.slice(optional + 1)]
      const withIt = parts.map((p, i) => (i === optional ? p.slice(0, -1) : p))
      return [...expand(`/${without.join('/')}`), ...expand(`/${withIt.join('/')}`)]
    }
    // A URL both segment lists match, or null when they cannot meet.
    const shared = (a: string[], b: string[]): string | null => {
      const segments: string[] = []
      for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const [x, y] = [a[i], b[i]]
        if (x === '*' || y === '*') {
          const rest = (x === '*' ? b : a).slice(i).filter((s) => s !== '*')
          return `/${[...segments, ...rest.map((s) => (s.startsWith(':') ? 'x' : s)), 'x'].join('/')}`
        }
        if (x === undefined || y === undefined) return null
        if (x.startsWith(':') && y.startsWith(':')) segments.push('x')
        else if (x.startsWith(':')) segments.push(y)
        else if (y.startsWith(':')) segments.push(x)
        else if (x === y) segments.push(x)
        else return null
      }
      return `/${segments.join('/')}`
    }
    let pairs = 0
    for (const [i, a] of routes.entries())
      for (const b of routes.slice(i + 1))
        for (const pa of expand(a.path))
          for (const pb of expand(b.path)) {
            const url = shared(pa, pb)
            if (url === null) continue
            pairs++
            const leaf = (list: typeof routes) => matchRoutes(list, url)?.at(-1)?.route.id
            expect(leaf(routes), url).toBe(leaf([...routes].reverse()))
          }
    // The check did look at overlapping patterns (every path overlaps the catch-all, for one).
    expect(pairs).toBeGreaterThan(routes.length)
  })
})
