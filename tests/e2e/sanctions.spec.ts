import { expect, test } from '@playwright/test'
import { logIn, newAccount, signUp } from './support'
import { expectNoSeriousViolations } from './axe'

test('a moderator silences a member, who reads why on every page and can no longer post', async ({
  browser,
}) => {
  const memberContext = await browser.newContext()
  const member = await memberContext.newPage()
  const account = newAccount('rude')
  await signUp(member, account)

  const moderatorContext = await browser.newContext()
  const moderator = await moderatorContext.newPage()

  await test.step('the moderator silences the member for three days, with a reason', async () => {
    await logIn(moderator, 'citra@kopi.example', 'Citra Lestari')
    await moderator.goto(`/users/${account.handle}`)
    await moderator.getByRole('link', { name: 'Moderate this account' }).click()
    await expect(
      moderator.getByRole('heading', { level: 1, name: `Moderation of ${account.displayName}` }),
    ).toBeVisible()
    await expect(moderator.getByText('No sanction is in force.')).toBeVisible()
    await moderator.getByRole('radio', { name: 'Silence (read-only)' }).check()
    await moderator.getByLabel('For how many days').fill('0')
    await moderator.getByLabel('Reason').fill('Insulting other members in three threads')
    await moderator.getByRole('button', { name: 'Apply' }).click()
    // a wrong length comes back with the reason still typed
    await expect(moderator.getByText('Enter a number of days from 1 to 365')).toBeVisible()
    await expect(moderator.getByLabel('Reason')).toHaveValue(
      'Insulting other members in three threads',
    )
    await moderator.getByLabel('For how many days').fill('3')
    await moderator.getByRole('button', { name: 'Apply' }).click()
    await expect(moderator.getByRole('status')).toContainText('Done: the person has been told.')
    await expect(moderator.getByRole('button', { name: /^Lift the Silence/ })).toBeVisible()
    await expectNoSeriousViolations(moderator, 'a person’s moderation page after a sanction')
  })

  await test.step('the member reads the notice with the reason and has no answer form', async () => {
    await member.goto('/questions')
    const notice = member.getByRole('status').filter({ hasText: 'read-only' })
    await expect(notice).toContainText('Insulting other members in three threads')
    await member.getByRole('link', { name: /./ }).filter({ hasText: 'Details' }).click()
    await expect(
      member.getByRole('heading', { level: 1, name: 'Your account’s standing' }),
    ).toBeVisible()
    await expect(member.getByRole('button', { name: 'Apply' })).toHaveCount(0)
    await member.goto('/ask')
    await expect(member.getByRole('button', { name: 'Post your question' })).toHaveCount(0)
  })

  await test.step('the moderator lifts it and the member can ask again', async () => {
    await moderator.getByRole('button', { name: /^Lift the Silence/ }).click()
    await expect(moderator.getByRole('status')).toContainText('Lifted.')
    await member.goto('/ask')
    await expect(member.getByRole('status').filter({ hasText: 'read-only' })).toHaveCount(0)
    await expect(member.getByRole('button', { name: 'Post your question' })).toBeVisible()
  })

  await memberContext.close()
  await moderatorContext.close()
})
