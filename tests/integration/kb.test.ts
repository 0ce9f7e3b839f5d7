import fs from 'node:fs'
import path from 'node:path'
import { and, asc, count, eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadKbContent, syncKbContent } from '~/modules/kb/content.server'
import {
  createArticle,
  FEEDBACK_PER_ADDRESS,
  listDueForReview,
  listKbHome,
  updateArticle,
} from '~/modules/kb/kb.server'
import { scheduleKbIndexRebuild } from '~/modules/search/kb-index.server'
import { action as articleAction, loader as articleLoader } from '~/routes/kb.$slug'
import { action as editAction } from '~/routes/kb.$slug_.edit'
import { loader as revisionsLoader } from '~/routes/kb.$slug_.revisions'
import { loader as homeLoader } from '~/routes/kb._index'
import { action as newAction, loader as newLoader } from '~/routes/kb.new'
import { action as reviewAction, loader as reviewLoader } from '~/routes/kb.review'
import { setClock } from '~/utils/clock.server'
import { db, sqlite, write } from '~/utils/db.server'
import { categories, events, kbArticles, kbFeedback, kbRevisions } from '../../db/schema'
import { TEST_EPOCH } from '../setup/integration'
import { context, makeCategory, makeUser, request, callRoute } from '../factories'

// The index rebuild runs in a worker thread; here it is enough to know it was asked for.
vi.mock('~/modules/search/kb-index.server', () => ({
  scheduleKbIndexRebuild: vi.fn(() => Promise.resolve()),
}))

type User = Awaited<ReturnType<typeof makeUser>>
type Json = Record<string, unknown>

const run = callRoute

async function get(
  fn: (args: never) => unknown,
  url: string,
  user: User | null,
  params: Record<string, string> = {},
  ctx = context,
) {
  return run(fn, { request: await request(url, user), params, context: ctx })
}

async function post(
  fn: (args: never) => unknown,
  url: string,
  user: User | null,
  form: Record<string, string>,
  params: Record<string, string> = {},
  ctx = context,
) {
  return run(fn, { request: await request(url, user, { form }), params, context: ctx })
}

const DAY = 24 * 60 * 60_000

let dir = ''
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(path.resolve('tmp/test-db'), 'kb-content-'))
  fs.mkdirSync(path.join(dir, 'kb'))
  vi.mocked(scheduleKbIndexRebuild).mockClear()
})
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

function writeArticle(
  slug: string,
  fields: Partial<{ title: string; summary: string; category: string; updated: string }> = {},
  body = 'Grind finer until the brew takes about three minutes, then taste again.',
  extra = '',
) {
  const front = {
    title: 'Why does my V60 coffee taste sour?',
    summary: 'Sour pour-over is under-extracted: grind finer and keep the water hot.',
    category: 'brewing-help',
    updated: '2026-02-01',
    ...fields,
  }
  const text = `---
title: '${front.title}'
summary: '${front.summary}'
category: ${front.category}
tags: [v60, grind-size]
updated: ${front.updated}
${extra}---

${body}
`
  fs.writeFileSync(path.join(dir, 'kb', `${slug}.md`), text)
}

function article(slug: string) {
  return db.select().from(kbArticles).where(eq(kbArticles.slug, slug)).get()!
}

function revisionCount(articleId: number) {
  return (
    db.select({ n: count() }).from(kbRevisions).where(eq(kbRevisions.articleId, articleId)).get()
      ?.n ?? 0
  )
}

function eventTypes() {
  return db
    .select({ type: events.type })
    .from(events)
    .orderBy(asc(events.id))
    .all()
    .map((e) => e.type)
}

function totalChanges(): number {
  return (sqlite.prepare('select total_changes() as n').get() as { n: number }).n
}

function brewing() {
  return makeCategory('brewing-help', 'Brewing help')
}

describe('content sync', () => {
  it('publishes each file as an article with its first revision, review date and event', () => {
    brewing()
    writeArticle(
      'v60-sour',
      {},
      'Grind **finer** until the brew takes about three minutes.',
      'review_every_days: 30\n',
    )
    const result = syncKbContent(dir)
    expect(result.created).toEqual(['v60-sour'])
    const a = article('v60-sour')
    expect(a).toMatchObject({
      status: 'published',
      origin: 'content',
      title: 'Why does my V60 coffee taste sour?',
      tags: 'v60 grind-size',
    })
    expect(a.bodyHtml).toContain('<strong>finer</strong>')
    expect(a.updatedAt.toISOString()).toBe('2026-02-01T00:00:00.000Z')
    expect(a.reviewDueAt!.toISOString()).toBe('2026-03-03T00:00:00.000Z')
    expect(revisionCount(a.id)).toBe(1)
    const types = eventTypes()
    expect(types).toEqual(['kb.article_created', 'kb.article_published'])
    expect(scheduleKbIndexRebuild).toHaveBeenCalledTimes(1)
  })

  it('writes nothing at all on a second sync of unchanged files', () => {
    brewing()
    writeArticle('v60-sour')
    writeArticle('cold-brew', { title: 'Cold brew at home, step by step' })
    syncKbContent(dir)
    vi.mocked(scheduleKbIndexRebuild).mockClear()
    const before = totalChanges()
    const again = syncKbContent(dir)
    expect(totalChanges()).toBe(before)
    expect(again).toMatchObject({ created: [], updated: [], archived: [] })
    expect(again.unchanged.sort()).toEqual(['cold-brew', 'v60-sour'])
    expect(scheduleKbIndexRebuild).not.toHaveBeenCalled()
  })

  it('turns an edited file into revision 2 and shows the new text', async () => {
    brewing()
    writeArticle('v60-sour')
    syncKbContent(dir)
    writeArticle(
      'v60-sour',
      { updated: '2026-02-20' },
      'Bloom for 40 seconds first, then pour slowly.',
    )
    expect(syncKbContent(dir).updated).toEqual(['v60-sour'])
    const a = article('v60-sour')
    expect(revisionCount(a.id)).toBe(2)
    expect(a.updatedAt.toISOString()).toBe('2026-02-20T00:00:00.000Z')

    const res = await get(articleLoader, '/kb/v60-sour', null, { slug: 'v60-sour' })
    const data = (await res.json()) as { page: { article: { bodyHtml: string } } }
    expect(data.page.article.bodyHtml).toContain('Bloom for 40 seconds')

    const history = await get(revisionsLoader, '/kb/v60-sour/revisions', null, { slug: 'v60-sour' })
    const revisions = (
      (await history.json()) as { revisions: { number: number; comment: string }[] }
    ).revisions
    expect(revisions.map((r) => r.number)).toEqual([2, 1])
    expect(revisions[0].comment).toBe('Updated from content/kb/v60-sour.md')
  })

  it('archives an article whose file was removed, hiding it from the public, and restores it when the file returns', async () => {
    brewing()
    writeArticle('v60-sour')
    syncKbContent(dir)
    fs.rmSync(path.join(dir, 'kb', 'v60-sour.md'))
    expect(syncKbContent(dir).archived).toEqual(['v60-sour'])
    expect(article('v60-sour').status).toBe('archived')

    const member = await makeUser()
    const moderator = await makeUser({ role: 'moderator' })
    expect((await get(articleLoader, '/kb/v60-sour', null, { slug: 'v60-sour' })).status).toBe(404)
    expect((await get(articleLoader, '/kb/v60-sour', member, { slug: 'v60-sour' })).status).toBe(
      404,
    )
    expect((await get(articleLoader, '/kb/v60-sour', moderator, { slug: 'v60-sour' })).status).toBe(
      200,
    )

    writeArticle('v60-sour')
    expect(syncKbContent(dir).updated).toEqual(['v60-sour'])
    expect(article('v60-sour').status).toBe('published')
    expect(revisionCount(article('v60-sour').id)).toBe(2)
  })

  it('keeps an edit made in the app until the file itself changes', async () => {
    brewing()
    writeArticle('v60-sour')
    syncKbContent(dir)
    const staff = await makeUser({ role: 'staff' })
    const a = article('v60-sour')
    await updateArticle(staff, a.id, {
      title: 'Why does my V60 taste sour? (staff edit)',
      summary: a.summary,
      body: 'An edit made in the app by staff.',
      category: 'brewing-help',
      tags: ['v60'],
      status: 'published',
      comment: '',
    })
    syncKbContent(dir)
    expect(article('v60-sour').title).toBe('Why does my V60 taste sour? (staff edit)')
    writeArticle('v60-sour', { title: 'Why does my V60 coffee taste sour? Updated' })
    syncKbContent(dir)
    expect(article('v60-sour').title).toBe('Why does my V60 coffee taste sour? Updated')
    expect(revisionCount(a.id)).toBe(3)
  })

  it('refuses a file with broken front matter, naming the file and the field', () => {
    brewing()
    writeArticle('v60-sour', { summary: 'short' })
    expect(() => syncKbContent(dir)).toThrow(/v60-sour\.md: summary:/)
    writeArticle('v60-sour', { updated: '2026-02-30' })
    expect(() => syncKbContent(dir)).toThrow(/v60-sour\.md: updated: is not a real date/)
    fs.writeFileSync(path.join(dir, 'kb', 'review.md'), '---\ntitle: x\n---\n')
    expect(() => loadKbContent(dir)).toThrow(/review\.md: \(file name\)/)
  })

  it('ships valid articles for every category, one matching the sour V60 thread, and some due for review', () => {
    const shipped = [
      ['orders-shipping', 'Orders & shipping'],
      ['returns-refunds', 'Returns & refunds'],
      ['payments-billing', 'Payments & billing'],
      ['account-login', 'Account & login'],
      ['brewing-help', 'Brewing help'],
    ]
    write((tx) =>
      shipped.forEach(([slug, name], position) =>
        tx.insert(categories).values({ slug, name, position }).run(),
      ),
    )
    const result = syncKbContent(path.resolve('content'))
    expect(result.created.length).toBeGreaterThanOrEqual(10)
    expect(result.skipped).toEqual([])
    expect(article('why-does-my-v60-coffee-taste-sour').categoryId).not.toBeNull()
    expect(listKbHome('en').groups.map((g) => g.category.slug)).toEqual([
      'orders-shipping',
      'returns-refunds',
      'payments-billing',
      'account-login',
      'brewing-help',
    ])
    setClock(new Date('2026-11-25T09:00:00.000Z'))
    expect(listDueForReview('en').length).toBeGreaterThanOrEqual(1)
  })
})

describe('article pages', () => {
  it('keeps drafts from members and visitors (404) and shows them to moderators', async () => {
    brewing()
    const moderator = await makeUser({ role: 'moderator' })
    const member = await makeUser()
    expect((await get(newLoader, '/kb/new', member)).status).toBe(403)
    const res = await post(newAction, '/kb/new', moderator, {
      title: 'Descaling your kettle every month',
      summary: 'Hard water leaves scale that changes the taste of your coffee.',
      body: 'Boil a mix of water and citric acid, then rinse twice.',
      category: 'brewing-help',
      tags: 'kettle water',
      status: 'draft',
      comment: '',
    })
    expect(res.status).toBe(302)
    const slug = res.headers.get('Location')!.split('/').pop()!
    expect(slug).toBe('descaling-your-kettle-every-month')
    expect((await get(articleLoader, `/kb/${slug}`, null, { slug })).status).toBe(404)
    expect((await get(articleLoader, `/kb/${slug}`, member, { slug })).status).toBe(404)
    const seen = await get(articleLoader, `/kb/${slug}`, moderator, { slug })
    expect(seen.status).toBe(200)
    expect(((await seen.json()) as { page: { article: Json } }).page.article.status).toBe('draft')

    const home = (await (await get(homeLoader, '/kb', null)).json()) as {
      home: { total: number }
    }
    expect(home.home.total).toBe(0)
  })

  it('keeps what was typed and explains each bad field in the editor', async () => {
    brewing()
    const moderator = await makeUser({ role: 'moderator' })
    const res = await post(newAction, '/kb/new', moderator, {
      title: 'Short',
      summary: 'A summary that is long enough to pass.',
      body: 'Too short',
      category: 'brewing-help',
      tags: 'Bad Tag!',
      status: 'published',
      comment: '',
    })
    expect(res.status).toBe(400)
    const data = (await res.json()) as { fieldErrors: Json; values: Json }
    expect(Object.keys(data.fieldErrors).sort()).toEqual(['body', 'tags', 'title'])
    expect(data.values.title).toBe('Short')
  })

  it('saves a revision and an event for every edit and re-cooks the body', async () => {
    brewing()
    const staff = await makeUser({ role: 'staff' })
    const created = await createArticle(staff, {
      title: 'Cleaning a hand grinder',
      summary: 'Brush the burrs after every bag, never wash them.',
      body: 'Use the small brush.',
      category: 'brewing-help',
      tags: ['grinder'],
      status: 'published',
      comment: '',
    })
    if (!created.ok) throw new Error('not created')
    const res = await post(
      editAction,
      `/kb/${created.slug}/edit`,
      staff,
      {
        title: 'Cleaning a hand grinder',
        summary: 'Brush the burrs after every bag, never wash them.',
        body: 'Use the **small** brush, and a rice trick once a month.',
        category: 'brewing-help',
        tags: 'grinder cleaning',
        status: 'published',
        comment: 'Added the rice trick',
      },
      { slug: created.slug },
    )
    expect(res.status).toBe(302)
    const a = article(created.slug)
    expect(a.bodyHtml).toContain('<strong>small</strong>')
    expect(a.tags).toBe('grinder cleaning')
    expect(revisionCount(a.id)).toBe(2)
    const types = eventTypes()
    expect(types).toEqual(['kb.article_created', 'kb.article_published', 'kb.article_edited'])
    expect(scheduleKbIndexRebuild).toHaveBeenCalledTimes(2)
  })

  it('counts a visitor once per hour', async () => {
    brewing()
    writeArticle('v60-sour')
    syncKbContent(dir)
    const views = async (ip: string) => {
      const res = await get(
        articleLoader,
        '/kb/v60-sour',
        null,
        { slug: 'v60-sour' },
        {
          ...context,
          clientIp: ip,
        },
      )
      return ((await res.json()) as { page: { article: { viewCount: number } } }).page.article
        .viewCount
    }
    expect(await views('198.51.100.1')).toBe(1)
    expect(await views('198.51.100.1')).toBe(1)
    expect(await views('198.51.100.2')).toBe(2)
  })
})

describe('was this helpful?', () => {
  async function published() {
    brewing()
    writeArticle('v60-sour')
    syncKbContent(dir)
    return article('v60-sour')
  }
  const params = { slug: 'v60-sour' }

  /** A browser of a signed-out visitor at `ip`: it keeps the cookies the site sets. */
  function browser(ip: string) {
    let cookie = ''
    const ctx = { ...context, clientIp: ip }
    const send = async (fn: (args: never) => unknown, url: string, form?: Json) => {
      const headers: Record<string, string> = cookie ? { Cookie: cookie } : {}
      const req = await request(
        url,
        null,
        form ? { form: form as Record<string, string>, headers } : { headers },
      )
      const res = await run(fn, { request: req, params, context: ctx })
      const set = res.headers.get('Set-Cookie')
      if (set) cookie = set.split(';')[0]
      return res
    }
    return {
      page: async (url = '/kb/v60-sour') =>
        (await send(articleLoader, url)).json() as Promise<Json>,
      answer: (form: Json) => send(articleAction, '/kb/v60-sour', form),
    }
  }

  it('takes one answer per voter, then asks why, and counts both in the article', async () => {
    const a = await published()
    const first = browser('198.51.100.10')
    const res = await first.answer({ intent: 'helpful', helpful: 'yes' })
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe('/kb/v60-sour?feedback=more#feedback')

    expect(await first.page('/kb/v60-sour?feedback=more')).toMatchObject({
      feedback: { helpful: true, reason: null },
      step: 'more',
    })
    const why = await first.answer({
      intent: 'reason',
      helpful: 'yes',
      reason: 'solved',
      comment: 'Grinding finer fixed it.',
    })
    expect(why.status).toBe(302)
    expect(db.select().from(kbFeedback).all()).toMatchObject([
      { helpful: true, reason: 'solved', comment: 'Grinding finer fixed it.' },
    ])

    // The same visitor again: still one answer.
    await first.answer({ intent: 'helpful', helpful: 'yes' })
    const member = await makeUser()
    await post(articleAction, '/kb/v60-sour', member, { intent: 'helpful', helpful: 'no' }, params)
    expect(article('v60-sour')).toMatchObject({ helpfulYes: 1, helpfulNo: 1 })
    expect(db.select({ n: count() }).from(kbFeedback).get()?.n).toBe(2)

    // Changing one's mind moves the vote and drops the reason given to the other question.
    await first.answer({ intent: 'helpful', helpful: 'no' })
    expect(article('v60-sour')).toMatchObject({ helpfulYes: 0, helpfulNo: 2 })
    const row = db
      .select()
      .from(kbFeedback)
      .where(and(eq(kbFeedback.articleId, a.id), eq(kbFeedback.helpful, false)))
      .all()
    expect(row.every((r) => r.reason === null)).toBe(true)
    // Every answer and change is in the event log, as a visitor's (no account).
    expect(
      db
        .select({ actorId: events.actorId, source: events.source, articleId: events.articleId })
        .from(events)
        .where(eq(events.type, 'kb.feedback'))
        .all(),
    ).toEqual([
      { actorId: null, source: 'live', articleId: a.id },
      { actorId: null, source: 'live', articleId: a.id },
      { actorId: member.id, source: 'live', articleId: a.id },
      { actorId: null, source: 'live', articleId: a.id },
    ])
  })

  it('keeps two visitors behind one address apart: neither sees the other’s answer', async () => {
    await published()
    const office = '203.0.113.50'
    const alice = browser(office)
    const bob = browser(office)
    await alice.answer({ intent: 'helpful', helpful: 'no' })
    expect(await alice.page()).toMatchObject({ feedback: { helpful: false } })
    expect(await bob.page()).toMatchObject({ feedback: null })
    await bob.answer({ intent: 'helpful', helpful: 'yes' })
    expect(article('v60-sour')).toMatchObject({ helpfulYes: 1, helpfulNo: 1 })
  })

  it('limits answers per address, and says so', async () => {
    await published()
    const ip = '203.0.113.60'
    for (let i = 0; i < FEEDBACK_PER_ADDRESS.max; i++)
      expect((await browser(ip).answer({ intent: 'helpful', helpful: 'yes' })).status).toBe(302)
    const refused = await browser(ip).answer({ intent: 'helpful', helpful: 'yes' })
    expect(refused.status).toBe(429)
    expect(refused.headers.get('Retry-After')).toBeTruthy()
    expect(article('v60-sour').helpfulYes).toBe(FEEDBACK_PER_ADDRESS.max)
  })

  it('refuses a reason that does not fit the answer and a comment over 500 characters', async () => {
    await published()
    const me = browser('198.51.100.20')
    await me.answer({ intent: 'helpful', helpful: 'no' })
    const wrong = await me.answer({
      intent: 'reason',
      helpful: 'no',
      reason: 'solved',
      comment: '',
    })
    expect(wrong.status).toBe(400)
    expect(((await wrong.json()) as { fieldErrors: Json }).fieldErrors.reason).toBeTruthy()
    const long = await me.answer({
      intent: 'reason',
      helpful: 'no',
      reason: 'unclear',
      comment: 'x'.repeat(501),
    })
    expect(long.status).toBe(400)
    const data = (await long.json()) as { fieldErrors: Json; values: Json }
    expect(data.fieldErrors.comment).toMatch(/500/)
    expect(data.values.reason).toBe('unclear')
  })
})

describe('review list', () => {
  it('lists published articles past their review date to moderators, until marked reviewed', async () => {
    brewing()
    const moderator = await makeUser({ role: 'moderator' })
    const member = await makeUser()
    const created = await createArticle(moderator, {
      title: 'Storing beans in the freezer',
      summary: 'Portion, seal, freeze once, thaw before opening.',
      body: 'Split the bag into weekly portions before freezing.',
      category: 'brewing-help',
      tags: [],
      status: 'published',
      comment: '',
    })
    if (!created.ok) throw new Error('not created')
    expect(listDueForReview('en')).toEqual([])
    setClock(new Date(TEST_EPOCH.getTime() + 181 * DAY))
    expect(listDueForReview('en').map((a) => a.slug)).toEqual(['storing-beans-in-the-freezer'])

    expect((await get(reviewLoader, '/kb/review', member)).status).toBe(403)
    const list = await get(reviewLoader, '/kb/review', moderator)
    expect(((await list.json()) as { due: Json[] }).due).toHaveLength(1)
    const res = await post(reviewAction, '/kb/review', moderator, {
      intent: 'reviewed',
      articleId: String(created.id),
    })
    expect(res.status).toBe(302)
    expect(listDueForReview('en')).toEqual([])
  })
})
