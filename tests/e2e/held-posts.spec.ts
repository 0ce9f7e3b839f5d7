import { expect, test } from '@playwright/test'
import { answerBy, answerNewestQuestion, logIn, newAccount, signUp } from './support'

test('a new account’s spammy answer is held: only its author sees it, until a moderator deletes it from the review queue', async ({
  browser,
}) => {
  const run = Date.now().toString(36)
  const spam = `Cheapest beans in town, order now at https://beans-deals.example/${run} !!!`
  const spammerContext = await browser.newContext()
  const spammer = await spammerContext.newPage()
  const account = newAccount('deals')
  await signUp(spammer, account)

  let questionUrl = ''
  await test.step('the new account posts an answer with a link: it is held', async () => {
    questionUrl = await answerNewestQuestion(spammer, spam)
    const mine = answerBy(spammer, account.displayName)
    await expect(mine).toContainText(spam)
    await expect(mine.getByRole('note')).toContainText('Your answer is awaiting a moderator')
  })

  await test.step('an anonymous visitor and another member never see it', async () => {
    const visitorContext = await browser.newContext()
    const visitor = await visitorContext.newPage()
    await visitor.goto(questionUrl)
    await expect(visitor.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(visitor.getByText(spam)).toHaveCount(0)
    await expect(answerBy(visitor, account.displayName)).toHaveCount(0)
    await visitorContext.close()

    const memberContext = await browser.newContext()
    const member = await memberContext.newPage()
    await logIn(member, 'ayu@kopi.example', 'Ayu Pratiwi')
    await member.goto(questionUrl)
    await expect(member.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(member.getByText(spam)).toHaveCount(0)
    await memberContext.close()
  })

  await test.step('a moderator finds it in the review queue with its reasons and deletes it', async () => {
    const moderatorContext = await browser.newContext()
    const moderator = await moderatorContext.newPage()
    await logIn(moderator, 'citra@kopi.example', 'Citra Lestari')
    await moderator.goto('/review')
    await expect(moderator.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible()
    const item = moderator.getByRole('listitem', { name: `Answer by ${account.displayName}` })
    await expect(item).toContainText(spam)
    await expect(item).toContainText('Held by the spam rules')
    await expect(item.getByRole('heading', { name: 'Why it was held' })).toBeVisible()
    await expect(item).toContainText('links from a new account')
    await expect(item.getByRole('button', { name: 'Approve and publish' })).toBeVisible()
    await item.getByText('Delete…').click()
    await item.getByLabel('Why delete it?').selectOption({ label: 'Spam or advertising' })
    await item.getByRole('button', { name: 'Delete the post' }).click()
    await expect(moderator.getByRole('status')).toContainText('The post is deleted.')
    await expect(moderator.getByText(spam)).toHaveCount(0)
    await moderatorContext.close()

    await spammer.goto(questionUrl)
    await expect(spammer.getByText(spam)).toHaveCount(0)
  })

  await spammerContext.close()
})
