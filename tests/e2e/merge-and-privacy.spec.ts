import { expect, test, type Page } from '@playwright/test'
import { logIn, newAccount, signUp } from './support'

/** The answers section is a region named after its heading ("2 answers"); its items are posts. */
function answerItems(page: Page) {
  return page
    .getByRole('region', { name: /^(No answers yet|\d+ answers?)$/ })
    .getByRole('listitem', { name: /^Answer by / })
}

async function ask(page: Page, title: string, details: string) {
  await page.goto('/ask')
  await page.getByLabel('Title', { exact: true }).fill(title)
  await page.getByLabel('Details', { exact: true }).fill(details)
  await page.getByRole('radio', { name: 'Brewing help' }).check()
  await page.getByLabel('Tags', { exact: true }).fill('grind-size')
  await page.getByRole('button', { name: 'Post your question' }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  return page.url()
}

test('a moderator merges a duplicate, and its old address lands on the original with the moved answer', async ({
  page: asker,
  browser,
}) => {
  test.slow()
  const run = Date.now().toString(36)
  const originalTitle = `Hand grinder squeaks with dark roast (${run})`
  const duplicateTitle = `Squeaking noise from my manual grinder (${run})`
  const answer = `A drop of food-grade oil on the axle stops the squeak (${run}).`

  // Two people ask the same thing (a new account may not post twice within seconds).
  const firstContext = await browser.newContext()
  const first = await firstContext.newPage()
  await signUp(first, newAccount('merge'))
  const originalUrl = await ask(
    first,
    originalTitle,
    'My hand grinder squeaks loudly every time I grind the dark roast beans.',
  )
  await firstContext.close()
  await signUp(asker, newAccount('merge'))
  const duplicateUrl = await ask(
    asker,
    duplicateTitle,
    'There is a squeaking noise whenever I grind beans for my morning V60.',
  )

  const helperContext = await browser.newContext()
  const helper = await helperContext.newPage()
  await logIn(helper, 'budi@kopi.example', 'Budi Santoso')
  await helper.goto(duplicateUrl)
  await helper.getByRole('textbox', { name: 'Answer' }).fill(answer)
  await helper.getByRole('button', { name: 'Post your answer' }).click()
  await expect(answerItems(helper).filter({ hasText: answer })).toHaveCount(1)
  await helperContext.close()

  const moderatorContext = await browser.newContext()
  const citra = await moderatorContext.newPage()
  await logIn(citra, 'citra@kopi.example', 'Citra Lestari')
  await citra.goto(duplicateUrl)
  await citra.getByText('Moderate thread').click()
  await citra.getByLabel('Merge into question').fill(originalUrl)
  await citra.getByLabel('Note for the log (optional)').fill('Same squeak, asked twice')
  await citra.getByRole('button', { name: 'Merge', exact: true }).click()
  await expect(citra.getByRole('heading', { level: 1, name: originalTitle })).toBeVisible()
  await expect(answerItems(citra).filter({ hasText: answer })).toHaveCount(1)
  await moderatorContext.close()

  // A visitor following the old link, with its old slug or none, lands on the original.
  const visitorContext = await browser.newContext()
  const visitor = await visitorContext.newPage()
  for (const url of [duplicateUrl, duplicateUrl.replace(/\/[a-z0-9-]+$/, '/old-slug')]) {
    await visitor.goto(url)
    await expect(visitor).toHaveURL(originalUrl)
    await expect(visitor.getByRole('heading', { level: 1, name: originalTitle })).toBeVisible()
    await expect(answerItems(visitor).filter({ hasText: answer })).toHaveCount(1)
  }
  await visitorContext.close()

  // The asker hears where their question went.
  await asker.goto('/notifications')
  await expect(
    asker.getByText(`Citra Lestari merged your question “${duplicateTitle}” into this thread`),
  ).toBeVisible()
})

test('typing a phone number on the ask form warns, and the person chooses to ask privately', async ({
  page,
}) => {
  const run = Date.now().toString(36)
  const title = `Courier could not find my house (${run})`
  const details = `The courier could not find my house. Please call me on 0812-3456-7890 (${run}).`
  await signUp(page, newAccount('phone'))
  await page.goto('/ask')
  await page.getByLabel('Title', { exact: true }).fill(title)
  await page.getByLabel('Details', { exact: true }).fill(details)
  // while typing
  await expect(
    page.getByRole('status').filter({ hasText: 'Careful: this looks like a phone number' }),
  ).toBeVisible()
  await page.getByRole('radio', { name: 'Orders & shipping' }).check()
  await page.getByLabel('Tags', { exact: true }).fill('shipping')
  await page.getByRole('button', { name: 'Post your question' }).click()

  // on submit: the warning at the field, everything still typed, three ways on
  const warning = page.getByRole('alert').filter({ hasText: 'This looks like personal data' })
  await expect(warning).toContainText('a phone number')
  await expect(warning).toContainText('0812-3456-7890')
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title)
  await expect(page.getByLabel('Details', { exact: true })).toHaveValue(details)
  await expect(warning.getByRole('button', { name: 'Edit it out' })).toBeVisible()
  await expect(warning.getByRole('button', { name: 'Post anyway' })).toBeVisible()
  await warning.getByRole('button', { name: 'Ask privately instead' }).click()

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(
    page.getByText('Only you and our staff can see this question and its answers.'),
  ).toBeVisible()
})
