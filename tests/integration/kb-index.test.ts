import fs from 'node:fs'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import lunr from 'lunr'
import { beforeEach, describe, expect, it } from 'vitest'
import { translateMessage } from '~/i18n/message'
import { translatorFor } from '~/i18n/translator.server'
import {
  configureKbIndex,
  ensureKbIndexFresh,
  FINGERPRINT_SQL,
  kbIndexFile,
  kbIndexStatus,
  readKbVersion,
  resetKbIndexForTests,
  scheduleKbIndexRebuild,
  searchKb,
} from '~/modules/search/kb-index.server'
import { setClock } from '~/utils/clock.server'
import { contentVersion, sqlite, write } from '~/utils/db.server'
import { SYNONYMS_KEY } from '~/modules/search/synonyms.server'
import { kbArticles, settings, type KbStatus } from '../../db/schema'
import { TEST_EPOCH } from '../setup/integration'
import { makeCategory } from '../factories'

const FILE = path.resolve(`tmp/test-db/kb-index-kb-${process.pid}.json`)

/** A message descriptor the way an English reader sees it. */
const english = (message: string) => translateMessage(translatorFor('en'), message)

let tick = 0
/** Moves the fake clock on, as time passes between edits in real life. */
const later = () => setClock(new Date(TEST_EPOCH.getTime() + ++tick * 60_000))

function addArticle(
  values: Partial<{
    slug: string
    title: string
    summary: string
    body: string
    tags: string
    status: KbStatus
    category: string
  }> & { title: string },
) {
  const category = makeCategory(values.category ?? 'orders-shipping', values.category ?? 'Orders')
  return write(
    (tx) =>
      tx
        .insert(kbArticles)
        .values({
          slug: values.slug ?? values.title.toLowerCase().replace(/\W+/g, '-'),
          title: values.title,
          summary: values.summary ?? '',
          bodyMd: values.body ?? 'Some text.',
          bodyHtml: '<p>Some text.</p>',
          cookedVersion: 1,
          categoryId: category.id,
          tags: values.tags ?? '',
          status: values.status ?? 'published',
          origin: 'content',
        })
        .returning({ id: kbArticles.id })
        .get().id,
  )
}

function editArticle(id: number, changes: { title?: string; status?: KbStatus }) {
  later()
  write((tx) =>
    tx
      .update(kbArticles)
      .set({ ...changes, updatedAt: new Date(TEST_EPOCH.getTime() + tick * 60_000) })
      .where(eq(kbArticles.id, id))
      .run(),
  )
}

async function titles(query: string, options: Parameters<typeof searchKb>[1] = {}) {
  const result = await searchKb(query, options)
  if (!result.ok) throw new Error(result.message)
  return result.items.map((i) => i.title)
}

/**
 * What lunr's own Index#query ranks for these words on the persisted index: every word
 * required (a half-typed last word optional, and also matched as a title, summary or tag
 * prefix), then, when nothing holds them all, any word above the cut-off (0.35 of the best).
 */
function lunrRanking(words: string[], partial: boolean) {
  const persisted = JSON.parse(fs.readFileSync(FILE, 'utf8')) as { index: object }
  const index = lunr.Index.load(persisted.index)
  const run = (required: boolean) =>
    index.query((q) =>
      words.forEach((word, i) => {
        const last = partial && i === words.length - 1
        const presence = required && !last ? lunr.Query.presence.REQUIRED : undefined
        q.term(word, { presence })
        if (last && word.length >= 3)
          q.term(word, {
            usePipeline: false,
            wildcard: lunr.Query.wildcard.TRAILING,
            boost: 0.5,
            fields: ['title', 'summary', 'tags'],
          })
      }),
    )
  let hits = run(words.length > 1)
  if (hits.length === 0) {
    const any = run(false)
    hits = any.filter((h) => h.score >= (any[0]?.score ?? 0) * 0.35)
  }
  return hits.map((h) => [Number(h.ref), h.score])
}

beforeEach(() => {
  tick = 0
  configureKbIndex({ file: FILE, debounceMs: 0, checkIntervalMs: 0, firstWaitMs: 60_000 })
  resetKbIndexForTests()
  fs.rmSync(FILE, { force: true })
})

describe('knowledge-base index', () => {
  it('builds in a worker from the published articles only, and persists with its KB version', async () => {
    addArticle({ title: 'Tracking your parcel', summary: 'What each JNE status means.' })
    addArticle({ title: 'Tracking draft notes', status: 'draft' })
    addArticle({ title: 'Old tracking article', status: 'archived' })
    const status = await ensureKbIndexFresh()
    expect(status).toMatchObject({ ready: true, source: 'built', documents: 1, builds: 1 })
    expect(await titles('tracking')).toEqual(['Tracking your parcel'])

    expect(kbIndexFile()).toBe(FILE)
    const persisted = JSON.parse(fs.readFileSync(FILE, 'utf8')) as {
      fingerprint: string
      documents: number
    }
    expect(persisted).toMatchObject({ fingerprint: readKbVersion(), documents: 1 })
    expect(status.bytes).toBe(fs.statSync(FILE).size)
  })

  it('loads the persisted file at start when its version matches, without building', async () => {
    addArticle({ title: 'Refund timing by payment method', summary: 'GoPay, OVO and cards.' })
    await ensureKbIndexFresh()
    // A new process: nothing in memory, the file on disk.
    resetKbIndexForTests()
    const status = await ensureKbIndexFresh()
    expect(status).toMatchObject({ ready: true, source: 'file', builds: 0, documents: 1 })
    expect(await titles('gopay refund')).toEqual(['Refund timing by payment method'])
  })

  it('rebuilds instead of loading a file made for another KB version', async () => {
    const id = addArticle({ title: 'Storing coffee beans' })
    await ensureKbIndexFresh()
    editArticle(id, { title: 'Storing coffee beans in humid weather' })
    resetKbIndexForTests()
    const status = await ensureKbIndexFresh()
    expect(status).toMatchObject({ source: 'built', builds: 1 })
    expect(await titles('humid')).toEqual(['Storing coffee beans in humid weather'])
  })

  it('follows edits, unpublishing and new articles through the KB version', async () => {
    const id = addArticle({ title: 'Grind size guide' })
    expect(await titles('grind')).toEqual(['Grind size guide'])
    editArticle(id, { title: 'Grind size guide for V60 and espresso' })
    await ensureKbIndexFresh()
    expect(await titles('espresso')).toEqual(['Grind size guide for V60 and espresso'])
    later()
    addArticle({ title: 'Espresso shots run too fast' })
    await ensureKbIndexFresh()
    expect(await titles('espresso')).toHaveLength(2)
    editArticle(id, { status: 'archived' })
    await ensureKbIndexFresh()
    expect(await titles('espresso')).toEqual(['Espresso shots run too fast'])
  })

  it('checks the KB version from an index alone, never reading article bodies', () => {
    const plan = sqlite
      .prepare(`explain query plan ${FINGERPRINT_SQL}`)
      .all()
      .map((row) => (row as { detail: string }).detail)
    expect(plan.join('\n')).toMatch(/USING COVERING INDEX kb_articles_version_idx/)
  })

  it('keeps answering from the old index while a rebuild runs, then swaps to the new one', async () => {
    addArticle({ title: 'Cold brew at home' })
    await ensureKbIndexFresh()
    later()
    addArticle({ title: 'Cold brew tastes flat after two days' })
    const rebuild = scheduleKbIndexRebuild()
    // The rebuild is under way in the worker; searches meanwhile use the index they have.
    const during = await Promise.all([titles('cold brew'), titles('cold brew')])
    expect(during).toEqual([['Cold brew at home'], ['Cold brew at home']])
    const versionBefore = contentVersion.n
    await rebuild
    expect(await titles('cold brew')).toHaveLength(2)
    // Pages cached with the old index's results are no longer served.
    expect(contentVersion.n).toBeGreaterThan(versionBefore)
    expect(kbIndexStatus()).toMatchObject({ documents: 2, building: false })
  })

  it('coalesces a burst of rebuild requests into few builds', async () => {
    addArticle({ title: 'Paying with QRIS' })
    await ensureKbIndexFresh()
    const before = kbIndexStatus().builds
    configureKbIndex({ debounceMs: 20 })
    const waits = Array.from({ length: 10 }, () => scheduleKbIndexRebuild())
    await Promise.all(waits)
    expect(kbIndexStatus().builds - before).toBe(1)
  })

  it('does not hold the first search after start for long while the index loads', async () => {
    addArticle({ title: 'Paying with QRIS' })
    configureKbIndex({ firstWaitMs: 0 })
    const first = await searchKb('qris')
    expect(first).toMatchObject({ ok: false, reason: 'unavailable' })
    expect(!first.ok && english(first.message)).toContain('still loading')
    await ensureKbIndexFresh()
    expect(await titles('qris')).toEqual(['Paying with QRIS'])
  })

  it('weights titles above bodies, and filters by category and tag', async () => {
    addArticle({ title: 'Resetting your password', body: 'Use the link in the e-mail.' })
    addArticle({
      title: 'Changing your e-mail address',
      body: 'You may need to reset your password first.',
      category: 'account-login',
      tags: 'email account',
    })
    expect(await titles('password')).toEqual([
      'Resetting your password',
      'Changing your e-mail address',
    ])
    expect(await titles('password', { category: 'account-login' })).toEqual([
      'Changing your e-mail address',
    ])
    expect(await titles('password', { tag: 'email' })).toEqual(['Changing your e-mail address'])
    expect(await titles('password', { tag: 'nope' })).toEqual([])
  })

  it('highlights the matching words in titles and summaries, escaped', async () => {
    addArticle({
      title: 'Returns <and> refunds policy',
      summary: 'How refunds work & when they arrive.',
    })
    const result = await searchKb('refunded')
    expect(result.ok && result.items[0]).toMatchObject({
      titleHtml: 'Returns &lt;and&gt; <mark>refunds</mark> policy',
      summaryHtml: 'How <mark>refunds</mark> work &amp; when they arrive.',
    })
  })

  it('matches a half-typed last word as a prefix when asked to', async () => {
    addArticle({ title: 'Shipping couriers and delivery times' })
    expect(await titles('couri', { prefix: true })).toEqual([
      'Shipping couriers and delivery times',
    ])
    expect(await titles('couri')).toEqual([])
  })

  // lunr's query has one term per clause; here a word with several forms (or a synonym) is one
  // clause of several terms. With no synonyms and words of one form each, the two must agree.
  it("ranks and scores exactly as lunr's own query does, ties included", async () => {
    write((tx) =>
      tx
        .insert(settings)
        .values({ key: SYNONYMS_KEY, value: { groups: [] } })
        .onConflictDoUpdate({ target: settings.key, set: { value: { groups: [] } } })
        .run(),
    )
    const body = (...words: string[]) => `${words.join(' ')}. More text about the shop.`
    addArticle({ title: 'Refund timing for GoPay', summary: 'Refunds to GoPay and OVO wallets.' })
    addArticle({ title: 'Refund timing for cards', body: body('refund', 'refund', 'gopay') })
    addArticle({
      title: 'Couriers we ship with',
      summary: 'JNE, SiCepat and GoSend.',
      tags: 'courier',
    })
    addArticle({ title: 'Tracking a parcel', body: body('courier', 'refund') })
    addArticle({ title: 'Tracking a parcel abroad', body: body('courier', 'refund') })
    addArticle({ title: 'Espresso tastes sour', summary: 'Grind finer.', tags: 'espresso grind' })
    addArticle({ title: 'Cold brew ratio', body: body('espresso', 'grind', 'ratio', 'courier') })
    await ensureKbIndexFresh()
    for (const [query, partial] of [
      ['refund', false],
      ['refund gopay', false],
      ['parcel courier', false],
      ['gopay espresso', false],
      ['grind espresso ratio', false],
      ['refund cou', true],
      ['esp', true],
    ] as const) {
      const expected = lunrRanking(query.split(' '), partial)
      const result = await searchKb(query, { limit: 50, prefix: partial })
      const page = await searchKb(query, { limit: 2, offset: 1, prefix: partial })
      if (!result.ok || !page.ok) throw new Error('the search failed')
      expect([query, result.items.map((i) => [i.id, i.score])]).toEqual([query, expected])
      expect([query, page.total, page.items.map((i) => [i.id, i.score])]).toEqual([
        query,
        expected.length,
        expected.slice(1, 3),
      ])
    }
  })

  it('treats lunr query syntax as plain text and answers hostile queries without throwing', async () => {
    addArticle({ title: 'Invoices and company billing', summary: 'NPWP on your invoice.' })
    for (const q of [
      'title:invoice',
      'invoice^10',
      'invoice~2',
      '+invoice -billing',
      'inv*',
      '*',
      ':^~*+-',
      '"invoice',
      'AND OR NOT',
      '🧾🧾',
      'x'.repeat(10_240),
      'invoice '.repeat(3_000),
    ]) {
      const result = await searchKb(q, { prefix: true })
      if (!result.ok) expect(english(result.message)).toMatch(/no words to search for/)
    }
    expect(await titles('title:invoice')).toEqual(['Invoices and company billing'])
    expect(await titles('+invoice -billing')).toEqual(['Invoices and company billing'])
  })
})
