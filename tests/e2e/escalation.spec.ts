import { execFileSync } from 'node:child_process'
import { expect, test } from '@playwright/test'
import { logIn, newAccount, signUp } from './support'

const HOUR = 60 * 60_000

/** What `npm run jobs -- --once --at <time>` prints, run against the e2e server's database. */
function runJobsAt(at: Date): string {
  return execFileSync('npx', ['tsx', 'app/jobs/run.ts', '--once', '--at', at.toISOString()], {
    env: { ...process.env, DATABASE_PATH: 'tmp/e2e/tanya.db', LOG_REQUESTS: 'false' },
    encoding: 'utf8',
  })
}

test('an admin sets a target, staff arrange the rota, and a question nobody answers escalates', async ({
  browser,
}) => {
  const adminContext = await browser.newContext()
  const admin = await adminContext.newPage()

  await test.step('the admin gives “Brewing help” a one-hour target around the clock', async () => {
    await logIn(admin, 'eko@kopi.example', 'Eko Wijaya')
    await admin.goto('/admin/sla')
    await expect(admin.getByRole('heading', { level: 1, name: 'Response targets' })).toBeVisible()
    await admin.getByRole('link', { name: 'Edit: Brewing help' }).click()
    await admin.getByLabel('Target, hours').fill('1')
    await admin.getByLabel('and minutes').first().fill('0')
    await admin.getByRole('radio', { name: 'Around the clock (24/7)' }).check()
    // a wrong value comes back with what was typed and says what is wrong
    await admin.getByLabel('Holidays').fill('next friday')
    await admin.getByRole('button', { name: 'Save target' }).click()
    await expect(admin.getByText('“next friday” is not a date like 2026-12-25')).toBeVisible()
    await expect(admin.getByLabel('Target, hours')).toHaveValue('1')
    await admin.getByLabel('Holidays').fill('2026-12-25')
    await admin.getByRole('button', { name: 'Save target' }).click()
    await expect(admin.getByRole('status')).toContainText('The target for Brewing help is saved')
    const row = admin.getByRole('row', { name: /Brewing help/ })
    await expect(row).toContainText('1 h')
    await expect(row).toContainText('Around the clock (24/7)')
  })

  await test.step('staff put Dewi first on the rota; the page says she is on call now', async () => {
    const staffContext = await browser.newContext()
    const staff = await staffContext.newPage()
    await logIn(staff, 'dewi@kopi.example', 'Dewi Anggraini')
    await staff.goto('/admin/rota')
    // The demo's three staff take turns; for this test Dewi keeps the rota alone.
    await expect(staff.getByRole('checkbox', { name: 'Dewi Anggraini takes turns' })).toBeChecked()
    await staff.getByRole('checkbox', { name: 'Fikri Ananda takes turns' }).uncheck()
    await staff.getByRole('checkbox', { name: 'Sekar Ayuningtyas takes turns' }).uncheck()
    await staff.getByLabel('Turn of Dewi Anggraini').fill('1')
    await staff.getByLabel('First hand-off on or after').fill('2026-01-01')
    await staff.getByRole('button', { name: 'Save rota' }).click()
    await expect(staff.getByRole('status')).toContainText('The rota is saved.')
    const now = staff.getByRole('region', { name: 'On call now' })
    await expect(now).toContainText('Dewi Anggraini')
    await expect(staff.getByRole('table', { name: 'Coming turns' })).toContainText('Dewi Anggraini')
    await staffContext.close()
  })

  let questionUrl = ''
  await test.step('a customer asks in Brewing help and nobody answers', async () => {
    const askerContext = await browser.newContext()
    const asker = await askerContext.newPage()
    await signUp(asker, newAccount('waiting'))
    await asker.goto('/ask')
    await asker
      .getByLabel('Title', { exact: true })
      .fill('My moka pot sputters and the coffee tastes burnt')
    await asker
      .getByLabel('Details', { exact: true })
      .fill('The stove is on low, the basket is full and level, and it still sputters every time.')
    await asker.getByRole('radio', { name: 'Brewing help' }).check()
    await asker.getByLabel('Tags', { exact: true }).fill('grind-size')
    await asker.getByRole('button', { name: 'Post your question' }).click()
    await expect(asker.getByRole('heading', { level: 1 })).toContainText('moka pot sputters')
    questionUrl = asker.url()
    await askerContext.close()
  })

  await test.step('the jobs, run as if two hours later, escalate it', async () => {
    const printed = runJobsAt(new Date(Date.now() + 2 * HOUR))
    const line = printed.split('\n').find((l) => l.startsWith('escalation:'))
    expect(line).toMatch(
      /^escalation: [1-9]\d* escalated \(level 1: [1-9]\d*, level 2: \d+\); \d+ breached$/,
    )
    // a second run at the same time finds nothing new to escalate
    const again = runJobsAt(new Date(Date.now() + 2 * HOUR))
    expect(again).toMatch(/escalation: 0 escalated \(level 1: 0, level 2: \d+\)/)
    expect(questionUrl).toMatch(/\/questions\/\d+/)
  })

  await adminContext.close()
})
