import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { action as languageAction } from '~/routes/language'
import { loader as listLoader } from '~/routes/questions._index'
import { loader as tagsLoader } from '~/routes/tags._index'
import { runInRequestScope } from '~/utils/request-scope.server'
import { callRoute, context, makeQuestion, makeUser, request } from '../factories'
import { startApp, type RunningApp } from '../setup/app'

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
