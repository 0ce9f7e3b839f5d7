import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { users } from '../../db/schema'
import { db, write } from '~/utils/db.server'
import { action as languageAction } from '~/routes/language'
import { loader as listLoader } from '~/routes/questions._index'
import { loader as tagsLoader } from '~/routes/tags._index'
import { runInRequestScope } from '~/utils/request-scope.server'
import { callRoute, context, makeQuestion, makeUser, request } from '../factories'
import { cookieFrom, startApp, type RunningApp } from '../setup/app'
import { sessionCookie } from '../setup/site'

type Titled = { title: string }

/** The page title a loader gives for a request with these headers, in a request's scope. */
async function titleOf(
  loader: typeof listLoader | typeof tagsLoader,
  path: string,
  headers: Record<string, string>,
  user: Awaited<ReturnType<typeof makeUser>> | null = null,
) {
  const req = await request(path, user, { headers })
  const res = await runInRequestScope(() =>
    callRoute(loader, { request: req, params: {}, context }),
  )
  expect(res.status).toBe(200)
  return ((await res.json()) as Titled).title
}

/** The `tanya_lang` cookie the footer's switcher sets, as the browser sends it back. */
async function switchTo(language: string, user: Awaited<ReturnType<typeof makeUser>> | null) {
  const res = await callRoute(languageAction, {
    request: await request('/language', user, { form: { language, returnTo: '/questions' } }),
    params: {},
    context,
  })
  expect(res.status).toBe(302)
  expect(res.headers.get('Location')).toBe('/questions')
  const cookie = (res.headers.get('Set-Cookie') ?? '').split(';')[0]
  expect(cookie).toMatch(/^tanya_lang=/)
  return cookie
}

describe('the language a page is answered in', () => {
  it('is English by default and Bahasa Indonesia for a browser that asks for it', async () => {
    await makeQuestion(await makeUser())
    expect(await titleOf(listLoader, '/questions', {})).toBe('Questions · Tanya')
    expect(await titleOf(listLoader, '/questions', { 'Accept-Language': 'en-GB,en' })).toBe(
      'Questions · Tanya',
    )
    expect(await titleOf(listLoader, '/questions', { 'Accept-Language': 'id' })).toBe(
      'Pertanyaan · Tanya',
    )
    expect(
      await titleOf(listLoader, '/questions', { 'Accept-Language': 'id-ID,id;q=0.9,en;q=0.8' }),
    ).toBe('Pertanyaan · Tanya')
  })

  it('follows the switcher’s cookie over what the browser asks for', async () => {
    const indonesian = await switchTo('id', null)
    expect(
      await titleOf(tagsLoader, '/tags', { Cookie: indonesian, 'Accept-Language': 'en' }),
    ).toBe('Tag · Tanya')
    const english = await switchTo('en', null)
    expect(await titleOf(tagsLoader, '/tags', { Cookie: english, 'Accept-Language': 'id' })).toBe(
      'Tags · Tanya',
    )
  })

  it('is kept on the account of someone signed in, on any browser', async () => {
    const member = await makeUser()
    await switchTo('id', member)
    // Another browser: the session, no language cookie, a browser asking for English.
    expect(await titleOf(tagsLoader, '/tags', { 'Accept-Language': 'en' }, member)).toBe(
      'Tag · Tanya',
    )
  })
})

describe('the plain pages sent before any route runs', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp()
  })
  afterAll(() => app.close())

  const send = (path: string, init: RequestInit & { headers?: Record<string, string> }) =>
    fetch(`${app.url}${path}`, { redirect: 'manual', ...init })

  it('are in English by default, saying so in <html lang>', async () => {
    const res = await send('/questions', { method: 'PUT' })
    expect(res.status).toBe(405)
    const html = await res.text()
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('<h1>Method not allowed</h1>')
  })

  it('are in Bahasa Indonesia for a browser asking for it', async () => {
    const refused = await send('/questions', {
      method: 'PUT',
      headers: { 'Accept-Language': 'id-ID,id;q=0.9' },
    })
    expect(refused.status).toBe(405)
    expect(refused.headers.get('Content-Language')).toBe('id')
    const html = await refused.text()
    expect(html).toContain('<html lang="id">')
    expect(html).toContain('<h1>Metode tidak diizinkan</h1>')
    expect(html).toContain('Kembali ke Tanya')

    const forged = await send('/ask', {
      method: 'POST',
      headers: {
        Origin: 'https://evil.example',
        'Accept-Language': 'id',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'title=x',
    })
    expect(forged.status).toBe(403)
    expect(await forged.text()).toContain('Formulir ini dikirim dari situs lain')

    const tooLarge = await send('/ask', {
      method: 'POST',
      headers: {
        Origin: app.url,
        'Sec-Fetch-Site': 'same-origin',
        'Accept-Language': 'id',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: `body=${'a'.repeat(600 * 1024)}`,
    })
    expect(tooLarge.status).toBe(413)
    // Numbers as Indonesians write them.
    expect(await tooLarge.text()).toContain('30.000 karakter')

    const unreadable = await send('/questions/%E0%A4%A', { headers: { 'Accept-Language': 'id' } })
    expect(unreadable.status).toBe(400)
    expect(await unreadable.text()).toContain('Permintaan itu tidak bisa kami pahami')
  })

  it('follow the switcher’s cookie over the browser', async () => {
    const cookie = await switchTo('id', null)
    const res = await send('/questions', {
      method: 'PUT',
      headers: { Cookie: cookie, 'Accept-Language': 'en' },
    })
    const html = await res.text()
    expect(html).toContain('<html lang="id">')
    expect(html).toContain('Situs ini hanya menerima permintaan GET, HEAD, POST, OPTIONS.')
  })
})

describe('a ?lng= link', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp({ PAGE_CACHE_SECONDS: '60' })
  })
  afterAll(() => app.close())

  const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36'
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${app.url}${path}`, {
      headers: { 'User-Agent': BROWSER, 'Accept-Language': 'en', ...headers },
      redirect: 'manual',
    })
    const html = await res.text()
    return {
      status: res.status,
      cache: res.headers.get('x-page-cache'),
      setCookie: res.headers.getSetCookie(),
      cookie: cookieFrom(res),
      lang: /<html lang="(\w+)"/.exec(html)?.[1],
      html,
    }
  }
  const languageOf = (userId: number) =>
    db.select({ language: users.language }).from(users).where(eq(users.id, userId)).get()?.language

  it('is kept: its answer sets the switcher’s cookie, and the next plain page is in that language', async () => {
    const linked = await get('/questions?lng=id')
    expect(linked.lang).toBe('id')
    expect(linked.setCookie).toHaveLength(1)
    expect(linked.cookie).toMatch(/^tanya_lang=/)
    const next = await get('/tags', { Cookie: linked.cookie })
    expect(next.lang).toBe('id')
    // the browser already keeps it: nothing to set again
    expect((await get('/tags?lng=id', { Cookie: linked.cookie })).setCookie).toEqual([])
    // a language we do not have is ignored
    const unknown = await get('/tags?lng=fr')
    expect(unknown.lang).toBe('en')
    expect(unknown.setCookie).toEqual([])
  })

  it('pages from the cache are kept per language, and each answer sets only the cookie its own address asks for', async () => {
    await makeQuestion(await makeUser())
    const first = await get('/questions?lng=id')
    const again = await get('/questions?lng=id')
    expect(again.cache).toBe('hit')
    expect(again.lang).toBe('id')
    expect(again.cookie).toBe(first.cookie)
    // the same address in English is another page, with its own cookie
    const english = await get('/questions?lng=en')
    expect(english.lang).toBe('en')
    expect(english.cookie).not.toBe(first.cookie)
    expect(english.cookie).toMatch(/^tanya_lang=/)
    // the plain address is neither of them, and sets nothing
    for (const accept of ['en', 'id']) {
      const plain = await get('/questions', { 'Accept-Language': accept })
      expect(plain.lang).toBe(accept)
      expect(plain.setCookie).toEqual([])
      expect((await get('/questions', { 'Accept-Language': accept })).setCookie).toEqual([])
    }
  })

  it('never changes the account’s language: someone signed in keeps theirs over the cookie', async () => {
    const member = await makeUser()
    write((tx) => tx.update(users).set({ language: 'id' }).where(eq(users.id, member.id)).run())
    const session = (await sessionCookie(member)).split(';')[0]
    const linked = await get('/tags?lng=en', { Cookie: session })
    // the link's own page is in the language it names...
    expect(linked.lang).toBe('en')
    expect(languageOf(member.id)).toBe('id')
    // ...and the account's language comes before the cookie it set (cookie en, account id)
    const next = await get('/tags', { Cookie: `${session}; ${linked.cookie}` })
    expect(next.lang).toBe('id')
    expect(languageOf(member.id)).toBe('id')
  })

  it('hreflang alternates name the page in each language and the plain address as x-default', async () => {
    const page = await get('/questions?sort=newest&lng=id')
    const links = [
      ...page.html.matchAll(/<link rel="alternate" hrefLang="([\w-]+)" href="([^"]+)"/g),
    ]
    // absolute, on the site's address (BASE_URL)
    expect(links.map((m) => [m[1], m[2].replaceAll('&amp;', '&')])).toEqual([
      ['en', 'http://localhost:3000/questions?sort=newest&lng=en'],
      ['id', 'http://localhost:3000/questions?sort=newest&lng=id'],
      ['x-default', 'http://localhost:3000/questions?sort=newest'],
    ])
  })
})
