import { expect, test, type Page } from '@playwright/test'
import { logIn, newAccount, signUp } from './support'

/** The answers section is a region named after its heading ("2 answers"); its items are posts. */
function answerItems(page: Page) {
  return page
    .getByRole('region', { name: /^(No answers yet|\d+ answers?)$/ })
    .getByRole('listitem', { name: /^Answer by / })
}

test('a visitor asks, another answers, the asker accepts and everyone sees it solved', async ({
  page: asker,
  browser,
}) => {
  // Four browsers and a dozen page loads: give it three times the usual time on a busy machine.
  test.slow()
  const run = Date.now().toString(36)
  const title = `Parcel shows delivered but the box never came (${run})`
  const details =
    'My order was marked delivered yesterday evening, but nothing reached my door and the ' +
    'neighbours have not seen it either. What should I do first?'
  const answerText = `Ask the courier for the proof-of-delivery photo first (${run}).`
  const helperText = `Check with building security too; couriers often leave parcels there (${run}).`
  let questionUrl = ''

  await test.step('a new visitor signs up and asks a question', async () => {
    await signUp(asker, newAccount('asker'))
    await asker
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Ask a question' })
      .click()
    await expect(asker.getByRole('heading', { level: 1, name: 'Ask the community' })).toBeVisible()
    await asker.getByLabel('Title', { exact: true }).fill(title)
    await asker.getByLabel('Details', { exact: true }).fill(details)
    await asker.getByRole('radio', { name: 'Orders & shipping' }).check()
    await asker.getByLabel('Tags', { exact: true }).fill('shipping')
    await asker.getByRole('button', { name: 'Post your question' }).click()

    await expect(asker).toHaveURL(/\/questions\/\d+\/[a-z0-9-]+$/)
    await expect(asker.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await expect(asker.getByText(details)).toBeVisible()
    await expect(asker.getByText('Open', { exact: true })).toBeVisible()
    await expect(
      asker.getByRole('list', { name: 'Tags' }).getByRole('link', { name: 'shipping' }),
    ).toBeVisible()
    await expect(asker.getByRole('heading', { level: 2, name: 'No answers yet' })).toBeVisible()
    questionUrl = asker.url()
  })

  const answererContext = await browser.newContext()
  const answerer = await answererContext.newPage()

  await test.step('a second new account answers in its own browser', async () => {
    await signUp(answerer, newAccount('answerer'))
    await answerer.goto(questionUrl)
    await answerer.getByRole('textbox', { name: 'Answer' }).fill(answerText)
    await answerer.getByRole('button', { name: 'Post your answer' }).click()
    await expect(answerer.getByRole('heading', { level: 2, name: '1 answer' })).toBeVisible()
    await expect(answerItems(answerer).filter({ hasText: answerText })).toBeVisible()
  })

  await test.step('a helper answers too, so the accepted answer has to move up', async () => {
    const helperContext = await browser.newContext()
    const helper = await helperContext.newPage()
    await logIn(helper, 'budi@kopi.example', 'Budi Santoso')
    await helper.goto(questionUrl)
    await helper.getByRole('textbox', { name: 'Answer' }).fill(helperText)
    await helper.getByRole('button', { name: 'Post your answer' }).click()
    await expect(helper.getByRole('heading', { level: 2, name: '2 answers' })).toBeVisible()
    await helperContext.close()
  })

  await test.step('the second user upvotes the helper’s answer and the score changes', async () => {
    await answerer.reload()
    const helperAnswer = answerItems(answerer).filter({ hasText: helperText })
    await expect(helperAnswer.getByLabel('Score 0')).toHaveText('0')
    const upvote = helperAnswer.getByRole('button', { name: 'Upvote this answer' })
    await expect(upvote).toHaveAttribute('aria-pressed', 'false')
    await upvote.click()
    await expect(helperAnswer.getByLabel('Score 1')).toHaveText('1')
    await expect(upvote).toHaveAttribute('aria-pressed', 'true')
    // Nobody votes on their own answer.
    const ownAnswer = answerItems(answerer).filter({ hasText: answerText })
    await expect(ownAnswer.getByRole('button', { name: 'Upvote this answer' })).toHaveCount(0)
    // The vote was stored, not only shown: after a reload it is there and ranks the answer first.
    await answerer.reload()
    await expect(answerItems(answerer).first()).toContainText(helperText)
    await expect(answerItems(answerer).first().getByLabel('Score 1')).toHaveText('1')
    await answererContext.close()
  })

  await test.step('the asker reloads and accepts the second user’s answer', async () => {
    await asker.reload()
    await expect(asker.getByRole('heading', { level: 2, name: '2 answers' })).toBeVisible()
    const toAccept = answerItems(asker).filter({ hasText: answerText })
    await toAccept.getByRole('button', { name: 'Accept this answer' }).click()
    await expect(toAccept.getByRole('button', { name: 'Undo accept' })).toBeVisible()
    await expect(asker.getByText('Solved', { exact: true })).toBeVisible()
  })

  await test.step('a logged-out visitor sees it solved, the accepted answer first', async () => {
    const visitorContext = await browser.newContext()
    const visitor = await visitorContext.newPage()
    await visitor.goto(questionUrl)
    await expect(visitor.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible()
    await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await expect(visitor.getByText('Solved', { exact: true })).toBeVisible()

    const answers = answerItems(visitor)
    await expect(answers).toHaveCount(2)
    await expect(answers.first()).toHaveAccessibleName(/^Answer by /)
    await expect(answers.first().getByText('Accepted answer', { exact: true })).toHaveCount(1)
    await expect(answers.first()).toContainText(answerText)
    await expect(answers.first().getByLabel('Score 0')).toBeVisible()
    await expect(answers.nth(1)).toHaveAccessibleName(/^Answer by /)
    await expect(answers.nth(1)).not.toContainText('Accepted answer')
    await expect(answers.nth(1)).toContainText(helperText)
    await expect(answers.nth(1).getByLabel('Score 1')).toBeVisible()

    // A visitor can neither vote nor accept; they are asked to log in or sign up to answer.
    await expect(visitor.getByRole('button', { name: /Upvote|Accept this answer/ })).toHaveCount(0)
    await expect(
      visitor.getByRole('main').getByRole('link', { name: 'sign up', exact: true }),
    ).toBeVisible()
    await visitorContext.close()
  })
})
