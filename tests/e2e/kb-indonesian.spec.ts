import { expect, test, type Page } from '@playwright/test'

// A visitor who reads Bahasa Indonesia: they switch the interface with the footer's switcher,
// then use the knowledge base and search in their language. The articles opened here are
// written in Indonesian (content/kb), so the whole page reads in one language.

const TUBRUK = 'Kopi tubruk yang bersih: gilingan, suhu air, dan cara mengendapkan ampas'
const RESI = 'Paket belum sampai? Cara melacak nomor resi dan membaca status kurir'

/** The footer's switcher: a plain form, so it works with JavaScript off as well. */
async function switchToIndonesian(page: Page) {
  await page.goto('/')
  const switcher = page.getByRole('form', { name: 'Choose a language' })
  await switcher.getByRole('combobox').selectOption('id')
  await switcher.getByRole('button', { name: 'Change' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'id')
  await expect(page.getByRole('form', { name: 'Pilih bahasa' })).toBeVisible()
}

async function openArticle(page: Page, title: string) {
  await page
    .getByRole('navigation', { name: 'Menu utama' })
    .getByRole('link', { name: 'Pusat bantuan' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Pusat bantuan' })).toBeVisible()
  await expect(page).toHaveTitle('Pusat bantuan · Tanya')
  await page.getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page).toHaveTitle(`${title} · Pusat bantuan · Tanya`)
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a visitor answers “Apakah artikel ini membantu?” and the follow-up question', async ({
    page,
  }) => {
    await switchToIndonesian(page)
    await openArticle(page, TUBRUK)
    await expect(page.getByText('Diperbarui 25 September 2026')).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'Lokasi halaman' })).toBeVisible()

    const feedback = page.getByRole('group', { name: 'Apakah artikel ini membantu?' })
    await feedback.getByRole('button', { name: 'Tidak' }).click()
    await expect(page.getByRole('group', { name: 'Apa yang kurang pas?' })).toBeVisible()
    // Sending without choosing keeps the comment and says, in Indonesian, what is missing.
    await page.getByLabel('Ada masukan lain? (opsional)').fill('Takaran untuk dua gelas belum ada.')
    await page.getByRole('button', { name: 'Kirim' }).click()
    await expect(page.getByText('Pilih salah satu jawaban di atas')).toBeVisible()
    await expect(page.getByLabel('Ada masukan lain? (opsional)')).toHaveValue(
      'Takaran untuk dua gelas belum ada.',
    )
    await page.getByRole('radio', { name: 'Ada informasi yang kurang' }).check()
    await page.getByRole('button', { name: 'Kirim' }).click()
    await expect(page.getByText('Terima kasih atas masukan Anda.')).toBeVisible()
    await expect(page.getByText('Menurut Anda, artikel ini belum membantu.')).toBeVisible()
    await expect(page.getByText('0 dari 1 orang merasa terbantu')).toBeVisible()

    await page.getByRole('link', { name: 'Ubah jawaban Anda' }).click()
    await page.getByRole('button', { name: 'Ya' }).click()
    await expect(page.getByRole('group', { name: 'Apa yang paling membantu?' })).toBeVisible()
    await expect(page.getByText('1 dari 1 orang merasa terbantu')).toBeVisible()
  })
})

test('a visitor in Bahasa Indonesia answers the article’s question and searches', async ({
  page,
}) => {
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error on ${page.url()}: ${m.text()}`)
  })
  page.on('pageerror', (e) => problems.push(`uncaught error on ${page.url()}: ${e.message}`))

  await switchToIndonesian(page)
  await openArticle(page, RESI)

  await test.step('“Apakah artikel ini membantu?”: Ya, then what helped most', async () => {
    const feedback = page.getByRole('group', { name: 'Apakah artikel ini membantu?' })
    await feedback.getByRole('button', { name: 'Ya' }).click()
    await expect(page.getByText('Terima kasih! Satu pertanyaan lagi')).toBeVisible()
    await page.getByRole('radio', { name: 'Masalah saya terselesaikan' }).check()
    await page.getByRole('button', { name: 'Kirim' }).click()
    await expect(page.getByText('Terima kasih atas masukan Anda.')).toBeVisible()
    await expect(page.getByText('Menurut Anda, artikel ini membantu.')).toBeVisible()
    await expect(page.getByText('1 dari 1 orang merasa terbantu')).toBeVisible()
  })

  await test.step('searching from the knowledge base finds the Indonesian articles', async () => {
    await page
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Pusat bantuan' })
      .click()
    const main = page.getByRole('main')
    await main.getByLabel('Cari artikel dan pertanyaan').fill('lacak resi JNE')
    await main.getByRole('button', { name: 'Cari', exact: true }).click()
    await expect(page).toHaveURL(/\/search\?q=lacak\+resi\+JNE/)
    await expect(page.getByRole('heading', { level: 1, name: 'Hasil pencarian' })).toBeVisible()
    await expect(page).toHaveTitle('“lacak resi JNE” · Pencarian · Tanya')
    const kb = page.getByRole('region', { name: 'Pusat bantuan', exact: true })
    await expect(kb.getByText(/^\d+ artikel$/)).toBeVisible()
    await expect(page.getByRole('region', { name: 'Diskusi komunitas' })).toBeVisible()
    await kb.getByRole('link', { name: RESI }).click()
    await expect(page.getByRole('heading', { level: 1, name: RESI })).toBeVisible()
  })

  await test.step('a search with no words says so in Indonesian', async () => {
    await page.goto('/search?q=%E2%98%95')
    await expect(page.getByRole('main').getByRole('status')).toContainText(
      'Tidak ada kata yang bisa dicari',
    )
  })

  expect(problems).toEqual([])
})
