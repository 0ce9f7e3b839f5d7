import { expect, test } from '@playwright/test'
import { logIn, newAccount, signUp } from './support'
import { expectNoSeriousViolations } from './axe'

test('a moderator locks and moves a thread, then finds both in the audit log under their own name', async ({
  browser,
}) => {
  const run = Date.now().toString(36)
  const title = `Grinder hums but the burrs do not turn (${run})`
  const askerContext = await browser.newContext()
  const asker = await askerContext.newPage()
  let questionUrl = ''

  await test.step('a member asks in Orders & shipping', async () => {
    await signUp(asker, newAccount('hum'))
    await asker
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Ask a question' })
      .click()
    await expect(asker.getByRole('heading', { level: 1, name: 'Ask the community' })).toBeVisible()
    await asker.getByLabel('Title', { exact: true }).fill(title)
    await asker
      .getByLabel('Details', { exact: true })
      .fill('Since this morning the grinder only hums and nothing comes out, even when empty.')
    await asker.getByRole('radio', { name: 'Orders & shipping' }).check()
    await asker.getByLabel('Tags', { exact: true }).fill('shipping')
    await asker.getByRole('button', { name: 'Post your question' }).click()
    await expect(asker).toHaveURL(/\/questions\/\d+\/[a-z0-9-]+$/)
    questionUrl = asker.url()
  })

  const moderatorContext = await browser.newContext()
  const moderator = await moderatorContext.newPage()

  await test.step('the moderator locks the thread with a reason and moves it', async () => {
    await logIn(moderator, 'citra@kopi.example', 'Citra Lestari')
    await moderator.goto(questionUrl)
    await moderator.getByText('Moderate thread').click()
    await moderator.getByRole('button', { name: 'Lock thread' }).click()
    // the reason is asked for first
    await expect(moderator.getByText('Say in a few words why.')).toBeVisible()
    await moderator
      .getByLabel('Why lock it? (the asker is told)')
      .fill('Answered on the phone already')
    await moderator.getByRole('button', { name: 'Lock thread' }).click()
    await expect(
      moderator.getByRole('note').filter({ hasText: 'This thread is locked' }),
    ).toBeVisible()
    await moderator.getByText('Moderate thread').click()
    await moderator.getByLabel('Category').selectOption({ label: 'Brewing help' })
    await moderator.getByRole('button', { name: 'Move', exact: true }).click()
    await expect(moderator.getByRole('link', { name: 'Brewing help' }).first()).toBeVisible()
  })

  await test.step('the asker can no longer answer and was told', async () => {
    await asker.goto(questionUrl)
    await expect(asker.getByRole('note').filter({ hasText: 'This thread is locked' })).toBeVisible()
    await expect(asker.getByRole('button', { name: 'Post your answer' })).toHaveCount(0)
    await asker.goto('/notifications')
    await expect(asker.getByText('Citra Lestari locked your question')).toBeVisible()
  })

  await test.step('the audit log, filtered by the moderator’s handle, lists both', async () => {
    await moderator.goto('/audit')
    await expect(moderator.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible()
    await moderator.getByLabel('Done by (handle)').fill('citra')
    await moderator.getByRole('button', { name: 'Filter' }).click()
    await expect(moderator).toHaveURL(/actor=citra/)
    const entries = moderator.getByRole('listitem').filter({ hasText: title })
    await expect(entries.filter({ hasText: 'locked the thread' })).toContainText(
      'Answered on the phone already',
    )
    await expect(
      entries.filter({ hasText: 'moved the question from Orders & shipping to Brewing help' }),
    ).toBeVisible()
    await expectNoSeriousViolations(moderator, 'the audit log')
    // the thread's own history link leads to the same entries
    await moderator.goto(questionUrl)
    await moderator.getByText('Moderate thread').click()
    await moderator.getByRole('link', { name: 'Moderation history' }).click()
    await expect(moderator).toHaveURL(/\/audit\?question=\d+/)
    await expect(
      moderator.getByRole('listitem').filter({ hasText: 'locked the thread' }),
    ).toBeVisible()
  })

  await askerContext.close()
  await moderatorContext.close()
})
