import { expect, test, type Page } from '@playwright/test'
import { expectNoSeriousViolations } from './axe'
import { logIn, newAccount, signUp } from './support'

/** The address of a question of the demo community, found the way a visitor finds one. */
async function aQuestionPath(page: Page) {
  await page.goto('/questions?status=solved')
  const link = page
    .getByRole('main')
    .getByRole('listitem')
    .getByRole('heading', { level: 3 })
    .getByRole('link')
    .first()
  const href = await link.getAttribute('href')
  expect(href).toMatch(/^\/questions\/\d+\/[a-z0-9-]+$/)
  return href as string
}

test.describe('accessibility for a visitor', () => {
  test('home page', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('heading', { level: 1, name: 'How can we help?' })).toBeVisible()
    await expectNoSeriousViolations(page, 'the home page')
  })

  test('questions list', async ({ page }) => {
    await page.goto('/questions')
    await expect(page.getByRole('heading', { level: 1, name: 'All questions' })).toBeVisible()
    await expectNoSeriousViolations(page, 'the questions list')
  })

  test('question page', async ({ page }) => {
    await page.goto(await aQuestionPath(page))
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expectNoSeriousViolations(page, 'a question page')
  })

  test('asking sends a visitor to log in, and both log-in and sign-up pass', async ({ page }) => {
    await page.goto('/ask')
    await expect(page).toHaveURL(/\/login/)
    await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible()
    await expectNoSeriousViolations(page, 'the log-in page')
    await page.goto('/signup')
    await expect(page.getByRole('heading', { level: 1, name: 'Create your account' })).toBeVisible()
    await expectNoSeriousViolations(page, 'the sign-up page')
  })

  test('search results', async ({ page }) => {
    await page.goto('/search?q=refund')
    await expect(page.getByRole('heading', { level: 1, name: 'Search results' })).toBeVisible()
    // Two search forms on one page: the header's and the page's own, told apart by name.
    await expect(page.getByRole('search')).toHaveCount(2)
    await expect(
      page.getByRole('banner').getByRole('search', { name: 'Site search' }),
    ).toBeVisible()
    await expect(
      page.getByRole('main').getByRole('search', { name: 'Search with filters' }),
    ).toBeVisible()
    await expectNoSeriousViolations(page, 'the search results')
  })

  test('knowledge base home and an article', async ({ page }) => {
    await page.goto('/kb')
    await expect(page.getByRole('heading', { level: 1, name: 'Knowledge base' })).toBeVisible()
    await expectNoSeriousViolations(page, 'the knowledge base home')
    await page.goto('/kb/grind-size-guide')
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expectNoSeriousViolations(page, 'a knowledge base article')
  })

  test('tags', async ({ page }) => {
    await page.goto('/tags')
    await expect(page.getByRole('heading', { level: 1, name: 'Tags' })).toBeVisible()
    await expectNoSeriousViolations(page, 'the tags page')
  })

  test('a profile', async ({ page }) => {
    await page.goto('/users/budi')
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expectNoSeriousViolations(page, 'a profile')
  })

  test('the 404 page', async ({ page }) => {
    await page.goto('/no-such-page-here')
    await expect(
      page.getByRole('heading', { level: 1, name: 'We could not find that page' }),
    ).toBeVisible()
    await expectNoSeriousViolations(page, 'the 404 page')
  })
})

test('accessibility for a member: the ask page and notifications with an unread one', async ({
  browser,
}) => {
  const member = newAccount('axe')
  const title = `Can I pause my bean subscription for a month? ${Date.now().toString(36)}`
  const memberContext = await browser.newContext()
  const page = await memberContext.newPage()
  await signUp(page, member)

  await page.goto('/ask')
  await expect(page.getByRole('heading', { level: 1, name: 'Ask the community' })).toBeVisible()
  await expectNoSeriousViolations(page, 'the ask page')

  // The same form with every field in error, and with tag suggestions open.
  await page.getByRole('button', { name: 'Post your question' }).click()
  await expect(page.getByRole('alert').first()).toBeVisible()
  const tags = page.getByRole('combobox', { name: 'Tags', exact: true })
  await tags.pressSequentially('s')
  await expect(page.getByRole('listbox', { name: 'Suggested tags' })).toBeVisible()
  await tags.press('ArrowDown')
  await expectNoSeriousViolations(page, 'the ask page with errors and tag suggestions')
  await tags.press('Escape')
  await tags.clear()

  // A question of theirs that someone answers gives the header's bell an unread count.
  await page.getByLabel('Title', { exact: true }).fill(title)
  await page
    .getByLabel('Details', { exact: true })
    .fill('I travel next month and would rather not have beans waiting at an empty house.')
  await page.getByRole('radio', { name: 'Payments & billing' }).check()
  await page.getByLabel('Tags', { exact: true }).fill('subscription')
  await page.getByRole('button', { name: 'Post your question' }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  const questionUrl = page.url()

  const helperContext = await browser.newContext()
  const helper = await helperContext.newPage()
  await logIn(helper, 'budi@kopi.example', 'Budi Santoso')
  await helper.goto(questionUrl)
  await helper
    .getByLabel('Answer', { exact: true })
    .fill('Yes: open your subscription page and choose “Skip next delivery”.')
  await helper.getByRole('button', { name: 'Post your answer' }).click()
  await expect(helper.getByText('Choose “Skip next delivery”', { exact: false })).toBeVisible()
  await helperContext.close()

  await page.goto('/notifications')
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible()
  await expect(
    page.getByRole('banner').getByRole('link', { name: 'Notifications 1 unread' }),
  ).toBeVisible()
  await expectNoSeriousViolations(page, 'the notifications page')
  await memberContext.close()
})

test('accessibility for a moderator: the KB queues, a question page and its edit form', async ({
  page,
}) => {
  await logIn(page, 'citra@kopi.example', 'Citra Lestari')
  await page.goto('/kb/candidates')
  await expect(page.getByRole('heading', { level: 1, name: 'Promotion queue' })).toBeVisible()
  await expectNoSeriousViolations(page, 'the KB candidates queue')
  await page.goto('/kb/review')
  await expect(page.getByRole('heading', { level: 1, name: 'Due for review' })).toBeVisible()
  await expectNoSeriousViolations(page, 'the KB review list')

  // A question page with a moderator's tools on it, and the edit form it leads to.
  await page.goto(await aQuestionPath(page))
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expectNoSeriousViolations(page, 'a question page seen by a moderator')
  await page.getByRole('link', { name: 'Edit', exact: true }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Edit question' })).toBeVisible()
  await expectNoSeriousViolations(page, 'the question edit form')
})

// Indonesian words are longer and named differently: a visible label and the name a voice
// command says must still match, and nothing may lose its contrast or its name.
test.describe('accessibility in Bahasa Indonesia', () => {
  test.use({ locale: 'id-ID' })

  test('home page, questions list and a question page', async ({ page }) => {
    await page.goto('/')
    await expect(page.locator('html')).toHaveAttribute('lang', 'id')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Ada yang bisa kami bantu?' }),
    ).toBeVisible()
    await expectNoSeriousViolations(page, 'the home page in Indonesian')

    await page.goto('/questions')
    await expect(page.getByRole('heading', { level: 1, name: 'Semua pertanyaan' })).toBeVisible()
    await expectNoSeriousViolations(page, 'the questions list in Indonesian')

    await page.goto(await aQuestionPath(page))
    await expect(page.getByRole('heading', { level: 2, name: /^\d+ jawaban$/ })).toBeVisible()
    await expectNoSeriousViolations(page, 'a question page in Indonesian')
  })
})
