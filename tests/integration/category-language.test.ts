import path from 'node:path'
import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { languageCookieHeader } from '~/i18n/i18n.server'
import { createArticle } from '~/modules/kb/kb.server'
import { ensureKbIndexFresh } from '~/modules/search/kb-index.server'
import { loader as askLoader } from '~/routes/ask'
import { loader as homeLoader } from '~/routes/_index'
import { loader as questionLoader } from '~/routes/questions.$questionId.($slug)'
import { loader as listLoader } from '~/routes/questions._index'
import { db, write } from '~/utils/db.server'
import { runInRequestScope } from '~/utils/request-scope.server'
import { slugify } from '~/utils/slug'
import { categories } from '../../db/schema'
import { syncCategoryTranslations } from '../../db/seed'
import { callRoute, context, makeCategory, makeQuestion, makeUser, request } from '../factories'
import { useTestKbIndex } from '../setup/kb'
import { startApp, type RunningApp } from '../setup/app'

// Category names and descriptions in the page's language: written to a database that had only
// the English ones by the start-up sync from content/categories.yml, then shown by the home
// page, the question list, the ask form, a question page, the KB and search, in Indonesian to
// an Indonesian reader and in English to everyone else.

const ORDERS_ID = 'Pesanan & pengiriman'
const ORDERS_ID_DESCRIPTION =
  'Cek resi dan posisi paket, pilihan kurir, perkiraan waktu sampai, dan mengubah pesanan sebelum dikirim.'
const BREWING_ID = 'Tips menyeduh'
const TITLE = 'My order has not arrived yet'

type Category = { slug: string; name: string; description?: string }

let app: RunningApp | null = null
let questionId = 0

beforeEach(async () => {
  useTestKbIndex('categories')
  // A database from before the translations: English rows, `{}` from the migration's default.
  makeCategory('orders-shipping', 'Orders & shipping')
  makeCategory('brewing-help', 'Brewing help')
  // Not in categories.yml (an importer's): it has no translation and keeps its English name.
  makeCategory('coffee-se', 'Coffee Stack Exchange')
  syncCategoryTranslations(path.resolve('content'))
  questionId = await makeQuestion(await makeUser(), { category: 'orders-shipping', title: TITLE })
})

afterEach(async () => {
  await app?.close()
  app = null
})

async function load<T>(
  loader: (args: never) => unknown,
  url: string,
  options: { headers?: Record<string, string>; user?: Awaited<ReturnType<typeof makeUser>> } = {},
  params: Record<string, string> = {},
) {
  const req = await request(url, options.user ?? null, { headers: options.headers })
  const res = await runInRequestScope(() => callRoute(loader, { request: req, params, context }))
  expect(res.status).toBe(200)
  return (await res.json()) as T
}

/** Names by slug: the test's categories all have position 0, so English names order them. */
const names = (list: Category[]) => Object.fromEntries(list.map((c) => [c.slug, c.name]))
const bySlug = (list: Category[], slug: string) => list.find((c) => c.slug === slug)
const INDONESIAN = {
  'orders-shipping': ORDERS_ID,
  'brewing-help': BREWING_ID,
  'coffee-se': 'Coffee Stack Exchange',
}

describe('the start-up sync of categories.yml', () => {
  it('writes the translations to the categories a database already has, once', () => {
    const stored = () =>
      Object.fromEntries(
        db
          .select({ slug: categories.slug, translations: categories.translations })
          .from(categories)
          .all()
          .map((c) => [c.slug, c.translations]),
      )
    expect(stored()['orders-shipping']).toEqual({
      id: { name: ORDERS_ID, description: ORDERS_ID_DESCRIPTION },
    })
    expect(stored()['brewing-help']?.id?.name).toBe(BREWING_ID)
    expect(stored()['coffee-se']).toEqual({})
    // Nothing changed since: nothing is written.
    expect(syncCategoryTranslations(path.resolve('content'))).toEqual([])
    // A translation edited in the database is put back as the file has it.
    write((tx) =>
      tx
        .update(categories)
        .set({ translations: {} })
        .where(eq(categories.slug, 'brewing-help'))
        .run(),
    )
    expect(syncCategoryTranslations(path.resolve('content'))).toEqual(['brewing-help'])
    // English stays what the database had; the sync writes translations only.
    const row = db.select().from(categories).where(eq(categories.slug, 'orders-shipping')).get()
    expect(row).toMatchObject({ name: 'Orders & shipping', description: '' })
  })
})

describe('pages name categories in the reader’s language', () => {
  it('the home page: cards and recent questions, with ?lng=id', async () => {
    type Home = {
      categories: Category[]
      recent: { category: Category }[]
    }
    const id = await load<Home>(homeLoader, '/?lng=id')
    expect(names(id.categories)).toEqual(INDONESIAN)
    expect(bySlug(id.categories, 'orders-shipping')?.description).toBe(ORDERS_ID_DESCRIPTION)
    expect(id.recent[0].category).toEqual({ slug: 'orders-shipping', name: ORDERS_ID })

    const en = await load<Home>(homeLoader, '/')
    expect(names(en.categories)).toEqual({
      'orders-shipping': 'Orders & shipping',
      'brewing-help': 'Brewing help',
      'coffee-se': 'Coffee Stack Exchange',
    })
    expect(bySlug(en.categories, 'orders-shipping')?.description).toBe('')
    expect(en.recent[0].category.name).toBe('Orders & shipping')
  })

  it('the question list: filters, heading and rows, for a browser asking for Indonesian', async () => {
    type List = { categories: Category[]; result: { items: { category: Category }[] } }
    const headers = { 'Accept-Language': 'id-ID,id;q=0.9' }
    const id = await load<List>(listLoader, '/questions?category=orders-shipping', { headers })
    expect(names(id.categories)).toEqual(INDONESIAN)
    expect(id.result.items.map((q) => q.category.name)).toEqual([ORDERS_ID])

    const en = await load<List>(listLoader, '/questions?category=orders-shipping', {
      headers: { 'Accept-Language': 'en' },
    })
    expect(en.result.items.map((q) => q.category.name)).toEqual(['Orders & shipping'])
  })

  it('the ask form’s category picker, with the switcher’s cookie', async () => {
    const cookie = (await languageCookieHeader('id')).split(';')[0]
    const user = await makeUser()
    // The session cookie and the language cookie, as the browser sends them together.
    const req = await request('/ask', user)
    req.headers.set('Cookie', `${req.headers.get('Cookie')}; ${cookie}`)
    const res = await runInRequestScope(() =>
      callRoute(askLoader, { request: req, params: {}, context }),
    )
    expect(res.status).toBe(200)
    const ask = (await res.json()) as { title: string; categories: Category[] }
    expect(ask.title).toBe('Ajukan pertanyaan · Tanya')
    expect(bySlug(ask.categories, 'orders-shipping')).toEqual({
      slug: 'orders-shipping',
      name: ORDERS_ID,
      description: ORDERS_ID_DESCRIPTION,
    })
    expect(bySlug(ask.categories, 'coffee-se')).toEqual({
      slug: 'coffee-se',
      name: 'Coffee Stack Exchange',
      description: '',
    })
  })

  it('a question page: its category and its meta description', async () => {
    type QuestionPage = { description: string; page: { category: Category } }
    const params = { questionId: String(questionId), slug: slugify(TITLE) }
    const url = `/questions/${questionId}/${slugify(TITLE)}`
    const id = await load<QuestionPage>(questionLoader, `${url}?lng=id`, {}, params)
    expect(id.page.category.name).toBe(ORDERS_ID)
    expect(id.description).toBe(`${ORDERS_ID}: ${TITLE}`)
    const en = await load<QuestionPage>(questionLoader, url, {}, params)
    expect(en.description).toBe(`Orders & shipping: ${TITLE}`)
  })

  it('rendered pages without JavaScript: home, KB and search', async () => {
    const admin = await makeUser({ role: 'admin' })
    const created = await createArticle(admin, {
      title: 'Cleaning a hand grinder',
      summary: 'Brush the burrs after every bag, never wash them.',
      body: 'Use the small brush, and a rice trick once a month.',
      category: 'brewing-help',
      tags: ['grinder'],
      status: 'published',
      comment: '',
    })
    if (!created.ok) throw new Error('the fixture article was not created')
    await ensureKbIndexFresh()
    app = await startApp()
    const text = async (url: string, language: string) => {
      const res = await fetch(`${app!.url}${url}`, { headers: { 'Accept-Language': language } })
      expect(res.status).toBe(200)
      return (await res.text())
        .replace(/<[^>]+>/g, ' ')
        .replaceAll('&amp;', '&')
        .replace(/\s+/g, ' ')
    }

    const home = await text('/', 'id')
    expect(home).toContain(ORDERS_ID)
    expect(home).toContain(ORDERS_ID_DESCRIPTION)
    expect(home).not.toContain('Orders & shipping')
    expect(await text('/', 'en')).toContain('Orders & shipping')

    const kb = await text('/kb', 'id')
    expect(kb).toContain(BREWING_ID)
    expect(kb).not.toContain('Brewing help')
    expect(await text(`/kb/${created.slug}`, 'id')).toContain(BREWING_ID)

    const found = await text('/search?q=grinder+arrived', 'id')
    // The article's category, the thread's category, and the form's category choices.
    expect(found).toContain(BREWING_ID)
    expect(found).toContain(ORDERS_ID)
    expect(found).not.toMatch(/Brewing help|Orders & shipping/)
    expect(await text('/search?q=grinder+arrived', 'en')).toContain('Brewing help')
  })
})
