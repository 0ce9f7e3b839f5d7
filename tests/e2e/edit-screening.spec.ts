import { expect, test } from '@playwright/test'
import { answerBy, answerNewestQuestion, logIn, newAccount, signUp } from './support'

test('a new account cannot edit spam into a harmless answer: too many links are refused, one link holds it until a moderator approves', async ({
  browser,
}) => {
  const run = Date.now().toString(36)
  const harmless = `A medium grind works best for the V60, in my experience (${run}).`
  const withLink = `A medium grind works best, and order beans at https://beans-deals.example/${run} now.`
  const authorContext = await browser.newContext()
  const author = await authorContext.newPage()
  const account = newAccount('editor')
  await signUp(author, account)

  let questionUrl = ''
  await test.step('the new account posts a harmless answer: everyone sees it', async () => {
    questionUrl = await answerNewestQuestion(author, harmless)
    const mine = answerBy(author, account.displayName)
    await expect(mine).toContainText(harmless)
    await expect(mine.getByRole('note')).toHaveCount(0)
  })

  await test.step('editing in three links is refused, with what lifts the limit, and the text is kept', async () => {
    await answerBy(author, account.displayName)
      .getByRole('link', { name: 'Edit', exact: true })
      .click()
    await expect(author.getByRole('heading', { level: 1, name: 'Edit answer' })).toBeVisible()
    const spam = `${harmless} https://a.example/${run} https://b.example/${run} https://c.example/${run}`
    await author.getByRole('textbox', { name: 'Answer' }).fill(spam)
    await author.getByRole('button', { name: 'Save changes' }).click()
    await expect(author.getByText('New accounts may post at most 2 links.')).toBeVisible()
    await expect(author.getByText(/The limit lifts at trust level 1, after/)).toBeVisible()
    await expect(author.getByRole('textbox', { name: 'Answer' })).toHaveValue(spam)
  })

  await test.step('editing in one link saves it, hidden and awaiting a moderator', async () => {
    await author.getByRole('textbox', { name: 'Answer' }).fill(withLink)
    await author.getByRole('button', { name: 'Save changes' }).click()
    await author.waitForURL(new RegExp(questionUrl))
    const mine = answerBy(author, account.displayName)
    await expect(mine).toContainText(withLink)
    await expect(mine.getByRole('note')).toContainText('Your answer is awaiting a moderator')

    const visitorContext = await browser.newContext()
    const visitor = await visitorContext.newPage()
    await visitor.goto(questionUrl)
    await expect(visitor.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(visitor.getByText(harmless)).toHaveCount(0)
    await expect(visitor.getByText(withLink)).toHaveCount(0)
    await visitorContext.close()
  })

  await test.step('the moderator sees it was an edit and approves it: shown again, with the edit', async () => {
    const moderatorContext = await browser.newContext()
    const moderator = await moderatorContext.newPage()
    await logIn(moderator, 'citra@kopi.example', 'Citra Lestari')
    await moderator.goto('/review')
    const item = moderator.getByRole('listitem', { name: `Answer by ${account.displayName}` })
    await expect(item).toContainText('Held by the spam rules')
    await expect(item).toContainText('an edit of a post others could already see')
    await expect(item).toContainText('links from a new account')
    await item.getByRole('button', { name: 'Approve and publish' }).click()
    await expect(moderator.getByRole('status')).toBeVisible()
    await moderatorContext.close()

    const visitorContext = await browser.newContext()
    const visitor = await visitorContext.newPage()
    await visitor.goto(questionUrl)
    await expect(answerBy(visitor, account.displayName)).toContainText(withLink)
    await visitorContext.close()
  })

  await authorContext.close()
})
