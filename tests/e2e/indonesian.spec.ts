import { expect, test, type Page } from '@playwright/test'
import { expectNoSeriousViolations } from './axe'
import { englishOnlyStrings, expectNoEnglish, shownOn, translationKeys } from './english-words'
import { DEMO_PASSWORD, newAccount, signUp } from './support'

/**
 * The English interface's own strings and the translation keys (see english-words.ts): an
 * Indonesian page shows none of them.
 */
const ENGLISH = [...englishOnlyStrings(), ...translationKeys()]

const PASSWORD_ARTICLE = 'Lupa kata sandi: cara mengatur ulang kata sandi akun'

/** A relative date as Indonesian readers see it: "3 hari yang lalu", "2 jam yang lalu". */
const AGO = /\d+ (detik|menit|jam|hari|minggu|bulan|tahun) yang lalu/
/** Any relative date in Indonesian, the near ones included ("kemarin", "bulan lalu"). */
const RELATIVE =
  /^(\d+ (detik|menit|jam|hari|minggu|bulan|tahun) yang lalu|kemarin( dulu)?|(minggu|bulan|tahun) lalu|baru saja)$/

/** The rows of a question list: each is a list item with the question's title as a heading. */
function questionRows(page: Page) {
  return page
    .getByRole('main')
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3 }) })
}

test('a visitor switches to Bahasa Indonesia and the site speaks it, signed out and in', async ({
  page,
}) => {
  test.slow()
  let questionPath = '/'

  await test.step('the footer’s switcher turns the home page Indonesian', async () => {
    await page.goto('/')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    // The check below would pass on any page if it could not see English at all.
    expect(ENGLISH.length).toBeGreaterThan(300)
    expect(await shownOn(page, ENGLISH)).toEqual(
      expect.arrayContaining(['Ask a question', 'How can we help']),
    )
    const footer = page.getByRole('contentinfo')
    // Named in both languages, so someone who cannot read the current one still finds it.
    await footer.getByRole('combobox', { name: /Language/ }).selectOption('Bahasa Indonesia')
    await footer.getByRole('button', { name: 'Change' }).click()

    await expect(page.locator('html')).toHaveAttribute('lang', 'id')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Ada yang bisa kami bantu?' }),
    ).toBeVisible()
    await expect(page.getByRole('heading', { level: 2, name: 'Kategori' })).toBeVisible()
    // The categories are named in Indonesian too, their slugs (the links) unchanged.
    await expect(
      page.getByRole('heading', { level: 3 }).getByRole('link', { name: 'Pesanan & pengiriman' }),
    ).toHaveAttribute('href', '/questions?category=orders-shipping')
    await expect(page.getByRole('link', { name: 'Orders & shipping' })).toHaveCount(0)
    await expect(page.getByRole('heading', { level: 2, name: 'Aktivitas terbaru' })).toBeVisible()
    await expect(
      page.getByRole('link', { name: 'Lihat pertanyaan yang sudah selesai' }),
    ).toBeVisible()
    await expect(
      page
        .getByRole('navigation', { name: 'Menu utama' })
        .getByRole('link', { name: 'Pertanyaan', exact: true }),
    ).toBeVisible()
    const recent = page.getByRole('region', { name: 'Aktivitas terbaru' })
    await expect(recent.getByText(AGO).first()).toBeVisible()
    await expect(page.getByText(/^\d+ pertanyaan · \d+ selesai/).first()).toBeVisible()
    await expectNoEnglish(page, 'the home page', ENGLISH)
  })

  await test.step('the question list is Indonesian: heading, filters, badges, dates', async () => {
    await page
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Pertanyaan', exact: true })
      .click()
    await expect(page).toHaveURL(/\/questions$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Semua pertanyaan' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Terapkan' })).toBeVisible()
    await expect(
      page.getByRole('navigation', { name: 'Urutkan pertanyaan' }).getByRole('link', {
        name: 'Terbaru',
        exact: true,
      }),
    ).toBeVisible()
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Selesai' })
    await page.getByRole('button', { name: 'Terapkan' }).click()
    await expect(page).toHaveURL(/status=solved/)
    const rows = questionRows(page)
    await expect(rows.first()).toBeVisible()
    await expect(rows.first().getByText('Selesai', { exact: true })).toBeVisible()
    await expect(rows.first().getByText(/\d+ jawaban/)).toBeVisible()
    await expect(page.getByRole('main').getByText(AGO).first()).toBeVisible()
  })

  await test.step('a question page is Indonesian', async () => {
    const first = questionRows(page).first().getByRole('heading').getByRole('link')
    const title = (await first.textContent()) ?? ''
    await first.click()
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
    questionPath = new URL(page.url()).pathname
    await expect(page.getByText(/^Ditanyakan \S/).first()).toBeVisible()
    const dates = page.getByRole('main').locator('time')
    await expect(dates.first()).toHaveText(RELATIVE)
    for (const date of await dates.all()) await expect(date).toHaveText(RELATIVE)
    await expect(page.getByText(/^Dilihat [\d.]+ kali$/)).toBeVisible()
    await expect(page.getByRole('heading', { level: 2, name: /^\d+ jawaban$/ })).toBeVisible()
    await expect(page.getByText('Jawaban terpilih', { exact: true })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Masuk', exact: true }).last()).toBeVisible()
    await expect(page.getByText('untuk menjawab.', { exact: false })).toBeVisible()
    await expectNoEnglish(page, 'a question page, signed out', ENGLISH)
  })

  await test.step('the choice survives a reload', async () => {
    await page.reload()
    await expect(page.locator('html')).toHaveAttribute('lang', 'id')
    await expect(page.getByRole('heading', { level: 2, name: /^\d+ jawaban$/ })).toBeVisible()
    await page.goto('/')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Ada yang bisa kami bantu?' }),
    ).toBeVisible()
  })

  await test.step('signed in, the ask form is Indonesian, its errors too', async () => {
    await page.getByRole('banner').getByRole('link', { name: 'Masuk' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Masuk' })).toBeVisible()
    await page.getByLabel('E-mail', { exact: true }).fill('ayu@kopi.example')
    await page.getByLabel('Kata sandi', { exact: true }).fill(DEMO_PASSWORD)
    await page.getByRole('main').getByRole('button', { name: 'Masuk' }).click()
    await expect(page.getByRole('banner').getByRole('link', { name: 'Ayu Pratiwi' })).toBeVisible()

    await page
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Ajukan pertanyaan' })
      .click()
    await expect(page.getByRole('heading', { level: 1, name: 'Tanya komunitas' })).toBeVisible()
    await expect(page.getByLabel('Judul', { exact: true })).toBeVisible()
    await expect(page.getByLabel('Detail', { exact: true })).toBeVisible()
    const picker = page.getByRole('radiogroup', { name: 'Kategori' })
    await expect(picker).toBeVisible()
    await expect(picker.getByRole('radio', { name: 'Tips menyeduh' })).toHaveAccessibleDescription(
      /^Ukuran gilingan, resep/,
    )
    await expect(picker.getByRole('radio', { name: 'Brewing help' })).toHaveCount(0)
    await expect(page.getByLabel('Tag', { exact: true })).toBeVisible()
    await expect(page.getByText('Jelaskan masalahnya dalam satu kalimat')).toBeVisible()
    await expectNoEnglish(page, 'the ask form', ENGLISH)
    await expectNoSeriousViolations(page, 'the ask form in Indonesian')

    // Sent empty: the server's messages come back as descriptors, shown in Indonesian.
    await page.getByLabel('Judul', { exact: true }).fill('Kopi')
    await page.getByRole('button', { name: 'Kirim pertanyaan' }).click()
    await expect(page.getByText('Judul minimal 10 karakter')).toBeVisible()
    await expect(page.getByText('Pilih kategori')).toBeVisible()
    await expect(page.getByText('Tambahkan minimal satu tag')).toBeVisible()
    await expectNoEnglish(page, 'the ask form with its errors', ENGLISH)
  })

  await test.step('signed in, a question page shows no English of its own either', async () => {
    await page.goto(questionPath)
    await expect(page.getByRole('heading', { level: 2, name: /^\d+ jawaban$/ })).toBeVisible()
    await expectNoEnglish(page, 'a question page, signed in', ENGLISH)
    await expectNoSeriousViolations(page, 'a question page in Indonesian, signed in')
  })

  await test.step('“lupa kata sandi” finds the Indonesian password article first', async () => {
    // Once the page is interactive, the header's box is a combobox (it suggests while typing).
    const box = page.getByRole('banner').getByRole('combobox', { name: 'Cari' })
    await box.fill('lupa kata sandi')
    await box.press('Enter')
    await expect(page).toHaveURL(/\/search\?q=lupa\+kata\+sandi/)
    const kb = page.getByRole('region', { name: 'Pusat bantuan', exact: true })
    await expect(kb.getByRole('link').first()).toHaveText(PASSWORD_ARTICLE)
    await kb.getByRole('link', { name: PASSWORD_ARTICLE }).click()
    await expect(page.getByRole('heading', { level: 1, name: PASSWORD_ARTICLE })).toBeVisible()
  })
})

test('the language chosen while signed in follows the account to another browser', async ({
  page,
  browser,
}) => {
  const account = newAccount('bahasa')
  await signUp(page, account)
  const footer = page.getByRole('contentinfo')
  await footer.getByRole('combobox', { name: /Language/ }).selectOption('Bahasa Indonesia')
  await footer.getByRole('button', { name: 'Change' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'id')

  // A second browser has no language cookie and asks for English.
  const other = await browser.newContext({ locale: 'en-US' })
  const second = await other.newPage()
  await second.goto('/login')
  await expect(second.locator('html')).toHaveAttribute('lang', 'en')
  await second.getByLabel('E-mail', { exact: true }).fill(account.email)
  await second.getByLabel('Password', { exact: true }).fill(account.password)
  await second.getByRole('main').getByRole('button', { name: 'Log in' }).click()
  await expect(
    second.getByRole('banner').getByRole('link', { name: account.displayName }),
  ).toBeVisible()
  await expect(second.locator('html')).toHaveAttribute('lang', 'id')
  await second.goto('/')
  await expect(
    second.getByRole('heading', { level: 1, name: 'Ada yang bisa kami bantu?' }),
  ).toBeVisible()
  await other.close()
})
