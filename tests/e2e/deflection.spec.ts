import { expect, test, type Page } from '@playwright/test'
import { logIn } from './support'

// From content/kb/refund-timing-by-payment-method.md, synced into the demo at start.
const ARTICLE = 'How long a refund takes for each payment method'
const ARTICLE_PATH = '/kb/refund-timing-by-payment-method'
const TITLE = 'How long until my GoPay refund arrives?'

function watchForErrors(page: Page, problems: string[]) {
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error on ${page.url()}: ${m.text()}`)
  })
  page.on('pageerror', (e) => problems.push(`uncaught error on ${page.url()}: ${e.message}`))
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript'

  test(`a visitor types a question title and sees the matching KB article before posting (${mode})`, async ({
    browser,
  }) => {
    const problems: string[] = []
    const context = await browser.newContext({ javaScriptEnabled })
    const page = await context.newPage()
    watchForErrors(page, problems)
    // Two demo members who have not asked about refunds.
    if (javaScriptEnabled) await logIn(page, 'nadia@kopi.example', 'Nadia Putri')
    else await logIn(page, 'tomi@kopi.example', 'Tomi Siregar')
    await page.goto('/ask')

    const title = page.getByLabel('Title', { exact: true })
    if (javaScriptEnabled) {
      // Typed key by key: suggestions follow the typing, with no button to press.
      await title.pressSequentially(TITLE, { delay: 15 })
      await expect(page.getByRole('button', { name: 'Check for answers' })).toHaveCount(0)
    } else {
      await title.fill(TITLE)
      await page.getByRole('button', { name: 'Check for answers' }).click()
    }

    const suggestions = page.getByRole('list', { name: 'Suggested answers' })
    const article = suggestions.getByRole('link', { name: ARTICLE })
    await expect(article).toBeVisible()
    await expect(suggestions.getByText('Article').first()).toBeVisible()
    // The duplicate thread is never suggested; its original may be.
    await expect(
      suggestions.getByRole('link', { name: 'Refund still not in my GoPay after two days' }),
    ).toHaveCount(0)

    // It opens in a new tab through the logged click-through; the draft stays as typed.
    const [tab] = await Promise.all([context.waitForEvent('page'), article.click()])
    await expect(tab.getByRole('heading', { level: 1, name: ARTICLE })).toBeVisible()
    expect(new URL(tab.url()).pathname).toBe(ARTICLE_PATH)
    await expect(title).toHaveValue(TITLE)
    await expect(page.getByRole('button', { name: 'Post your question' })).toBeVisible()

    await context.close()
    expect(problems).toEqual([])
  })
}

test('a visitor searches from the header and sees the knowledge base first, then threads', async ({
  page,
}) => {
  await page.goto('/')
  // Once the page is interactive, the header's box is a combobox (it suggests while typing).
  const box = page.getByRole('banner').getByRole('combobox', { name: 'Search' })
  await box.fill('refund gopay')
  await box.press('Enter')

  await expect(page).toHaveURL(/\/search\?q=refund\+gopay/)
  const main = page.getByRole('main')
  await expect(main.getByRole('searchbox', { name: 'Search' })).toHaveValue('refund gopay')
  const headings = main.getByRole('heading', { level: 2 })
  await expect(headings.first()).toHaveText('Knowledge base')
  await expect(headings.nth(1)).toHaveText('Community threads')
  await expect(main.getByRole('link', { name: ARTICLE })).toBeVisible()
  await expect(main.locator('mark', { hasText: /^refund$/i }).first()).toBeVisible()

  await page.getByRole('main').getByRole('searchbox', { name: 'Search' }).fill('☕☕☕')
  await main.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(main.getByRole('status')).toContainText('no words to search for')
})
