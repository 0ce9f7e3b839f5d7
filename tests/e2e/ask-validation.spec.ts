import fs from 'node:fs'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { newAccount, signUp } from './support'

// The same checks run with JavaScript and without it: the ask form must work as a plain form.
for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript'

  test.describe(`ask form validation ${mode}`, () => {
    // One new member per mode: signed up once, then every test starts from its cookies.
    const storageState = path.resolve(`tmp/e2e-auth/member-js-${javaScriptEnabled}.json`)
    test.use({ javaScriptEnabled, storageState })

    test.beforeAll(async ({ browser }) => {
      // Contexts made here get the `use` options too; this one starts without the cookies.
      const context = await browser.newContext({ javaScriptEnabled, storageState: undefined })
      await signUp(await context.newPage(), newAccount(javaScriptEnabled ? 'js' : 'nojs'))
      fs.mkdirSync(path.dirname(storageState), { recursive: true })
      await context.storageState({ path: storageState })
      await context.close()
    })

    test.beforeEach(async ({ page }) => {
      await page.goto('/ask')
      await expect(page.getByRole('heading', { level: 1, name: 'Ask the community' })).toBeVisible()
    })

    test(`a short title and an empty body show both errors and keep the title (${mode})`, async ({
      page,
    }) => {
      await page.getByLabel('Title', { exact: true }).fill('Too short')
      await page.getByRole('radio', { name: 'Brewing help' }).check()
      await page.getByLabel('Tags', { exact: true }).fill('v60')
      await submit(page)

      await expectFieldError(page, 'Title', 'Titles must be at least 10 characters')
      await expectFieldError(page, 'Details', 'The question must be at least 20 characters')
      await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Too short')
      await expect(page.getByLabel('Tags', { exact: true })).toHaveValue('v60')
      await expect(page.getByRole('radio', { name: 'Brewing help' })).toBeChecked()
      // Only the two wrong fields complain.
      await expect(page.getByRole('alert')).toHaveCount(2)
      await expect(page).toHaveURL(/\/ask$/)
    })

    test(`a body over 30,000 characters gets the length error and keeps the text (${mode})`, async ({
      page,
    }) => {
      const sentence = 'The grinder makes a rattling noise on the finest setting. '
      const body = sentence.repeat(Math.ceil(30_001 / sentence.length)).trim()
      expect(body.length).toBeGreaterThan(30_000)

      await page.getByLabel('Title', { exact: true }).fill('Grinder rattles on the finest setting')
      await page.getByLabel('Details', { exact: true }).fill(body)
      await page.getByRole('radio', { name: 'Brewing help' }).check()
      await page.getByLabel('Tags', { exact: true }).fill('grind-size')
      await submit(page)

      await expectFieldError(page, 'Details', 'The question must be at most 30,000 characters')
      await expect(page.getByLabel('Details', { exact: true })).toHaveValue(body)
      await expect(page.getByLabel('Title', { exact: true })).toHaveValue(
        'Grinder rattles on the finest setting',
      )
      await expect(page).toHaveURL(/\/ask$/)
    })

    test(`a tag that does not exist yet is refused for a member (${mode})`, async ({ page }) => {
      const tag = `no-such-tag-${Date.now().toString(36)}`
      await page.getByLabel('Title', { exact: true }).fill('Which beans work best for kopi tubruk?')
      await page
        .getByLabel('Details', { exact: true })
        .fill('I want a strong, thick cup brewed the traditional way. Which beans should I buy?')
      await page.getByRole('radio', { name: 'Brewing help' }).check()
      await page.getByLabel('Tags', { exact: true }).fill(`beans ${tag}`)
      await submit(page)

      await expectFieldError(page, 'Tags', `“${tag}” is not a tag yet`)
      await expect(page.getByRole('alert')).toContainText(
        'New tags can be created by helpers and members with 100 reputation',
      )
      await expect(page.getByLabel('Tags', { exact: true })).toHaveValue(`beans ${tag}`)
      await expect(page).toHaveURL(/\/ask$/)
    })
  })
}

async function submit(page: Page) {
  await page.getByRole('button', { name: 'Post your question' }).click()
}

/** The message is an alert, and it is the field's description, so it is read out with it. */
async function expectFieldError(page: Page, label: string, message: string) {
  await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible()
  const field = page.getByLabel(label, { exact: true })
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(field).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)))
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
