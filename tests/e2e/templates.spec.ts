import { expect, test, type Page } from '@playwright/test'
import { answerBy, logIn, newAccount, signUp } from './support'
import { expectNoSeriousViolations } from './axe'

async function ask(page: Page, title: string, details: string, category: string, tags: string) {
  await page.goto('/ask')
  await page.getByLabel('Title', { exact: true }).fill(title)
  await page.getByLabel('Details', { exact: true }).fill(details)
  await page.getByRole('radio', { name: category }).check()
  await page.getByLabel('Tags', { exact: true }).fill(tags)
  await page.getByRole('button', { name: 'Post your question' }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  return page.url()
}

test('staff answer from a template, edit it, post it; the asker accepts; the templates page counts the use', async ({
  page: asker,
  browser,
}) => {
  test.slow()
  const run = Date.now().toString(36)
  const account = newAccount('sour')
  const title = `My V60 coffee tastes sour every morning (${run})`
  await signUp(asker, account)
  const url = await ask(
    asker,
    title,
    'The cup is sour and thin with 15 g of beans and a medium grind. What should I change?',
    'Brewing help',
    'v60',
  )

  const context = await browser.newContext()
  const staff = await context.newPage()
  await logIn(staff, 'dewi@kopi.example', 'Dewi Anggraini')
  await staff.goto(url)
  const form = staff.getByRole('region', { name: 'Your answer' })
  const search = form.getByRole('searchbox', { name: 'Find a template' })
  await search.fill('sour')
  await expect(form.getByRole('list', { name: 'Reply templates' }).getByRole('link')).toHaveCount(1)
  await search.press('Enter')
  await expect(form.getByRole('status')).toContainText(
    'Inserted from the template “Coffee tastes sour or bitter”',
  )
  const answer = form.getByLabel('Answer', { exact: true })
  await expect(answer).toHaveValue(new RegExp(`^Hi ${account.displayName},`))
  await expect(answer).toHaveValue(/— Dewi Anggraini$/)
  await expectNoSeriousViolations(staff, 'the answer form with a template inserted')
  // the filled-in text is edited before posting
  const extra = `For your grinder, start two clicks finer (${run}).`
  await answer.press('Control+End')
  await answer.pressSequentially(`\n\n${extra}`)
  await form.getByRole('button', { name: 'Post your answer' }).click()
  const posted = answerBy(staff, 'Dewi Anggraini')
  await expect(posted).toContainText(extra)
  await expect(posted).toContainText('Sour usually means the water did not get enough')

  await asker.reload()
  await answerBy(asker, 'Dewi Anggraini')
    .getByRole('button', { name: 'Accept this answer' })
    .click()
  await expect(answerBy(asker, 'Dewi Anggraini').getByText('Accepted answer')).toBeVisible()

  await staff.goto('/templates')
  const row = staff.getByRole('listitem', { name: 'Coffee tastes sour or bitter' })
  await expect(row.getByRole('definition').first()).toHaveText('1')
  await expect(row).toContainText('Not automatic: it needs 10 decided uses')
  await expectNoSeriousViolations(staff, 'the templates page')
  await context.close()
})

/** The dashboard's automatic resolution figure: how many solved questions, and by automation. */
async function automaticResolution(staff: Page) {
  await staff.goto('/dashboard')
  const figure = staff.getByText(/of \d+ solved questions were solved by an automatic answer/)
  const text = (await figure.textContent()) ?? ''
  const [, part, whole] = /(\d+) of (\d+) solved questions/.exec(text) ?? []
  return { part: Number(part), whole: Number(whole) }
}

test('an automatic suggestion on a new question solves it when the asker says so, and the automatic resolution rate moves', async ({
  page: asker,
  browser,
}) => {
  test.slow()
  const run = Date.now().toString(36)
  const context = await browser.newContext()
  const staff = await context.newPage()
  await logIn(staff, 'dewi@kopi.example', 'Dewi Anggraini')
  const before = await automaticResolution(staff)
  await signUp(asker, newAccount('reset'))
  await ask(
    asker,
    `Password reset e-mail never arrives (${run})`,
    'I asked for a password reset three times and the e-mail does not arrive, not even in spam.',
    'Account & login',
    'password-reset',
  )
  const suggestion = answerBy(asker, 'Tanya assistant')
  await expect(suggestion).toContainText('Automatic suggestion.')
  await expect(suggestion.getByRole('link', { name: /^Resetting your password/ })).toBeVisible()
  await expectNoSeriousViolations(asker, 'a question with an automatic suggestion')
  await suggestion.getByRole('button', { name: 'This solved my problem' }).click()
  await expect(suggestion.getByText('Accepted answer')).toBeVisible()
  await expect(suggestion.getByRole('button', { name: 'This solved my problem' })).toHaveCount(0)
  await expect(asker.getByText('Solved', { exact: true }).first()).toBeVisible()

  // one more solved question, and it was solved by automation
  expect(await automaticResolution(staff)).toEqual({
    part: before.part + 1,
    whole: before.whole + 1,
  })
  await context.close()
})
