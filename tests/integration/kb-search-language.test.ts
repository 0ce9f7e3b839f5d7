import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createArticle } from '~/modules/kb/kb.server'
import { ensureKbIndexFresh } from '~/modules/search/kb-index.server'
import { startApp, type RunningApp } from '../setup/app'
import { makeCategory, makeQuestion, makeUser } from '../factories'
import { useTestKbIndex } from '../setup/kb'

// The knowledge base and the search page as the built app serves them, to a visitor whose
// browser asks for Bahasa Indonesia and to one whose browser asks for English.

const ARTICLE = {
  title: 'Cleaning a hand grinder',
  summary: 'Brush the burrs after every bag, never wash them.',
  body: 'Use the small brush, and a rice trick once a month.',
  category: 'brewing-help',
  tags: ['grinder'],
  status: 'published' as const,
  comment: '',
}

let app: RunningApp | null = null

beforeEach(async () => {
  // Each test has a fresh database; the KB index must not remember the previous one.
  useTestKbIndex('language')
  makeCategory('brewing-help', 'Brewing help')
  const admin = await makeUser({ role: 'admin' })
  const created = await createArticle(admin, ARTICLE)
  if (!created.ok) throw new Error('the fixture article was not created')
  await ensureKbIndexFresh()
  // "QRIS deducted": one thread holds both words, one only the first, so the page says so.
  const asker = await makeUser()
  await makeQuestion(asker, { title: 'QRIS payment failed but money was deducted' })
  await makeQuestion(asker, { title: 'QRIS code does not scan at checkout' })
})

afterEach(async () => {
  await app?.close()
  app = null
})

async function page(url: string, language?: string) {
  const res = await fetch(`${app!.url}${url}`, {
    headers: language ? { 'Accept-Language': language } : {},
  })
  const html = await res.text()
  return {
    status: res.status,
    cache: res.headers.get('x-page-cache'),
    html,
    title: /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? null,
    lang: /<html lang="([^"]+)"/.exec(html)?.[1] ?? null,
    text: html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '),
  }
}

describe('the knowledge base and search in the reader’s language', () => {
  it('answers in Bahasa Indonesia when the browser asks for it, and in English otherwise', async () => {
    app = await startApp()
    const home = await page('/kb', 'id-ID,id;q=0.9,en;q=0.5')
    expect(home).toMatchObject({ status: 200, lang: 'id', title: 'Pusat bantuan · Tanya' })
    expect(home.text).toContain('Paling banyak dibaca')

    const article = await page('/kb/cleaning-a-hand-grinder', 'id')
    expect(article).toMatchObject({
      status: 200,
      lang: 'id',
      title: 'Cleaning a hand grinder · Pusat bantuan · Tanya',
    })
    // The interface is Indonesian; the article stays in the words it was written in.
    expect(article.text).toContain('Apakah artikel ini membantu?')
    expect(article.text).toContain('Diperbarui 2 Maret 2026')
    expect(article.text).toContain('Brush the burrs after every bag')

    const search = await page('/search?q=QRIS+deducted', 'id')
    expect(search).toMatchObject({
      status: 200,
      lang: 'id',
      title: '“QRIS deducted” · Pencarian · Tanya',
    })
    // Indonesian counts have one form: "1 diskusi", "2 diskusi".
    expect(search.text).toContain(
      'Hanya 1 diskusi yang memuat semua kata Anda (ditampilkan paling atas); sisanya memuat sebagian kata.',
    )
    expect(search.text).toContain('2 diskusi')

    const english = await page('/search?q=QRIS+deducted')
    expect(english).toMatchObject({ lang: 'en', title: '“QRIS deducted” · Search · Tanya' })
    expect(english.text).toContain(
      'Only one thread contains all of your words (shown first); the others contain some of them.',
    )
    const englishArticle = await page('/kb/cleaning-a-hand-grinder', 'en-GB,en;q=0.9')
    expect(englishArticle.title).toBe('Cleaning a hand grinder · Knowledge base · Tanya')
    expect(englishArticle.text).toContain('Was this helpful?')
    expect(englishArticle.text).toContain('Updated 2 March 2026')
  })

  it('never serves a cached search page to a visitor who reads the other language', async () => {
    app = await startApp({ PAGE_CACHE_SECONDS: '60' })
    const url = '/search?q=QRIS+deducted'
    // Two visitors behind one address, without cookies: only their browsers' languages differ.
    const indonesian = await page(url, 'id-ID,id;q=0.9')
    const english = await page(url, 'en-US,en;q=0.9')
    expect([indonesian.cache, english.cache]).toEqual(['miss', 'miss'])
    expect([indonesian.lang, english.lang]).toEqual(['id', 'en'])

    const again = { id: await page(url, 'id'), en: await page(url, 'en') }
    expect([again.id.cache, again.en.cache]).toEqual(['hit', 'hit'])
    expect(again.id).toMatchObject({ lang: 'id', title: '“QRIS deducted” · Pencarian · Tanya' })
    expect(again.en).toMatchObject({ lang: 'en', title: '“QRIS deducted” · Search · Tanya' })
    expect(again.id.text).toContain('Hanya 1 diskusi')
    expect(again.en.text).toContain('Only one thread')

    // A browser that states no language gets English, the same page as the English visitor's;
    // a ?lng= link names its language itself.
    expect(await page(url)).toMatchObject({ cache: 'hit', lang: 'en' })
    expect(await page(`${url}&lng=id`, 'en')).toMatchObject({ cache: 'miss', lang: 'id' })
  })
})
