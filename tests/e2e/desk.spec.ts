import { expect, test, type Page } from '@playwright/test'
import { logIn, newAccount, signUp } from './support'
import { expectNoSeriousViolations } from './axe'

/** The desk's entry for a question: a list item named by its title. */
function deskItem(page: Page, title: string) {
  return page.getByRole('listitem', { name: title })
}

test('staff claim an escalated question from the desk and note it; the asker sees only that the team is on it', async ({
  page: asker,
  browser,
}) => {
  // Three browsers and a dozen page loads on a busy machine.
  test.slow()
  const run = Date.now().toString(36)
  const title = `Charged twice for one bag of Gayo beans (${run})`
  const note = `Double charge confirmed in the payment log, refund ${run} queued`
  let questionUrl = ''

  await test.step('a customer asks', async () => {
    await signUp(asker, newAccount('asker'))
    await asker.goto('/ask')
    await asker.getByLabel('Title', { exact: true }).fill(title)
    await asker
      .getByLabel('Details', { exact: true })
      .fill('My card statement shows two payments for order KN-30112, but I ordered one bag only.')
    await asker.getByRole('radio', { name: 'Payments & billing' }).check()
    await asker.getByLabel('Tags', { exact: true }).fill('refund')
    await asker.getByRole('button', { name: 'Post your question' }).click()
    // the order number gets the personal-data warning; this customer posts publicly anyway
    await asker.getByRole('button', { name: 'Post anyway' }).click()
    await expect(asker.getByRole('heading', { level: 1, name: title })).toBeVisible()
    questionUrl = asker.url()
  })

  const helperContext = await browser.newContext()
  const helper = await helperContext.newPage()
  await test.step('a helper escalates it to staff with a reason', async () => {
    await logIn(helper, 'budi@kopi.example', 'Budi Santoso')
    await helper.goto(questionUrl)
    const escalate = helper.getByRole('region', { name: 'Escalate to staff' })
    await escalate.getByLabel('Reason').fill('A double charge: only staff can see the payment log.')
    await escalate.getByRole('button', { name: 'Escalate to staff' }).click()
    await expect(helper.getByText('This question is with staff now')).toBeVisible()
  })

  const staffContext = await browser.newContext()
  const staff = await staffContext.newPage()
  await test.step('staff open the desk from the header and claim it', async () => {
    await logIn(staff, 'dewi@kopi.example', 'Dewi Anggraini')
    await staff.getByRole('banner').getByRole('link', { name: /^Desk/ }).click()
    await expect(staff.getByRole('heading', { level: 1, name: 'Staff desk' })).toBeVisible()
    await expect(staff.getByRole('region', { name: 'On call' })).toBeVisible()
    await staff.getByRole('radio', { name: 'Escalated, nobody assigned' }).check()
    await staff.getByRole('button', { name: 'Apply filters' }).click()
    await expect(staff).toHaveURL(/show=unassigned/)
    const item = deskItem(staff, title)
    await expect(item.getByText('Level 1')).toBeVisible()
    await expect(item.getByText('escalated by hand')).toBeVisible()
    await item.getByRole('button', { name: 'Claim' }).click()
    await expect(staff.getByRole('status')).toHaveText('It is yours now.')
    // It is no longer unassigned; under "Assigned to me" it says so.
    await expect(deskItem(staff, title)).toHaveCount(0)
    await staff.getByRole('radio', { name: 'Assigned to me' }).check()
    await staff.getByRole('button', { name: 'Apply filters' }).click()
    await expect(deskItem(staff, title).getByText('Assigned to Dewi Anggraini')).toBeVisible()
  })

  await test.step('staff write an internal note on the thread', async () => {
    await deskItem(staff, title).getByRole('link', { name: title }).click()
    const notes = staff.getByRole('region', { name: 'Internal notes' })
    await notes.getByLabel('New internal note').fill(note)
    await notes.getByRole('button', { name: 'Add note' }).click()
    await expect(notes.getByText(note)).toBeVisible()
    await expect(staff.getByRole('region', { name: 'Escalation' })).toContainText(
      'Assigned to Dewi Anggraini',
    )
  })

  await test.step('the asker sees no note and no acknowledgement yet', async () => {
    await asker.goto(questionUrl)
    await expect(asker.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await expect(asker.getByText(note)).toHaveCount(0)
    await expect(asker.getByRole('region', { name: 'Internal notes' })).toHaveCount(0)
    await expect(asker.getByText('Our team is looking at this')).toHaveCount(0)
  })

  await test.step('staff acknowledge; the asker now reads that the team is on it', async () => {
    const panel = staff.getByRole('region', { name: 'Escalation' })
    await panel.getByRole('button', { name: 'Acknowledge' }).click()
    await expect(staff.getByRole('region', { name: 'Escalation' })).toContainText(
      'Acknowledged by Dewi Anggraini',
    )
    await asker.reload()
    await expect(asker.getByText('Our team is looking at this')).toBeVisible()
    await expect(asker.getByText(note)).toHaveCount(0)
  })

  await helperContext.close()
  await staffContext.close()
})

test('the desk and a thread’s staff tools have no serious accessibility findings', async ({
  page,
}) => {
  await logIn(page, 'dewi@kopi.example', 'Dewi Anggraini')
  await page.goto('/desk')
  await expect(page.getByRole('heading', { level: 1, name: 'Staff desk' })).toBeVisible()
  await expectNoSeriousViolations(page, 'the staff desk')
  await page.goto('/desk?show=mine&level=2&category=brewing-help')
  await expect(page.getByRole('heading', { name: 'Nothing matches these filters.' })).toBeVisible()
  await expectNoSeriousViolations(page, 'the staff desk with nothing matching')
  await page.goto('/desk')
  await page.getByRole('link', { name: 'Ordered whole beans but received ground coffee' }).click()
  await expect(page.getByRole('region', { name: 'Internal notes' })).toBeVisible()
  await expect(page.getByText('Our team is looking at this')).toBeVisible()
  await expectNoSeriousViolations(page, 'a thread with its staff tools')
})
