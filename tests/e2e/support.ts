import { expect, type Page } from '@playwright/test'

/** Every demo account in content/demo/users.yml uses this password. */
export const DEMO_PASSWORD = 'kopi-nusantara'

export type NewAccount = { email: string; handle: string; displayName: string; password: string }

let counter = 0

/** An account nobody has used yet: handles are 3–20 of [a-z0-9_], so the suffix stays short. */
export function newAccount(prefix: string): NewAccount {
  counter += 1
  const suffix = `${Date.now().toString(36)}${counter}${Math.floor(Math.random() * 36 ** 2).toString(36)}`
  const handle = `${prefix}_${suffix}`.slice(0, 20)
  return {
    email: `${handle}@e2e.example`,
    handle,
    displayName: `${prefix[0].toUpperCase()}${prefix.slice(1)} ${suffix.slice(-4)}`,
    password: 'secangkir kopi tubruk',
  }
}

/**
 * Signs up through the form, as a visitor would, then logs in from the page sign-up leads to,
 * and waits until the header shows the name.
 */
export async function signUp(page: Page, account: NewAccount) {
  await page.goto('/signup')
  await page.getByLabel('E-mail', { exact: true }).fill(account.email)
  await page.getByLabel('Handle', { exact: true }).fill(account.handle)
  await page.getByLabel('Display name', { exact: true }).fill(account.displayName)
  await page.getByLabel('Password', { exact: true }).fill(account.password)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('status')).toContainText('Your account is ready')
  await page.getByLabel('E-mail', { exact: true }).fill(account.email)
  await page.getByLabel('Password', { exact: true }).fill(account.password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await expectSignedIn(page, account.displayName)
}

/** Logs in through the form with a demo account. */
export async function logIn(page: Page, email: string, displayName: string) {
  await page.goto('/login')
  await page.getByLabel('E-mail', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Log in' }).click()
  await expectSignedIn(page, displayName)
}

async function expectSignedIn(page: Page, displayName: string) {
  const header = page.getByRole('banner')
  await expect(header.getByRole('link', { name: displayName })).toBeVisible()
  await header.getByText('Account', { exact: true }).click()
  await expect(header.getByRole('button', { name: 'Log out', exact: true })).toBeVisible()
  await header.getByText('Account', { exact: true }).click()
}

/** The answer a person wrote, as the thread lists it ("Answer by …"). */
export const answerBy = (page: Page, name: string) =>
  page.getByRole('listitem', { name: `Answer by ${name}` })

/**
 * Opens the newest question of the list, as a member would, and posts `text` as an answer;
 * returns the thread's path. The caller checks what the thread then shows.
 */
export async function answerNewestQuestion(page: Page, text: string): Promise<string> {
  await page.goto('/questions')
  await page.getByRole('main').getByRole('heading', { level: 3 }).first().getByRole('link').click()
  await page.waitForURL(/\/questions\/\d+\//)
  const path = new URL(page.url()).pathname
  await page.getByRole('textbox', { name: 'Answer' }).fill(text)
  await page.getByRole('button', { name: 'Post your answer' }).click()
  return path
}
