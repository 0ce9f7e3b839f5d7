import crypto from 'node:crypto'
import net, { type AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { searchEvents } from '../../db/schema'
import { RESULT_COUNT_HEADER, searchPageRoute } from '~/utils/search-page-cache.server'
import { setClock } from '~/utils/clock.server'
import { db, write } from '~/utils/db.server'
import { chooseEncoding, createPageCache } from '~/utils/page-cache.server'
import { TEST_EPOCH } from '../setup/integration'

// A real Express stack in front of a page that says how often it was rendered, with the nonce
// the way server.ts hands it out (one per response), and the page cache in between.
let base = ''
let close: () => void
let renders = 0
const cache = createPageCache({ ttlMs: 60_000, routes: [searchPageRoute, { path: '/page' }] })

beforeAll(async () => {
  const app = express()
  app.use((_req, res, next) => {
    const nonce = crypto.randomBytes(16).toString('base64')
    res.locals.cspNonce = nonce
    res.setHeader(
      'Content-Security-Policy',
      `default-src 'self'; script-src 'self' 'nonce-${nonce}'`,
    )
    next()
  })
  app.use(cache.middleware)
  app.get('/page', (req, res) => {
    renders++
    if (req.query.cookie) res.setHeader('Set-Cookie', 'flash=1')
    if (req.query.status) res.status(Number(req.query.status))
    const nonce = res.locals.cspNonce as string
    res.type('html')
    // Streamed in parts, as React streams a document.
    res.write(`<html><script nonce="${nonce}">window.n = "${nonce}"</script>`)
    res.end(`<p>render ${renders}</p></html>`)
  })
  app.get('/search', (_req, res) => {
    renders++
    res.setHeader(RESULT_COUNT_HEADER, '7')
    res.type('html').send(`<p>results, render ${renders}</p>`)
  })
  const server = app.listen(0)
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})

afterAll(() => close())

beforeEach(() => {
  cache.clear()
  renders = 0
})

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36'
async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, { headers: { 'User-Agent': BROWSER, ...headers } })
  return {
    status: res.status,
    cache: res.headers.get('x-page-cache'),
    csp: res.headers.get('content-security-policy'),
    encoding: res.headers.get('content-encoding'),
    body: await res.text(),
  }
}
/** A GET with the Host header given, through a bare socket; the response head and body. */
function rawGet(path: string, host: string) {
  return new Promise<string>((resolve, reject) => {
    const { port } = new URL(base)
    const socket = net.connect(Number(port), '127.0.0.1', () =>
      socket.end(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    )
    let text = ''
    socket.on('data', (d) => (text += d.toString()))
    socket.on('end', () => resolve(text))
    socket.on('error', reject)
  })
}
const nonceIn = (body: string) => /nonce="([^"]+)"/.exec(body)?.[1]

describe('page cache for signed-out visitors', () => {
  it('renders a page once and serves the same bytes again, its inline scripts allowed by their hashes', async () => {
    const first = await get('/page?q=1')
    const second = await get('/page?q=1')
    expect(first.cache).toBe('miss')
    expect(second.cache).toBe('hit')
    expect(renders).toBe(1)
    expect(second.body).toBe(first.body)
    const nonce = nonceIn(first.body)!
    expect(first.csp).toContain(`'nonce-${nonce}'`)
    // the stored page's script, and nothing else inline, may run: no nonce is honoured
    const hash = crypto.createHash('sha256').update(`window.n = "${nonce}"`).digest('base64')
    expect(second.csp).toBe(`default-src 'self'; script-src 'self' 'sha256-${hash}'`)
    expect(second.csp).not.toContain('nonce-')
  })

  it('sends a stored page compressed as the reader accepts, compressing it once', async () => {
    const plain = await get('/page?q=2', { 'Accept-Encoding': 'identity' })
    const br = await get('/page?q=2', { 'Accept-Encoding': 'gzip, deflate, br' })
    const gzip = await get('/page?q=2', { 'Accept-Encoding': 'gzip;q=1, br;q=0' })
    const none = await get('/page?q=2', { 'Accept-Encoding': 'identity' })
    expect([plain.encoding, br.encoding, gzip.encoding, none.encoding]).toEqual([
      null,
      'br',
      'gzip',
      null,
    ])
    for (const page of [br, gzip, none])
      expect(page).toMatchObject({ cache: 'hit', body: plain.body })
    expect(chooseEncoding(undefined)).toBeNull()
    expect(chooseEncoding('*')).toBe('br')
    expect(chooseEncoding('br;q=0.5, gzip')).toBe('gzip')
    expect(chooseEncoding('deflate')).toBeNull()
  })

  it('keeps each address apart, host included', async () => {
    await get('/page?q=1')
    const other = await get('/page?q=2')
    expect(other.cache).toBe('miss')
    expect(renders).toBe(2)
    // Node's fetch will not forge a Host header; a raw request can.
    const forged = await rawGet('/page?q=1', 'evil.example')
    expect(forged).toContain('X-Page-Cache: miss')
    expect(renders).toBe(3)
  })

  it('never stores or serves a request that carries a cookie', async () => {
    await get('/page', { Cookie: 'tanya_session=abc' })
    expect((await get('/page', { Cookie: 'tanya_session=abc' })).cache).toBeNull()
    expect((await get('/page')).cache).toBe('miss')
    expect(renders).toBe(3)
  })

  it('does not store a page that sets a cookie or is not a 200', async () => {
    await get('/page?cookie=1')
    await get('/page?cookie=1')
    await get('/page?status=404')
    await get('/page?status=404')
    expect(renders).toBe(4)
  })

  it('drops every page when content changes, but not for a log write', async () => {
    await get('/page')
    write((tx) => tx.insert(searchEvents).values({ kind: 'search', query: 'x' }).run(), {
      pagesUnchanged: true,
    })
    expect((await get('/page')).cache).toBe('hit')
    write((tx) => tx.insert(searchEvents).values({ kind: 'search', query: 'y' }).run())
    const after = await get('/page')
    expect(after.cache).toBe('miss')
    expect(after.body).toContain('render 2')
  })

  it('expires a page after its time, on the clock tests move', async () => {
    await get('/page')
    setClock(new Date(TEST_EPOCH.getTime() + 59_000))
    expect((await get('/page')).cache).toBe('hit')
    setClock(new Date(TEST_EPOCH.getTime() + 61_000))
    expect((await get('/page')).cache).toBe('miss')
  })

  it('logs every search it answers, as the search page would, but not a crawler’s', async () => {
    await get('/search?q=refund+gopay') // rendered: the route itself logs this one
    await get('/search?q=refund+gopay')
    await get('/search?q=refund+gopay&page=2')
    await get('/search?q=refund+gopay&page=2')
    await get('/search?q=refund+gopay', { 'User-Agent': 'Googlebot/2.1' })
    const logged = db.select().from(searchEvents).all()
    expect(logged.map((e) => [e.kind, e.query, e.resultCount, e.userId])).toEqual([
      ['search', 'refund gopay', 7, null],
    ])
    expect(renders).toBe(2)
  })
})
