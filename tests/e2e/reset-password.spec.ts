import { expect, test } from '@playwright/test'
import { expectNoSeriousViolations } from './axe'
import { runJobs, mailSiteForThisFile } from './mail-site'
import { DEMO_PASSWORD, newAccount, signUp } from './support'

const site = mailSiteForThisFile('e2e-reset')

test('a person who forgot their password sets a new one through the e-mailed link', async ({
  browser,
}) => {
  test.setTimeout(240_000)
  const person = newAccount('forgot')
  const newPassword = 'kopi luwak di pagi hari'

  // Signed in on one device, they forget the password on another.
  const laptopContext = await browser.newContext({ baseURL: site.baseURL })
  const laptop = await laptopContext.newPage()
  await signUp(laptop, person)

  const context = await browser.newContext({ baseURL: site.baseURL })
  const page = await context.newPage()

  await test.step('they ask for a link from the log-in page', async () => {
    await page.goto('/login')
    await page.getByRole('link', { name: 'Forgot your password?' }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: 'Forgot your password?' }),
    ).toBeVisible()
    await expectNoSeriousViolations(page, 'the forgot-password page')
    await page.getByLabel('E-mail', { exact: true }).fill(person.email)
    await page.getByRole('button', { name: 'Send the link' }).click()
    await expect(page.getByRole('status')).toContainText(
      'If an account has that address, a link to set a new password is on its way.',
    )
  })

  const link = await test.step('the e-mail arrives with the link', async () => {
    await runJobs(site)
    await expect
      .poll(() => site.smtp.received.some((m) => m.subject === 'Set a new password'), {
        timeout: 120_000,
        intervals: [1000],
      })
      .toBe(true)
    const mail = site.smtp.received.find((m) => m.subject === 'Set a new password')!
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(person.email)
    const found = mail.text?.match(/https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]{43}/)
    expect(found, 'the link in the e-mail').not.toBeNull()
    expect(found![0].startsWith(`${site.baseURL}/reset-password?token=`)).toBe(true)
    return found![0]
  })

  await test.step('the link sets a new password', async () => {
    await page.goto(link)
    await expect(page.getByRole('heading', { level: 1, name: 'Set a new password' })).toBeVisible()
    await expectNoSeriousViolations(page, 'the new-password page')
    await page.getByLabel('New password', { exact: true }).fill(newPassword)
    await page.getByRole('button', { name: 'Set the new password' }).click()
    await expect(page.getByRole('status')).toHaveText(
      'Your password is changed and every device signed in to your account is logged out.',
    )
    // The link works once.
    await page.goto(link)
    await expect(page.getByText('This link has expired or was already used.')).toBeVisible()
  })

  await test.step('the other device is logged out', async () => {
    await laptop.reload()
    await expect(laptop.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible()
    await laptopContext.close()
  })

  await test.step('the old password fails and the new one logs in', async () => {
    await page.goto('/login')
    await page.getByLabel('E-mail', { exact: true }).fill(person.email)
    await page.getByLabel('Password', { exact: true }).fill(person.password)
    await page.getByRole('button', { name: 'Log in' }).click()
    await expect(page.getByRole('alert')).toHaveText(
      'That e-mail and password do not match an account.',
    )
    await page.getByLabel('Password', { exact: true }).fill(newPassword)
    await page.getByRole('button', { name: 'Log in' }).click()
    await expect(
      page.getByRole('banner').getByRole('link', { name: person.displayName }),
    ).toBeVisible()
  })
  await context.close()
})

test('the settings pages and the admin’s people pages are accessible in both languages', async ({
  browser,
}) => {
  test.setTimeout(180_000)
  const context = await browser.newContext({ baseURL: site.baseURL })
  const page = await context.newPage()
  await page.goto('/login')
  await page.getByLabel('E-mail', { exact: true }).fill('eko@kopi.example')
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page.getByRole('banner').getByRole('link', { name: 'Eko Wijaya' })).toBeVisible()

  await test.step('a colour chosen in the profile settings shows on the profile', async () => {
    await page.getByRole('banner').getByText('Account', { exact: true }).click()
    await page.getByRole('link', { name: 'Settings' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible()
    await page.getByLabel('About you').fill('Runs the Kopi Nusantara community.')
    await page.getByRole('radio', { name: 'Teal' }).check()
    await page.getByRole('button', { name: 'Save profile' }).click()
    await expect(page.getByRole('status')).toHaveText('Your profile is saved.')
    await page.getByRole('link', { name: 'See your profile page' }).click()
    await expect(page.getByText('Runs the Kopi Nusantara community.')).toBeVisible()
    await expect(page.locator('.profile-header .avatar')).toHaveCSS(
      'background-color',
      'rgb(15, 118, 110)',
    )
  })

  for (const lng of ['en', 'id'])
    for (const path of [
      '/settings/profile',
      '/settings/account',
      '/settings/notifications',
      '/settings/language',
      '/admin/users',
      '/admin/users?q=budi',
      '/admin/users/budi',
      '/forgot-password',
      '/goodbye',
    ])
      await test.step(`${path} (${lng})`, async () => {
        await page.goto(`${path}${path.includes('?') ? '&' : '?'}lng=${lng}`)
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
        await expectNoSeriousViolations(page, `${path} in ${lng}`)
      })
  await context.close()
})
