import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkOrigin, limitBodySize, MAX_BODY_BYTES } from '~/utils/request-guards.server'

const SITE = 'https://tanya.example'
let base = ''
let close: () => void

beforeAll(async () => {
  const app = express()
  app.use(limitBodySize())
  app.use(checkOrigin(SITE))
  app.all('*', (_req, res) => res.send('reached'))
  const server = app.listen(0)
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})

afterAll(() => close())

const post = (headers: Record<string, string>, body = 'a=1') =>
  fetch(`${base}/ask`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body,
  })

describe('origin check on every non-GET request', () => {
  it('lets reads through whatever their origin', async () => {
    expect((await fetch(`${base}/`, { headers: { Origin: 'https://evil.example' } })).status).toBe(
      200,
    )
  })

  it('accepts a form from the site origin (BASE_URL)', async () => {
    expect((await post({ Origin: SITE, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200)
    expect((await post({ Origin: SITE })).status).toBe(200)
    expect((await post({ 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200)
  })

  it('does not take the Host header for the site: a proxy or a forger chooses it', async () => {
    // The origin of the Host the request arrived with, which is not BASE_URL's.
    expect((await post({ Origin: base, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(403)
  })

  it('refuses a form posted from another site with a page that says why', async () => {
    const res = await post({ Origin: 'https://evil.example' })
    expect(res.status).toBe(403)
    expect(await res.text()).toContain('sent from another site')
    expect((await post({ Origin: SITE, 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403)
    expect((await post({ 'Sec-Fetch-Site': 'same-site' })).status).toBe(403)
  })

  it('refuses a state change that carries neither Origin nor Sec-Fetch-Site', async () => {
    expect((await post({})).status).toBe(403)
  })
})

describe('request size limit', () => {
  it('answers 413 for a body over the limit before reading it', async () => {
    const res = await post({ Origin: SITE }, 'a='.padEnd(MAX_BODY_BYTES + 10, 'x'))
    expect(res.status).toBe(413)
    expect(await res.text()).toContain('30,000 characters')
  })

  it('accepts a body just under the limit', async () => {
    expect((await post({ Origin: SITE }, 'a='.padEnd(MAX_BODY_BYTES - 10, 'x'))).status).toBe(200)
  })
})
