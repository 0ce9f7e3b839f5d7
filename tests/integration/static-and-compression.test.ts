import http from 'node:http'
import { readdirSync } from 'node:fs'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startApp, type RunningApp } from '../setup/app'
import { seedSite } from '../setup/site'

// What server.ts puts in front of the pages: compression and the public files.

vi.mock('~/modules/search/kb-index.server', () => ({
  scheduleKbIndexRebuild: vi.fn(() => Promise.resolve()),
}))

let app: RunningApp

beforeAll(async () => {
  app = await startApp()
  await seedSite()
})
afterAll(() => app.close())

/** The response as it came over the wire, not decoded. */
function rawGet(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      http
        .get(`${app.url}${path}`, { headers }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () =>
            resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
          )
        })
        .on('error', reject)
    },
  )
}

describe('compression', () => {
  it('answers a browser with Brotli at its fast setting', async () => {
    const res = await rawGet('/', { 'Accept-Encoding': 'gzip, deflate, br' })
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    const html = zlib.brotliDecompressSync(res.body)
    expect(html.toString()).toContain('<html')
    const at = (quality: number) =>
      zlib.brotliCompressSync(html, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality } })
        .length
    // Quality 1's output is much larger than quality 4's on a page; the response is quality 1's.
    expect(Math.abs(res.body.length - at(1))).toBeLessThan(Math.abs(res.body.length - at(4)))
  })

  it('gzips for a client that asks for gzip only', async () => {
    const res = await rawGet('/', { 'Accept-Encoding': 'gzip' })
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(res.body).toString()).toContain('<html')
  })
})

describe('public files', () => {
  it('serves the files in public/ by their names, for an hour', async () => {
    const names = readdirSync('public').filter((name) => name !== 'build')
    expect(names.length).toBeGreaterThan(0)
    for (const name of names) {
      const res = await rawGet(`/${name}`)
      expect(res.status, name).toBe(200)
      expect(res.headers['cache-control'], name).toBe('public, max-age=3600')
    }
  })

  it('serves the fingerprinted build for a year', async () => {
    const entry = readdirSync('public/build').find((name) => name.startsWith('entry.client-'))!
    const res = await rawGet(`/build/${entry}`)
    expect(res.status).toBe(200)
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('leaves every other address to the pages: a name that is no file gets the 404 page', async () => {
    const res = await rawGet('/fallback.css.map')
    expect(res.status).toBe(404)
    expect(res.headers['content-type']).toMatch(/^text\/html/)
  })
})
