import { expect, test } from '@playwright/test'
import { expectNoSeriousViolations } from './axe'
import { runJobs, mailSiteForThisFile } from './mail-site'
import { DEMO_PASSWORD, newAccount, signUp } from './support'

const site = mailSiteForThisFile('e2e-mail')

test('an answer is e-mailed to the asker, and the e-mail’s unsubscribe link works signed out', async ({
  browser,
}) => {
  test.setTimeout(240_000)
  const stamp = Date.now().toString(36)
  const title = `Beans arrived stale after two weeks in transit (${stamp})`
  const asker = newAccount('asker')
  const askerContext = await browser.newContext({ baseURL: site.baseURL })
  const page = await askerContext.newPage()

  await test.step('a member asks', async () => {
    await signUp(page, asker)
    await page.goto('/ask')
    await page.getByLabel('Title', { exact: true }).fill(title)
    await page
      .getByLabel('Details', { exact: true })
      .fill('The roast date was fine but the bag was puffed and the beans taste flat. Refund?')
    await page.getByRole('radio', { name: 'Orders & shipping' }).check()
    await page.getByLabel('Tags', { exact: true }).fill('shipping')
    await page.getByRole('button', { name: 'Post your question' }).click()
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
    // Askers follow their own questions.
    await expect(page.getByRole('button', { name: 'Unfollow this question' })).toBeVisible()
  })
  const questionUrl = new URL(page.url()).pathname

  await test.step('another member answers', async () => {
    const context = await browser.newContext({ baseURL: site.baseURL })
    const answerer = await context.newPage()
    await signUp(answerer, newAccount('answerer'))
    await answerer.goto(questionUrl)
    await answerer
      .getByRole('textbox', { name: 'Answer' })
      .fill(`Send us a photo of the bag and we will replace it (${stamp}).`)
    await answerer.getByRole('button', { name: 'Post your answer' }).click()
    await expect(answerer.getByRole('heading', { level: 2, name: '1 answer' })).toBeVisible()
    await context.close()
  })

  const mail = await test.step('the delivery job sends the e-mail', async () => {
    await runJobs(site)
    await expect
      .poll(
        () =>
          site.smtp.received.some((m) => m.subject?.includes(stamp) || m.subject?.includes(title)),
        {
          timeout: 120_000,
          intervals: [1000],
        },
      )
      .toBe(true)
    const found = site.smtp.received.find((m) => m.subject?.includes(title))!
    expect(found.subject).toBe(`New answer to “${title}”`)
    expect(found.to && 'text' in found.to ? found.to.text : '').toBe(asker.email)
    expect(found.from?.value[0]).toMatchObject({ name: 'Tanya', address: 'support@kopi.example' })
    expect(found.text).toContain(`${site.baseURL}${questionUrl}#answer-`)
    return found
  })

  await test.step('the unsubscribe link works in a signed-out browser', async () => {
    const header = mail.headerLines
      .find((h) => h.key === 'list-unsubscribe')
      ?.line.replace(/\r\n\s+/g, ' ')
    const link = header?.match(/<([^>]+)>/)?.[1] ?? ''
    expect(link).toContain(`${site.baseURL}/unsubscribe?token=`)
    expect(mail.text).toContain(link)

    const context = await browser.newContext()
    const visitor = await context.newPage()
    await visitor.goto(link)
    await expect(visitor.getByRole('heading', { level: 1, name: 'Unsubscribe' })).toBeVisible()
    await expectNoSeriousViolations(visitor, 'the unsubscribe page')
    await expect(
      visitor.getByText(`Stop e-mails about “Answers to my questions” to ${asker.email}?`),
    ).toBeVisible()
    await visitor.getByRole('button', { name: 'Unsubscribe', exact: true }).click()
    await expect(visitor.getByRole('status')).toHaveText(
      'Done: no more e-mails about “Answers to my questions”.',
    )
    await context.close()

    // The asker's own choices page shows it.
    await page.goto('/settings/notifications')
    const group = page.getByRole('group', { name: 'Answers to my questions' })
    await expect(group.getByRole('radio', { name: 'Off' })).toBeChecked()
    await expect(group.getByRole('checkbox', { name: 'On the site' })).toBeChecked()
    await expectNoSeriousViolations(page, 'the notification settings')
    await askerContext.close()
  })

  await test.step('an admin reads the sent message in the outbox', async () => {
    const context = await browser.newContext({ baseURL: site.baseURL })
    const admin = await context.newPage()
    await admin.goto('/login')
    await admin.getByLabel('E-mail', { exact: true }).fill('eko@kopi.example')
    await admin.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
    await admin.getByRole('button', { name: 'Log in' }).click()
    await admin.getByRole('banner').getByText('Account', { exact: true }).click()
    await admin.getByRole('link', { name: 'Administration' }).click()
    await expectNoSeriousViolations(admin, 'the administration page')
    await admin.getByRole('link', { name: 'Outbox' }).click()
    await admin.getByRole('link', { name: /^Sent \(/ }).click()
    await expectNoSeriousViolations(admin, 'the outbox')
    await admin.getByRole('link', { name: `New answer to “${title}”` }).click()
    await expect(
      admin.getByRole('heading', { level: 1, name: `New answer to “${title}”` }),
    ).toBeVisible()
    await expect(admin.getByText(asker.email)).toBeVisible()
    const frame = admin.frameLocator('iframe[title="HTML, as the recipient sees it"]')
    await expect(frame.getByRole('link', { name: 'Open the thread' })).toBeVisible()
    await expectNoSeriousViolations(admin, 'a message in the outbox')
    await context.close()
  })
})

test('a question nobody answers escalates to the person on call, who claims, notes and answers it; the asker hears by e-mail', async ({
  browser,
}) => {
  test.setTimeout(240_000)
  const stamp = Date.now().toString(36)
  const title = `Paid by virtual account but the order still says unpaid (${stamp})`
  const note = `Payment ${stamp} found in the bank report, marking the order paid`
  const later = new Date(Date.now() + 3 * 60 * 60_000)
  const jobsAt = () => runJobs(site, later)

  const staffContext = await browser.newContext({ baseURL: site.baseURL })
  const staff = await staffContext.newPage()
  await test.step('Dewi keeps the rota alone, so she is on call', async () => {
    await staff.goto('/login')
    await staff.getByLabel('E-mail', { exact: true }).fill('dewi@kopi.example')
    await staff.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
    await staff.getByRole('button', { name: 'Log in' }).click()
    // signed in before going on, or the next navigation cancels the log-in
    await expect(
      staff.getByRole('banner').getByRole('link', { name: 'Dewi Anggraini' }),
    ).toBeVisible()
    await staff.goto('/admin/rota')
    await staff.getByRole('checkbox', { name: 'Fikri Ananda takes turns' }).uncheck()
    await staff.getByRole('checkbox', { name: 'Sekar Ayuningtyas takes turns' }).uncheck()
    await staff.getByRole('button', { name: 'Save rota' }).click()
    await expect(staff.getByRole('region', { name: 'On call now' })).toContainText('Dewi Anggraini')
  })

  const asker = newAccount('unpaid')
  const askerContext = await browser.newContext({ baseURL: site.baseURL })
  const page = await askerContext.newPage()
  await test.step('a customer asks about a payment and nobody answers', async () => {
    await signUp(page, asker)
    await page.goto('/ask')
    await page.getByLabel('Title', { exact: true }).fill(title)
    await page
      .getByLabel('Details', { exact: true })
      .fill('I paid by BCA virtual account an hour ago and the order page still says unpaid.')
    await page.getByRole('radio', { name: 'Payments & billing' }).check()
    await page.getByLabel('Tags', { exact: true }).fill('virtual-account')
    await page.getByRole('button', { name: 'Post your question' }).click()
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  })

  await test.step('the jobs, run as if three hours later, escalate it to Dewi by e-mail', async () => {
    const { stdout } = await jobsAt()
    expect(stdout).toMatch(/escalation: [1-9]\d* escalated/)
    await expect
      .poll(() => site.smtp.received.some((m) => m.subject === `Escalated (level 1): “${title}”`), {
        timeout: 60_000,
        intervals: [500],
      })
      .toBe(true)
    const mail = site.smtp.received.find((m) => m.subject === `Escalated (level 1): “${title}”`)!
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('dewi@kopi.example')
    expect(mail.text).toContain(`${site.baseURL}/desk`)
  })

  await test.step('Dewi claims it on the desk, writes an internal note and answers', async () => {
    await staff.goto('/desk')
    const item = staff.getByRole('listitem', { name: title })
    await expect(item.getByText('Level 1')).toBeVisible()
    await item.getByRole('button', { name: 'Claim' }).click()
    await expect(staff.getByRole('status')).toHaveText('It is yours now.')
    await staff.getByRole('listitem', { name: title }).getByRole('link', { name: title }).click()
    const notes = staff.getByRole('region', { name: 'Internal notes' })
    await notes.getByLabel('New internal note').fill(note)
    await notes.getByRole('button', { name: 'Add note' }).click()
    await expect(notes.getByText(note)).toBeVisible()
    await staff
      .getByRole('textbox', { name: 'Answer' })
      .fill('We found your payment and marked the order paid; it ships tomorrow.')
    await staff.getByRole('button', { name: 'Post your answer' }).click()
    await expect(staff.getByRole('heading', { level: 2, name: '1 answer' })).toBeVisible()
    // a staff response ends the escalation
    await staff.goto('/desk')
    await expect(staff.getByRole('listitem', { name: title })).toHaveCount(0)
  })

  await test.step('the asker sees the answer, not the note, in the app and by e-mail', async () => {
    await page.goto('/notifications')
    await expect(page.getByText('Dewi Anggraini answered your question')).toBeVisible()
    await page.getByRole('link', { name: title }).click()
    await expect(page.getByText('it ships tomorrow')).toBeVisible()
    await expect(page.getByText(note)).toHaveCount(0)
    await jobsAt()
    await expect
      .poll(() => site.smtp.received.some((m) => m.subject === `New answer to “${title}”`), {
        timeout: 60_000,
        intervals: [500],
      })
      .toBe(true)
    const mail = site.smtp.received.find((m) => m.subject === `New answer to “${title}”`)!
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(asker.email)
    expect(mail.text).not.toContain(note)
  })
  await askerContext.close()
  await staffContext.close()
})
