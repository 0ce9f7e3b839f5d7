import { expect, test, type Page } from '@playwright/test'
import { expectNoSeriousViolations } from './axe'

/** The header's search box, found as a screen reader finds it once the page is interactive. */
const box = (page: Page) =>
  page
    .getByRole('search', { name: /^(Site search|Cari di situs)$/ })
    .getByRole('combobox', { name: /^(Search|Cari)$/ })

test('typing “gopa” in the header lists the GoPay article and thread; arrows and Enter open one', async ({
  page,
}) => {
  await page.goto('/questions')
  await box(page).pressSequentially('gopa', { delay: 40 })
  const list = page.getByRole('listbox', { name: 'Suggestions' })
  await expect(list).toBeVisible()
  await expect(box(page)).toHaveAttribute('aria-expanded', 'true')
  await expect(
    list.getByRole('option', { name: /Paying with QRIS, GoPay, OVO or a bank virtual account/ }),
  ).toBeVisible()
  const thread = list.getByRole('option', {
    name: /I can.t find OVO at checkout anymore, only GoPay/,
  })
  await expect(thread).toBeVisible()
  // The count is said to screen readers as well as shown.
  await expect(page.getByRole('status').filter({ hasText: /\d+ suggestions/ })).toHaveCount(1)
  await expectNoSeriousViolations(page, 'the home page with the suggestions open')
  await page.screenshot({ path: 'tmp/screenshots/header-search-desktop.png' })

  // Escape closes the list and leaves what was typed.
  await box(page).press('Escape')
  await expect(list).toBeHidden()
  await expect(box(page)).toHaveValue('gopa')

  // Down reopens it on the first suggestion; down again until the thread is chosen, then Enter.
  await box(page).press('ArrowDown')
  await expect(list).toBeVisible()
  const options = list.getByRole('option')
  const names = await options.allTextContents()
  const at = names.findIndex((n) => n.includes('find OVO at checkout anymore'))
  for (let i = 0; i < at; i++) await box(page).press('ArrowDown')
  await expect(thread).toHaveAttribute('aria-selected', 'true')
  await expect(box(page)).toHaveAttribute(
    'aria-activedescendant',
    (await thread.getAttribute('id'))!,
  )
  await box(page).press('Enter')
  await expect(page).toHaveURL(/\/questions\/\d+\//)
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: /I can.t find OVO at checkout anymore, only GoPay/,
    }),
  ).toBeVisible()
})

test('Enter with no suggestion chosen searches; the suggestions speak Indonesian', async ({
  page,
}) => {
  await page.goto('/?lng=id')
  await box(page).pressSequentially('paket belum sam', { delay: 30 })
  const list = page.getByRole('listbox', { name: 'Saran' })
  await expect(list.getByRole('option').first()).toBeVisible()
  await expect(list.getByRole('option', { name: /^Diskusi/ }).first()).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /\d+ saran\./ })).toHaveCount(1)
  await box(page).press('Enter')
  await expect(page).toHaveURL(/\/search\?q=paket\+belum\+sam/)
})

test('on a phone the list fits the screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/kb')
  await box(page).pressSequentially('gopa', { delay: 40 })
  const list = page.getByRole('listbox', { name: 'Suggestions' })
  await expect(list.getByRole('option').first()).toBeVisible()
  const bounds = await list.boundingBox()
  expect(bounds!.x).toBeGreaterThanOrEqual(0)
  expect(bounds!.x + bounds!.width).toBeLessThanOrEqual(390)
  await expectNoSeriousViolations(page, 'the suggestions at phone width')
  await page.screenshot({ path: 'tmp/screenshots/header-search-phone.png' })
})

test('without JavaScript the header box is a plain search form', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/')
  const plain = page.getByRole('search', { name: 'Site search' }).getByRole('searchbox')
  await plain.fill('gopay')
  await plain.press('Enter')
  await expect(page).toHaveURL(/\/search\?q=gopay/)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await context.close()
})
