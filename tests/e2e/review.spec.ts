import { expect, test, type Page } from '@playwright/test'
import { answerBy, answerNewestQuestion, logIn, newAccount, signUp } from './support'
import { expectNoSeriousViolations } from './axe'

async function flagAsRude(page: Page, questionUrl: string, author: string) {
  await page.goto(questionUrl)
  const answer = answerBy(page, author)
  await answer.getByText('Flag', { exact: true }).click()
  await answer.getByRole('radio', { name: /^Rude or abusive/ }).check()
  await answer.getByRole('button', { name: 'Flag for moderators' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Moderators will look' })).toBeVisible()
}

test('two members flag a rude answer, which hides it; a moderator deletes it and silences its author', async ({
  browser,
}) => {
  const run = Date.now().toString(36)
  const rudeText = `Only a fool would ask this, go away (${run}).`
  const rudeContext = await browser.newContext()
  const rude = await rudeContext.newPage()
  const rudeAccount = newAccount('rude')
  await signUp(rude, rudeAccount)

  let questionUrl = ''
  await test.step('a new account posts a rude answer', async () => {
    questionUrl = await answerNewestQuestion(rude, rudeText)
    await expect(answerBy(rude, rudeAccount.displayName)).toContainText(rudeText)
  })

  const flaggers = [await browser.newContext(), await browser.newContext()]
  await test.step('one member flags it: still shown', async () => {
    const page = await flaggers[0].newPage()
    await signUp(page, newAccount('flagger'))
    await flagAsRude(page, questionUrl, rudeAccount.displayName)
    await expect(answerBy(page, rudeAccount.displayName)).toBeVisible()
  })

  await test.step('a second member flags it: hidden from everyone but its author', async () => {
    const page = await flaggers[1].newPage()
    await signUp(page, newAccount('flagger'))
    await flagAsRude(page, questionUrl, rudeAccount.displayName)
    await expect(page.getByText(rudeText)).toHaveCount(0)
    await rude.goto(questionUrl)
    await expect(answerBy(rude, rudeAccount.displayName)).toContainText(rudeText)
    await rude.goto('/notifications')
    await expect(rude.getByRole('main')).toContainText(
      'Your answer was hidden after flags from the community (Rude or abusive)',
    )
  })

  const moderatorContext = await browser.newContext()
  const moderator = await moderatorContext.newPage()
  await test.step('the moderator works the queue and deletes the answer', async () => {
    await logIn(moderator, 'citra@kopi.example', 'Citra Lestari')
    await moderator
      .getByRole('banner')
      .getByRole('link', { name: /^Review/ })
      .click()
    await expect(moderator.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible()
    const item = moderator.getByRole('listitem', { name: `Answer by ${rudeAccount.displayName}` })
    await expect(item).toContainText(rudeText)
    await expect(item).toContainText('Hidden by flags')
    await expect(item).toContainText('Score 2.0 from 2 flags')
    await item.getByRole('button', { name: 'Claim' }).click()
    await expect(moderator.getByRole('status')).toContainText('The item is yours for 15 minutes.')
    await expectNoSeriousViolations(moderator, 'the review queue with a claimed item')
    const claimed = moderator.getByRole('listitem', {
      name: `Answer by ${rudeAccount.displayName}`,
    })
    await expect(claimed).toContainText('You are reviewing this')
    await claimed.getByText('Delete…').click()
    await claimed.getByLabel('Why delete it?').selectOption({ label: 'Rude or abusive' })
    await claimed.getByRole('button', { name: 'Delete the post' }).click()
    await expect(moderator.getByRole('status')).toContainText('The post is deleted.')
    await expect(moderator.getByText(rudeText)).toHaveCount(0)
  })

  await test.step('the moderator silences the author, who then reads the read-only notice', async () => {
    await moderator.goto(`/users/${rudeAccount.handle}/moderation`)
    await moderator.getByRole('radio', { name: 'Silence (read-only)' }).check()
    await moderator.getByLabel('For how many days').fill('3')
    await moderator.getByLabel('Reason').fill('Insulting people who ask for help')
    await moderator.getByRole('button', { name: 'Apply' }).click()
    await expect(moderator.getByRole('status')).toContainText('Done: the person has been told.')
    await rude.goto(questionUrl)
    const notice = rude.getByRole('status').filter({ hasText: 'read-only' })
    await expect(notice).toContainText('Insulting people who ask for help')
    await expect(rude.getByRole('button', { name: 'Post your answer' })).toHaveCount(0)
  })

  for (const context of [rudeContext, ...flaggers, moderatorContext]) await context.close()
})

test('a moderator restores a hidden answer from the queue, then deletes its author as a spammer from their page', async ({
  browser,
}) => {
  const run = Date.now().toString(36)
  const text = `Cheap beans at example.test, best deals today (${run}).`
  const authorContext = await browser.newContext()
  const author = await authorContext.newPage()
  const account = newAccount('seller')
  await signUp(author, account)
  const questionUrl = await answerNewestQuestion(author, text)
  await expect(answerBy(author, account.displayName)).toContainText(text)

  const flaggerContext = await browser.newContext()
  const flagger = await flaggerContext.newPage()
  await signUp(flagger, newAccount('flagger'))
  await flagAsRude(flagger, questionUrl, account.displayName)

  const moderatorContext = await browser.newContext()
  const moderator = await moderatorContext.newPage()
  await logIn(moderator, 'citra@kopi.example', 'Citra Lestari')

  await test.step('hidden on the thread, restored from the queue with a reason', async () => {
    await moderator.goto(questionUrl)
    const answer = answerBy(moderator, account.displayName)
    await answer.getByText('Hide…').click()
    await answer.getByLabel('Why hide this answer?').selectOption({ label: 'Rude or abusive' })
    await answer.getByRole('button', { name: 'Hide this answer' }).click()
    await expect(answer).toContainText('hid it')
    await flagger.goto(questionUrl)
    await expect(flagger.getByText(text)).toHaveCount(0)

    await moderator.goto('/review')
    const item = moderator.getByRole('listitem', { name: `Answer by ${account.displayName}` })
    await expect(item).toContainText('Hidden')
    await item.getByText('Restore…').click()
    await expectNoSeriousViolations(moderator, 'the review queue with the restore form open')
    await item.getByLabel('Why? (optional)').fill('Only a shop link, but not rude')
    await item.getByRole('button', { name: 'Restore the post' }).click()
    await expect(moderator.getByRole('status')).toContainText('The post is back for everyone')
    await flagger.goto(questionUrl)
    await expect(answerBy(flagger, account.displayName)).toContainText(text)
  })

  await test.step('delete spammer from the person’s page: a reason, a confirmation, then done', async () => {
    await moderator.goto(`/users/${account.handle}/moderation`)
    await moderator.getByLabel('Why ban them as a spammer?').fill('Only posts shop links')
    await moderator.getByRole('button', { name: 'Continue…' }).click()
    const confirm = moderator.getByRole('alert')
    await expect(confirm).toContainText(`Delete ${account.displayName} as a spammer?`)
    await expect(confirm).toContainText('1 answer will be hidden')
    await expectNoSeriousViolations(moderator, 'the delete-spammer confirmation')
    await moderator.getByRole('button', { name: 'Hide all posts and ban' }).click()
    await expect(moderator.getByRole('status')).toContainText(
      'Every post by this person is hidden and the account is banned.',
    )
    await flagger.goto(questionUrl)
    await expect(flagger.getByText(text)).toHaveCount(0)
    await author.goto('/')
    await expect(author.getByRole('link', { name: 'Log in' })).toBeVisible()
  })

  for (const context of [authorContext, flaggerContext, moderatorContext]) await context.close()
})
