import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '~/utils/db.server'
import { slugify } from '~/utils/slug'
import { questions } from '../../db/schema'
import { makeAnswer, makeQuestion, makeUser } from '../factories'
import { startApp, type RunningApp } from '../setup/app'
import { sessionCookie } from '../setup/site'

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36'
const PHONE = 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36'
const CRAWLER = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'

describe('public pages in the page cache', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp({ PAGE_CACHE_SECONDS: '60' })
  })
  afterAll(() => app.close())

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${app.url}${path}`, {
      headers: { 'User-Agent': BROWSER, ...headers },
      redirect: 'manual',
    })
    return { status: res.status, cache: res.headers.get('x-page-cache'), body: await res.text() }
  }

  it('serves a question page from memory to signed-out readers, still counting their views, until the thread changes', async () => {
    const asker = await makeUser()
    const title = 'Grinder hums but the burrs will not turn'
    const id = await makeQuestion(asker, { title })
    const path = `/questions/${id}/${slugify(title)}`
    const views = () =>
      db.select({ n: questions.viewCount }).from(questions).where(eq(questions.id, id)).get()!.n

    expect((await get(path)).cache).toBe('miss')
    const again = await get(path, { 'User-Agent': PHONE })
    expect(again).toMatchObject({ status: 200, cache: 'hit' })
    expect(again.body).toContain(title)
    // each reader counts once, whether the page was rendered or came from memory; crawlers never
    expect(views()).toBe(2)
    await get(path, { 'User-Agent': PHONE })
    await get(path, { 'User-Agent': CRAWLER })
    expect(views()).toBe(2)

    // an answer changes the thread: the next reader gets it at once
    await makeAnswer(await makeUser(), id, 'Take the upper burr out and clear the jammed bean.')
    const fresh = await get(path)
    expect(fresh.cache).toBe('miss')
    expect(fresh.body).toContain('clear the jammed bean')

    // another language is another page; a signed-in reader never meets the cache
    expect((await get(path, { 'Accept-Language': 'id' })).cache).toBe('miss')
    const signedIn = await get(path, { Cookie: await sessionCookie(asker) })
    expect(signedIn.cache).toBeNull()
    // a wrong slug redirects, and the redirect is not kept
    expect((await get(`/questions/${id}/old-title`)).status).toBe(301)
    expect((await get(`/questions/${id}/old-title`)).cache).toBe('miss')
  })

  it('keeps the home page, the question list, tags and the knowledge base', async () => {
    for (const path of ['/', '/questions?sort=newest', '/tags', '/kb']) {
      expect((await get(path)).cache, path).toBe('miss')
      expect((await get(path)).cache, path).toBe('hit')
    }
  })
})
