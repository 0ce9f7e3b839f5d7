import { expect, test, type Page } from '@playwright/test'
import { logIn } from './support'

const ESPRESSO = 'Espresso shots run too fast with the pre-ground Gayo'
const HUMIDITY = "Should I keep coffee beans in the fridge in Bali's humidity?"

function answers(page: Page) {
  return page
    .getByRole('region', { name: /^(No answers yet|\d+ answers?)$/ })
    .getByRole('listitem', { name: /^Answer by / })
}

async function openThread(page: Page, title: string) {
  await page.goto(`/search?q=${encodeURIComponent(title)}`)
  await page.getByRole('link', { name: title }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
}

test('posting an answer clears the box, and a double click posts it once', async ({ page }) => {
  await logIn(page, 'rizky@kopi.example', 'Rizky Hidayat')
  await openThread(page, ESPRESSO)
  const text = `Grind two steps finer and time the shot again (${Date.now().toString(36)}).`
  const box = page.getByRole('textbox', { name: 'Answer' })
  await box.fill(text)
  await page.getByRole('button', { name: 'Post your answer' }).dblclick()

  await expect(answers(page).filter({ hasText: text })).toHaveCount(1)
  await expect(page.getByRole('textbox', { name: 'Answer' })).toHaveValue('')
  // Still one after the page is loaded again from the server.
  await page.reload()
  await expect(answers(page).filter({ hasText: text })).toHaveCount(1)
})

test('the same answer form sent twice at once (a double submit) posts one answer', async ({
  page,
  baseURL,
}) => {
  await logIn(page, 'rizky@kopi.example', 'Rizky Hidayat')
  await openThread(page, ESPRESSO)
  const text = `Check the dose with a scale first (${Date.now().toString(36)}).`
  // What the browser sends for this form, sent twice without waiting, as a second click does.
  const form = {
    intent: 'answer',
    body: text,
    submissionKey: await page.locator('input[name="submissionKey"]').inputValue(),
  }
  const send = () =>
    page.request.post(page.url(), { form, headers: { Origin: baseURL! }, maxRedirects: 0 })
  const [first, second] = await Promise.all([send(), send()])
  expect([first.status(), second.status()]).toEqual([302, 302])
  expect(second.headers().location).toBe(first.headers().location)
  await page.reload()
  await expect(answers(page).filter({ hasText: text })).toHaveCount(1)
})

test('a moderator deletes an answer with a reason, the public stops seeing it, and it can be restored', async ({
  browser,
}) => {
  const moderatorContext = await browser.newContext()
  const citra = await moderatorContext.newPage()
  await logIn(citra, 'citra@kopi.example', 'Citra Lestari')
  await openThread(citra, HUMIDITY)
  const budi = answers(citra).filter({ hasText: 'Skip the fridge' })
  await budi.getByText('Delete…').click()
  // Nothing happens before a reason is given.
  await budi.getByRole('button', { name: 'Delete this answer' }).click()
  await expect(budi.getByRole('combobox', { name: 'Why delete this answer?' })).toBeVisible()
  await budi.getByRole('combobox', { name: 'Why delete this answer?' }).selectOption('abusive')
  await budi.getByRole('button', { name: 'Delete this answer' }).click()
  await expect(budi.getByRole('note')).toContainText('This answer is deleted')
  await expect(budi.getByRole('note')).toContainText('Citra Lestari deleted it')
  await expect(budi.getByRole('note')).toContainText('Rude or abusive')

  const visitorContext = await browser.newContext()
  const visitor = await visitorContext.newPage()
  await openThread(visitor, HUMIDITY)
  await expect(answers(visitor).filter({ hasText: 'Skip the fridge' })).toHaveCount(0)

  await budi.getByRole('button', { name: 'Restore this answer' }).click()
  await expect(budi.getByRole('note')).toHaveCount(0)
  await visitor.reload()
  await expect(answers(visitor).filter({ hasText: 'Skip the fridge' })).toHaveCount(1)
  await moderatorContext.close()
  await visitorContext.close()
})

test('log out everywhere ends the session in the other browser too', async ({ browser }) => {
  const phone = await (await browser.newContext()).newPage()
  const laptop = await (await browser.newContext()).newPage()
  await logIn(phone, 'sari@kopi.example', 'Sari Maharani')
  await logIn(laptop, 'sari@kopi.example', 'Sari Maharani')

  const header = laptop.getByRole('banner')
  await header.getByText('Account', { exact: true }).click()
  await header.getByRole('button', { name: 'Log out everywhere' }).click()
  await expect(laptop.getByRole('status')).toContainText('2 sessions ended')

  await phone.reload()
  await expect(phone.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible()
})
