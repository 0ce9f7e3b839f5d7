import { expect, test, type Page } from '@playwright/test'
import { logIn, newAccount, signUp } from './support'
import { expectNoSeriousViolations } from './axe'

/** The answers section is a region named after its heading ("2 answers"); its items are posts. */
function answerItems(page: Page) {
  return page
    .getByRole('region', { name: /^(No answers yet|\d+ answers?)$/ })
    .getByRole('listitem', { name: /^Answer by / })
}

test('a question asked privately is seen and answered by its asker and staff only', async ({
  page: asker,
  browser,
}) => {
  // Four browsers and a dozen page loads: give it three times the usual time on a busy machine.
  test.slow()
  const run = Date.now().toString(36)
  const order = `KN${run}`
  const title = `Refund for order ${order} went to the wrong account`
  const details = `My refund for order ${order} was sent to a BCA account that is not mine. Can you check it?`
  const answerText = `We have stopped that transfer and will refund your card within 3 days (${run}).`
  let questionUrl = ''

  await test.step('a member asks privately', async () => {
    await signUp(asker, newAccount('private'))
    await asker.goto('/ask')
    await asker.getByLabel('Title', { exact: true }).fill(title)
    await asker.getByLabel('Details', { exact: true }).fill(details)
    await asker.getByRole('radio', { name: 'Payments & billing' }).check()
    await asker.getByLabel('Tags', { exact: true }).fill('refund')
    const choice = asker.getByRole('radiogroup', { name: 'Who can see this question?' })
    await expect(choice.getByRole('radio', { name: /^Public/ })).toBeChecked()
    await choice.getByRole('radio', { name: 'Private — only you and our staff' }).check()
    await expectNoSeriousViolations(asker, 'the ask form')
    await asker.getByRole('button', { name: 'Post your question' }).click()

    await expect(asker).toHaveURL(/\/questions\/\d+\/[a-z0-9-]+$/)
    await expect(asker.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await expect(
      asker.getByText('Only you and our staff can see this question and its answers.'),
    ).toBeVisible()
    await expectNoSeriousViolations(asker, 'a private question, for its asker')
    questionUrl = asker.url()
  })

  await test.step('a signed-out visitor gets a 404 and search does not find it', async () => {
    const context = await browser.newContext()
    const visitor = await context.newPage()
    const res = await visitor.goto(questionUrl)
    expect(res?.status()).toBe(404)
    await expect(visitor.getByText(title)).toHaveCount(0)
    await visitor.goto(`/search?q=${encodeURIComponent(order)}`)
    await expect(
      visitor.getByRole('heading', { name: `Nothing found for “${order}”` }),
    ).toBeVisible()
    await context.close()
  })

  await test.step('another member gets a 404 and search does not find it', async () => {
    const context = await browser.newContext()
    const member = await context.newPage()
    await signUp(member, newAccount('other'))
    const res = await member.goto(questionUrl)
    expect(res?.status()).toBe(404)
    await expect(member.getByText(title)).toHaveCount(0)
    await member.goto(`/search?q=${encodeURIComponent(order)}`)
    await expect(
      member.getByRole('heading', { name: `Nothing found for “${order}”` }),
    ).toBeVisible()
    await context.close()
  })

  await test.step('staff see it marked private and answer it', async () => {
    const context = await browser.newContext()
    const staff = await context.newPage()
    await logIn(staff, 'dewi@kopi.example', 'Dewi Anggraini')
    await staff.goto(questionUrl)
    await expect(staff.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await expect(
      staff.getByText('Private question: only its asker and staff can see it and answer it.'),
    ).toBeVisible()
    // Not without the asker's consent.
    await expect(staff.getByRole('button', { name: 'Make public' })).toBeDisabled()
    await expectNoSeriousViolations(staff, 'a private question, for staff')
    await staff.getByRole('textbox', { name: 'Answer' }).fill(answerText)
    await staff.getByRole('button', { name: 'Post your answer' }).click()
    await expect(staff.getByRole('heading', { level: 2, name: '1 answer' })).toBeVisible()
    await context.close()
  })

  await test.step('the asker sees the answer', async () => {
    await asker.reload()
    await expect(answerItems(asker).filter({ hasText: answerText })).toBeVisible()
    await expect(
      asker.getByRole('button', { name: 'Allow staff to publish this question' }),
    ).toBeVisible()
  })
})

test('a helper finds the queue in the header and is told to follow something first', async ({
  page,
}) => {
  await logIn(page, 'budi@kopi.example', 'Budi Santoso')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Needs an answer' })).toBeVisible()
  await expect(
    page.getByRole('heading', { name: 'You do not follow any tags or categories yet.' }),
  ).toBeVisible()
  await expect(page.getByRole('main').getByRole('link', { name: 'tags' })).toHaveAttribute(
    'href',
    '/tags',
  )
  await expectNoSeriousViolations(page, 'the queue')
})
