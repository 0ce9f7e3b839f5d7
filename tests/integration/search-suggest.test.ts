import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createAnswer } from '~/modules/answers/answers.server'
import { hideQuestion } from '~/modules/moderation/posts.server'
import { ensureKbIndexFresh } from '~/modules/search/kb-index.server'
import { runSearchMaintenance } from '~/modules/search/search-maintenance.server'
import type { QuickSuggestions } from '~/modules/search/validation'
import { loader } from '~/routes/search_.suggest'
import type { Actor } from '~/modules/policy/policy'
import { callRoute, context, makeQuestion, makeUser, request } from '../factories'
import { publishArticle, useTestKbIndex } from '../setup/kb'
import { startApp, type RunningApp } from '../setup/app'
import { sessionCookie } from '../setup/site'

async function suggest(
  q: string | string[],
  { user = null, language }: { user?: Actor | null; language?: 'en' | 'id' } = {},
) {
  const params = new URLSearchParams()
  for (const one of Array.isArray(q) ? q : [q]) params.append('q', one)
  const req = await request(`/search/suggest?${params.toString()}`, user, {
    headers: language ? { 'Accept-Language': language } : {},
  })
  return callRoute(loader, { request: req, params: {}, context })
}

async function suggestions(q: string, options: Parameters<typeof suggest>[1] = {}) {
  const res = await suggest(q, options)
  expect(res.status).toBe(200)
  return (await res.json()) as QuickSuggestions
}

const titles = (s: QuickSuggestions) => [...s.kb, ...s.threads].map((i) => i.title)

beforeEach(async () => {
  await runSearchMaintenance()
  useTestKbIndex('quick')
})

describe('header suggestions while typing (/search/suggest)', () => {
  it('matches the last word as a prefix: “gopa” lists the GoPay article and thread, titles marked', async () => {
    const asker = await makeUser()
    const id = await makeQuestion(asker, {
      title: 'Refund to GoPay is late',
      body: 'The order was cancelled on Monday and nothing came back.',
    })
    await makeQuestion(asker, { title: 'Grinder is noisy', body: 'It squeaks at fine settings.' })
    await publishArticle('Refunds to GoPay and OVO', 'How long a refund to an e-wallet takes.')
    const found = await suggestions('gopa')
    expect(found.kb.map((a) => a.title)).toEqual(['Refunds to GoPay and OVO'])
    expect(found.threads.map((t) => [t.type, t.id])).toEqual([['question', id]])
    expect(found.threads[0].titleHtml).toBe('Refund to <mark>GoPay</mark> is late')
    // Every word but the last must be whole: "refund gopa" still finds it, "grinder gopa" not.
    expect(titles(await suggestions('refund gopa'))).toContain('Refund to GoPay is late')
    expect((await suggestions('grinder gopa')).threads).toEqual([])
  })

  it('never lists a private or hidden question, for anyone', async () => {
    const asker = await makeUser()
    const moderator = await makeUser({ role: 'moderator' })
    await makeQuestion(asker, {
      title: 'GoPay refund for order 5521',
      body: 'My order number is 5521, the refund is missing.',
      visibility: 'private',
    })
    const hidden = await makeQuestion(asker, {
      title: 'GoPay promo scam link',
      body: 'Click here for free GoPay balance.',
    })
    hideQuestion(moderator, hidden, { reason: 'spam', note: '' })
    const visible = await makeQuestion(asker, {
      title: 'GoPay payment failed',
      body: 'The app says the payment failed but my balance went down.',
    })
    for (const user of [null, asker, moderator, await makeUser({ role: 'staff' })]) {
      const found = await suggestions('gopa', { user })
      expect(found.threads.map((t) => t.id)).toEqual([visible])
    }
  })

  it('works in Indonesian, by stems and synonyms, with its messages in the reader’s language', async () => {
    const helper = await makeUser({ role: 'helper' })
    const id = await makeQuestion(await makeUser(), {
      title: 'Paket saya belum sampai',
      body: 'Sudah lima hari sejak dikirim, resi tidak bergerak.',
    })
    await createAnswer(helper, id, 'Coba cek nomor resi di situs kurir.')
    await publishArticle(
      'Melacak paket dan nomor resi',
      'Cara melihat posisi paket di situs kurir.',
    )
    const found = await suggestions('paket belum sam', { language: 'id' })
    expect(found.threads.map((t) => t.id)).toEqual([id])
    // "parcel" is a synonym of "paket", "tracking number" of "nomor resi".
    expect(titles(await suggestions('parcel'))).toEqual(
      expect.arrayContaining(['Melacak paket dan nomor resi', 'Paket saya belum sampai']),
    )
    expect(titles(await suggestions('tracking number'))).toContain('Melacak paket dan nomor resi')
    const refused = await suggest('x'.repeat(201), { language: 'id' })
    expect(refused.status).toBe(400)
    expect(await refused.json()).toEqual({ error: 'Kata pencarian paling panjang 200 karakter' })
  })

  it('refuses a q longer than the box holds, or several, with a 400 and a message', async () => {
    const long = await suggest('gopay '.repeat(40))
    expect(long.status).toBe(400)
    expect(long.headers.get('Cache-Control')).toBe('no-store')
    expect(await long.json()).toEqual({ error: 'A search is at most 200 characters' })
    const several = await suggest(['gopay', 'ovo'])
    expect(several.status).toBe(400)
    expect(await several.json()).toEqual({ error: 'Give one search (q), not several' })
    // Exactly as long as the box allows is fine.
    expect((await suggest('g'.repeat(200))).status).toBe(200)
  })

  it('suggests nothing for one letter or none, and may be kept by the browser for seconds', async () => {
    await makeQuestion(await makeUser(), { title: 'Grinder is noisy', body: 'It squeaks.' })
    expect(await suggestions('g')).toEqual({ q: 'g', kb: [], threads: [] })
    expect(await suggestions('  ')).toEqual({ q: '', kb: [], threads: [] })
    const res = await suggest('grin')
    expect(res.headers.get('Cache-Control')).toBe('private, max-age=10')
    expect(titles((await res.json()) as QuickSuggestions)).toEqual(['Grinder is noisy'])
  })
})

describe('header suggestions in the page cache', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp({ PAGE_CACHE_SECONDS: '60' })
  })
  afterAll(() => app.close())

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${app.url}${path}`, { headers })
    return {
      status: res.status,
      cache: res.headers.get('x-page-cache'),
      cacheControl: res.headers.get('cache-control'),
      body: (await res.json()) as QuickSuggestions,
    }
  }

  it('answers a signed-out visitor’s repeat from memory, never a signed-in one, and drops it on a removal', async () => {
    const asker = await makeUser()
    const id = await makeQuestion(asker, { title: 'Kettle whistles too early', body: 'Why?' })
    // A KB index loaded during the first request would count as a change to every page.
    await ensureKbIndexFresh()
    expect((await get('/search/suggest?q=kett')).cache).toBe('miss')
    const again = await get('/search/suggest?q=kett')
    expect(again).toMatchObject({ status: 200, cache: 'hit', cacheControl: 'private, max-age=10' })
    expect(again.body.threads.map((t) => t.id)).toEqual([id])
    expect(
      (await get('/search/suggest?q=kett', { Cookie: await sessionCookie(asker) })).cache,
    ).toBe(null)
    hideQuestion(await makeUser({ role: 'moderator' }), id, { reason: 'spam', note: '' })
    const after = await get('/search/suggest?q=kett')
    expect(after.cache).toBe('miss')
    expect(after.body.threads).toEqual([])
  })
})
