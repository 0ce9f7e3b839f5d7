import { expect, test, type Page } from '@playwright/test'
import { expectNoSeriousViolations } from './axe'
import { runJobs, mailSiteForThisFile } from './mail-site'
import { DEMO_PASSWORD, logIn, newAccount, signUp } from './support'

const site = mailSiteForThisFile('e2e-survey', { SIGNUP_LIMIT_PER_IP: '500' })

test('an asker accepts an answer, rates the help from the e-mail, and staff see it on the dashboard', async ({
  browser,
}) => {
  test.setTimeout(300_000)
  const stamp = Date.now().toString(36)
  const title = `Refund for a cracked dripper never arrived (${stamp})`
  const askerContext = await browser.newContext({ baseURL: site.baseURL })
  const page = await askerContext.newPage()

  await test.step('a member asks and another answers', async () => {
    await signUp(page, newAccount('asker'))
    await page.goto('/ask')
    await page.getByLabel('Title', { exact: true }).fill(title)
    await page
      .getByLabel('Details', { exact: true })
      .fill('The ceramic dripper arrived cracked. I sent photos a week ago and heard nothing.')
    await page.getByRole('radio', { name: 'Returns & refunds' }).check()
    await page.getByLabel('Tags', { exact: true }).fill('refund')
    await page.getByRole('button', { name: 'Post your question' }).click()
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()

    const context = await browser.newContext({ baseURL: site.baseURL })
    const answerer = await context.newPage()
    await signUp(answerer, newAccount('helper'))
    await answerer.goto(new URL(page.url()).pathname)
    await answerer
      .getByRole('textbox', { name: 'Answer' })
      .fill(`Refunds go out within three working days of the photos (${stamp}).`)
    await answerer.getByRole('button', { name: 'Post your answer' }).click()
    await expect(answerer.getByRole('heading', { level: 2, name: '1 answer' })).toBeVisible()
    await context.close()
  })

  await test.step('the asker accepts it, and the thread asks the survey', async () => {
    await page.reload()
    await page.getByRole('button', { name: 'Accept this answer' }).click()
    await expect(page.getByRole('heading', { level: 2, name: 'How did we do?' })).toBeVisible()
    await expect(
      page.getByRole('group', { name: 'How satisfied are you with the help you got?' }),
    ).toBeVisible()
  })

  const link = await test.step('the survey e-mail arrives at the SMTP server', async () => {
    await runJobs(site)
    const subject = `Solved: how did we do with “${title}”?`
    await expect
      .poll(() => site.smtp.received.some((m) => m.subject === subject), {
        timeout: 120_000,
        intervals: [1000],
      })
      .toBe(true)
    const mail = site.smtp.received.find((m) => m.subject === subject)!
    expect(mail.text).toContain('How satisfied are you with the help you got?')
    const links = [...(mail.text ?? '').matchAll(/https?:\/\/\S+/g)].map((m) => m[0])
    const five = links.find((l) => l.includes('/survey?') && l.endsWith('rating=5'))
    expect(five).toBeTruthy()
    return five!
  })

  await test.step('the rating link, opened signed out, records the rating with one button', async () => {
    const context = await browser.newContext()
    const visitor = await context.newPage()
    await visitor.goto(link)
    await expect(visitor.getByRole('heading', { level: 1, name: 'How did we do?' })).toBeVisible()
    await expect(visitor.getByRole('radio', { name: /^5/ })).toBeChecked()
    await expectNoSeriousViolations(visitor, 'the survey page')
    await visitor
      .getByRole('textbox', { name: 'What could we have done better?' })
      .fill('Answer a little sooner next time.')
    await visitor.getByRole('button', { name: 'Send my answer' }).click()
    await expect(visitor.getByRole('status')).toHaveText(
      'Thank you: your rating of 5 of 5 is saved. You can still change it below.',
    )
    await context.close()
    await askerContext.close()
  })

  await test.step('staff see the new CSAT and first response time on the dashboard', async () => {
    const context = await browser.newContext({ baseURL: site.baseURL })
    const staff = await context.newPage()
    await staff.goto('/login')
    await staff.getByLabel('E-mail', { exact: true }).fill('dewi@kopi.example')
    await staff.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
    await staff.getByRole('button', { name: 'Log in' }).click()
    await expect(
      staff.getByRole('banner').getByRole('link', { name: 'Dewi Anggraini' }),
    ).toBeVisible()
    await staff.goto('/dashboard')
    await expect(staff.getByRole('heading', { level: 1, name: 'Support dashboard' })).toBeVisible()
    const cards = staff.getByRole('list', { name: 'Key figures' })
    const csat = cards.getByRole('listitem').filter({ hasText: 'Satisfaction (CSAT)' })
    await expect(csat).toContainText('100%')
    await expect(csat).toContainText('1 survey answer')
    const frt = staff.getByRole('table').filter({ hasText: 'Median, 24/7' })
    const anyone = frt
      .getByRole('row')
      .filter({ has: staff.getByRole('rowheader', { name: 'Anyone' }) })
    await expect(anyone.getByRole('cell').first()).toHaveText(/\d+ (min|h)/)
    // The charts are SVG drawn on the server, with their numbers in a table behind them.
    await expect(staff.getByRole('img', { name: /Satisfied share \(CSAT\)/ })).toBeVisible()
    await expectNoSeriousViolations(staff, 'the dashboard')
    await context.close()
  })
})

/** Today's date in the dashboard's calendar (Jakarta). */
const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date())

/** The figures of today's Brewing help questions: staff first response, CSAT, one template. */
async function brewingFigures(staff: Page, template: string) {
  const range = `from=${today()}&to=${today()}&category=brewing-help`
  await staff.goto(`/dashboard?${range}`)
  await expect(staff.getByRole('heading', { level: 1, name: 'Support dashboard' })).toBeVisible()
  const frt = staff.getByRole('table').filter({ hasText: 'Median, 24/7' })
  const staffRow = frt
    .getByRole('row')
    .filter({ has: staff.getByRole('rowheader', { name: 'Staff', exact: true }) })
    .getByRole('cell')
  const csat = staff
    .getByRole('list', { name: 'Key figures' })
    .getByRole('listitem')
    .filter({ hasText: 'Satisfaction (CSAT)' })
  const templates = staff.getByRole('region', { name: 'Reply templates' })
  const row = templates
    .getByRole('row')
    .filter({ has: staff.getByRole('rowheader', { name: template }) })
  // The exact first response time, in minutes, from the table's CSV export.
  const csv = await (await staff.request.get(`/dashboard/csv?table=first-response&${range}`)).text()
  const staffAlways = csv
    .split('\r\n')
    .find((l) => l.startsWith('staff,always'))!
    .split(',')
  return {
    staffMedian: await staffRow.nth(0).textContent(),
    staffMeasured: await staffRow.nth(4).textContent(),
    staffMedianMinutes: staffAlways[2] === '' ? null : Number(staffAlways[2]),
    csat: (await csat.textContent())?.replace('Satisfaction (CSAT)', ''),
    templateRow: (await row.count()) ? await row.getByRole('cell').allTextContents() : null,
    templatesEmpty: await templates.getByText('No reply template was used in this range.').count(),
  }
}

test('staff answer from a template, the asker accepts and rates it, and the dashboard moves: first response, CSAT, the template’s closure rate', async ({
  browser,
}) => {
  test.setTimeout(300_000)
  const template = 'Coffee tastes sour or bitter'
  const stamp = Date.now().toString(36)
  const title = `Sour V60 cup with new beans from Toraja (${stamp})`

  const staffContext = await browser.newContext({ baseURL: site.baseURL })
  const staff = await staffContext.newPage()
  await logIn(staff, 'dewi@kopi.example', 'Dewi Anggraini')
  const before = await brewingFigures(staff, template)
  // today's Brewing help questions have no staff response, survey answer or template use yet
  expect(before).toMatchObject({
    staffMedian: '—',
    staffMeasured: '0',
    staffMedianMinutes: null,
    csat: '—0 survey answers',
    templateRow: null,
    templatesEmpty: 1,
  })

  const askerContext = await browser.newContext({ baseURL: site.baseURL })
  const asker = await askerContext.newPage()
  await signUp(asker, newAccount('toraja'))
  await asker.goto('/ask')
  await asker.getByLabel('Title', { exact: true }).fill(title)
  await asker
    .getByLabel('Details', { exact: true })
    .fill('My V60 cup turned sour since I switched to a light Toraja roast. Same grind, 15 g.')
  await asker.getByRole('radio', { name: 'Brewing help' }).check()
  await asker.getByLabel('Tags', { exact: true }).fill('v60')
  const askedAfter = Date.now()
  await asker.getByRole('button', { name: 'Post your question' }).click()
  await expect(asker.getByRole('heading', { level: 1, name: title })).toBeVisible()
  const askedBefore = Date.now()

  await staff.goto(new URL(asker.url()).pathname)
  const form = staff.getByRole('region', { name: 'Your answer' })
  await form.getByRole('searchbox', { name: 'Find a template' }).fill('sour')
  await form.getByRole('searchbox', { name: 'Find a template' }).press('Enter')
  await expect(form.getByRole('status')).toContainText(`Inserted from the template “${template}”`)
  const answeredAfter = Date.now()
  await form.getByRole('button', { name: 'Post your answer' }).click()
  await expect(staff.getByRole('listitem', { name: 'Answer by Dewi Anggraini' })).toContainText(
    'Sour usually means the water did not get enough',
  )
  const answeredBefore = Date.now()

  await asker.reload()
  await asker
    .getByRole('listitem', { name: 'Answer by Dewi Anggraini' })
    .getByRole('button', { name: 'Accept this answer' })
    .click()
  await asker
    .getByRole('group', { name: 'How satisfied are you with the help you got?' })
    .getByRole('radio', { name: /^5/ })
    .check()
  await asker.getByRole('button', { name: 'Send my answer' }).click()
  await expect(asker.getByText('Thank you: you rated the help 5 of 5.')).toBeVisible()
  await askerContext.close()

  const after = await brewingFigures(staff, template)
  // the staff answer is today's first staff response: its time is the one measured
  expect(after.staffMeasured).toBe('1')
  expect(after.staffMedianMinutes).toBeGreaterThanOrEqual(
    (answeredAfter - askedBefore) / 60_000 - 0.001,
  )
  expect(after.staffMedianMinutes).toBeLessThanOrEqual(
    (answeredBefore - askedAfter) / 60_000 + 0.001,
  )
  expect(after.staffMedian).toBe(`${Math.round(after.staffMedianMinutes!)} min`)
  // one survey answer, rating 5: satisfied
  expect(after.csat).toBe('100%1 survey answer')
  // the use closed its thread the moment it was accepted: decided at once, not in 7 days
  expect(after.templatesEmpty).toBe(0)
  expect(after.templateRow).toEqual(['1', '1', '100% (1 / 1)', '5 (1)'])
  await expectNoSeriousViolations(staff, 'the dashboard after the template’s answer')
  await staffContext.close()
})
