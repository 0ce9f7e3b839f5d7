import { expect, test, type Page } from '@playwright/test'
import { logIn } from './support'

const CATEGORIES = [
  'Orders & shipping',
  'Returns & refunds',
  'Payments & billing',
  'Account & login',
  'Brewing help',
]

/** The rows of a question list: each is a list item with the question's title as a heading. */
function questionRows(page: Page) {
  return page
    .getByRole('main')
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3 }) })
}

/** The address of a question of the demo community, found the way a visitor finds one. */
async function aSolvedQuestionPath(page: Page) {
  await page.goto('/questions?status=solved')
  const href = await questionRows(page)
    .first()
    .getByRole('heading')
    .getByRole('link')
    .getAttribute('href')
  expect(href).toMatch(/^\/questions\/\d+\/[a-z0-9-]+$/)
  return href as string
}

test('an unknown address shows the 404 page inside the site', async ({ page }) => {
  const response = await page.goto('/this-page-does-not-exist')
  expect(response?.status()).toBe(404)
  await expect(
    page.getByRole('heading', { level: 1, name: 'We could not find that page' }),
  ).toBeVisible()
  await expect(page.getByRole('link', { name: 'Go to the home page' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
})

test('the home page shows the five categories', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'How can we help?' })).toBeVisible()
  const categories = page.getByRole('region', { name: 'Categories' })
  await expect(categories.getByRole('listitem')).toHaveCount(CATEGORIES.length)
  await expect(categories.getByRole('heading', { level: 3 })).toHaveText(CATEGORIES)
  for (const name of CATEGORIES)
    await expect(categories.getByRole('link', { name, exact: true })).toBeVisible()
})

test('filtering the questions by status Solved shows only solved questions', async ({ page }) => {
  await page.goto('/questions')
  await expect(page.getByRole('heading', { level: 1, name: 'All questions' })).toBeVisible()
  // The demo community has open and answered questions too, so the filter has work to do.
  const rows = questionRows(page)
  await expect(rows.getByText('Open', { exact: true }).first()).toBeVisible()

  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Solved' })
  await page.getByRole('button', { name: 'Apply filters' }).click()

  await expect(page).toHaveURL(/[?&]status=solved(&|$)/)
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('solved')
  // The address changes a moment before the new list is on the page: wait for the list itself
  // (no row in another state) before counting its rows.
  await expect(rows.getByText(/^(Open|Answered|Closed|Duplicate)$/)).toHaveCount(0)
  await expect(rows.first()).toBeVisible()
  const count = await rows.count()
  expect(count).toBeGreaterThan(0)
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i)
    await expect(row.getByText('Solved', { exact: true })).toBeVisible()
    await expect(row.getByText(/^(Open|Answered|Closed|Duplicate)$/)).toHaveCount(0)
  }
})

test('a form sent from another site is refused with 403', async ({ request, baseURL }) => {
  const refused = await request.post('/signup', {
    headers: { Origin: 'https://evil.example' },
    form: { email: 'mallory@evil.example', handle: 'mallory', displayName: 'M', password: 'x' },
    maxRedirects: 0,
  })
  expect(refused.status()).toBe(403)
  expect(await refused.text()).toContain('Request refused')

  // The same form from our own origin is let through (and fails validation instead).
  const own = await request.post('/signup', {
    headers: { Origin: new URL(baseURL ?? '').origin },
    form: { email: '', handle: '', displayName: '', password: '' },
    maxRedirects: 0,
  })
  expect(own.status()).toBe(400)
})

test('a request body over 512 KB is refused with 413', async ({ request, baseURL }) => {
  const response = await request.post('/signup', {
    headers: {
      Origin: new URL(baseURL ?? '').origin,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    data: `email=${'a'.repeat(513 * 1024)}`,
    maxRedirects: 0,
  })
  expect(response.status()).toBe(413)
  expect(await response.text()).toContain('That is too large')
})

test('the question page has a CSP whose script-src does not allow inline scripts', async ({
  page,
}) => {
  const path = await aSolvedQuestionPath(page)
  const response = await page.goto(path)
  expect(response?.status()).toBe(200)
  const csp = response?.headers()['content-security-policy']
  expect(csp, 'content-security-policy header').toBeTruthy()
  const directives = (csp ?? '').split(';').map((d) => d.trim().split(/\s+/))
  const scriptSrc = directives.find(([name]) => name === 'script-src')
  expect(scriptSrc, 'script-src directive').toBeDefined()
  expect(scriptSrc).not.toContain("'unsafe-inline'")
  expect(scriptSrc).toContain("'self'")
})

test.describe('the browser console', () => {
  let problems: string[] = []

  test.beforeEach(({ page }) => {
    problems = []
    page.on('console', (message) => {
      if (message.type() === 'error')
        problems.push(`console.error on ${page.url()}: ${message.text()}`)
    })
    page.on('pageerror', (error) =>
      problems.push(`uncaught error on ${page.url()}: ${error.message}`),
    )
  })

  test('runs the scripts of a page served from the page cache', async ({ page }) => {
    // Signed out: the first visit renders and stores the page, the second is sent from memory
    // with a policy that allows its inline scripts by their hashes.
    await page.goto('/tags')
    const again = await page.goto('/tags')
    expect(again?.headers()['x-page-cache']).toBe('hit')
    expect(again?.headers()['content-security-policy']).toMatch(/script-src 'self' 'sha256-/)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await settled(page)
    expect(problems).toEqual([])
  })

  test('shows no errors on the home page, a question page and the ask page', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('heading', { level: 1, name: 'How can we help?' })).toBeVisible()
    await settled(page)

    const path = await aSolvedQuestionPath(page)
    await page.goto(path)
    await expect(page.getByText('Solved', { exact: true })).toBeVisible()
    const accepted = page.getByRole('listitem', { name: /^Answer by / }).filter({
      hasText: 'Accepted answer',
    })
    await expect(accepted).toHaveCount(1)
    // Said once: the visible label, not again by a hidden copy or the item's name.
    await expect(accepted.getByText('Accepted answer', { exact: true })).toHaveCount(1)
    await settled(page)

    await logIn(page, 'ayu@kopi.example', 'Ayu Pratiwi')
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Ask a question' })
      .click()
    await expect(page.getByRole('heading', { level: 1, name: 'Ask the community' })).toBeVisible()
    // The live preview only exists once the page's JavaScript runs, and it uses the server.
    // It must not reload the page's data: after a save that reload could ask for a page that no
    // longer exists (a published promotion candidate) and fail.
    const reloads: string[] = []
    page.on('request', (r) => {
      if (r.url().includes('_data=')) reloads.push(r.url())
    })
    await page.getByLabel('Details', { exact: true }).fill('Is **bold** shown in the preview?')
    await expect(
      page.getByRole('region', { name: 'Preview' }).getByText('bold', { exact: true }),
    ).toBeVisible()
    await settled(page)
    expect(reloads).toEqual([])

    expect(problems).toEqual([])
  })
})

/**
 * Waits until React has hydrated the whole page (the footer, the last thing it renders, is
 * claimed by React) and the requests that follow hydration are done, so late errors are seen.
 */
async function settled(page: Page) {
  await page.waitForFunction(() => {
    const footer = document.querySelector('footer')
    return footer !== null && Object.keys(footer).some((key) => key.startsWith('__reactFiber$'))
  })
  await page.waitForLoadState('networkidle')
}
