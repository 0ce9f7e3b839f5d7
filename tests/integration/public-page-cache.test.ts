import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createArticle } from '~/modules/kb/kb.server'
import { hideQuestion } from '~/modules/moderation/posts.server'
import { setClock } from '~/utils/clock.server'
import { db } from '~/utils/db.server'
import { LISTS_LAG_MS } from '~/utils/public-pages-cache.server'
import { slugify } from '~/utils/slug'
import { kbArticles, questions } from '../../db/schema'
import { makeAnswer, makeCategory, makeQuestion, makeUser } from '../factories'
import { startApp, type RunningApp } from '../setup/app'
import { TEST_EPOCH } from '../setup/integration'
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

  it('keeps the home page, the question list, tags, the knowledge base and profiles', async () => {
    const member = await makeUser()
    for (const path of ['/', '/questions?sort=newest', '/tags', '/kb', `/users/${member.handle}`]) {
      expect((await get(path)).cache, path).toBe('miss')
      expect((await get(path)).cache, path).toBe('hit')
    }
    // the knowledge base's staff pages are never a stored article
    expect((await get('/kb/new')).status).not.toBe(200)
    expect((await get('/kb/new')).cache).toBeNull()
  })

  it('keeps an article page, still counting its views', async () => {
    makeCategory('brewing-help', 'Brewing help')
    const created = await createArticle(await makeUser({ role: 'admin' }), {
      title: 'Cleaning a hand grinder',
      summary: 'Brush the burrs after every bag, never wash them.',
      body: 'Use the small brush, and a rice trick once a month.',
      category: 'brewing-help',
      tags: ['grinder'],
      status: 'published',
      comment: '',
    })
    if (!created.ok) throw new Error('the article was not created')
    const article = db
      .select({ id: kbArticles.id, slug: kbArticles.slug, title: kbArticles.title })
      .from(kbArticles)
      .get()!
    const views = () =>
      db
        .select({ n: kbArticles.viewCount })
        .from(kbArticles)
        .where(eq(kbArticles.id, article.id))
        .get()!.n
    const before = views()
    expect((await get(`/kb/${article.slug}`)).cache).toBe('miss')
    const again = await get(`/kb/${article.slug}`, { 'User-Agent': PHONE })
    expect(again).toMatchObject({ status: 200, cache: 'hit' })
    expect(again.body).toContain(article.title)
    expect(views()).toBe(before + 2)
    await get(`/kb/${article.slug}`, { 'User-Agent': CRAWLER })
    expect(views()).toBe(before + 2)
  })

  it('drops a thread’s page when that thread changes, lists within seconds, everything on a removal', async () => {
    const asker = await makeUser()
    const [first, second] = ['Tamper leaves a ridge in the puck', 'Steam wand spits water first']
    const firstPath = `/questions/${await makeQuestion(asker, { title: first })}/${slugify(first)}`
    const secondId = await makeQuestion(asker, { title: second })
    const secondPath = `/questions/${secondId}/${slugify(second)}`
    const list = '/questions?sort=newest'
    const [helper, moderator] = [await makeUser(), await makeUser({ role: 'moderator' })]
    for (const path of [firstPath, secondPath, list]) await get(path)

    await makeAnswer(helper, Number(firstPath.split('/')[2]), 'Level the bed before you tamp it.')
    const changed = await get(firstPath)
    expect(changed.cache).toBe('miss')
    expect(changed.body).toContain('Level the bed before you tamp it.')
    expect((await get(secondPath)).cache).toBe('hit')
    // the list may be a few seconds behind, never more than the lag
    expect((await get(list)).cache).toBe('hit')
    setClock(new Date(TEST_EPOCH.getTime() + LISTS_LAG_MS - 1))
    expect((await get(list)).cache).toBe('hit')
    setClock(new Date(TEST_EPOCH.getTime() + LISTS_LAG_MS))
    expect((await get(list)).cache).toBe('miss')
    expect((await get(secondPath)).cache).toBe('hit')

    // hiding a question may change any page (similar questions, profiles): nothing is kept
    hideQuestion(moderator, secondId, { reason: 'spam', note: '' })
    expect((await get(firstPath)).cache).toBe('miss')
    expect((await get(list)).cache).toBe('miss')
    expect((await get(secondPath)).status).toBe(404)
  })
})
