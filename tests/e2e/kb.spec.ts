import { expect, test, type Page } from '@playwright/test'
import { logIn } from './support'

const THREAD = 'How long does a refund to a bank account take?'

/** The answers of a thread page: list items named "Answer by …". */
function answerItems(page: Page) {
  return page
    .getByRole('region', { name: /^(No answers yet|\d+ answers?)$/ })
    .getByRole('listitem', { name: /^Answer by / })
}

test('a moderator promotes an accepted answer and a visitor then finds the article by search', async ({
  browser,
}) => {
  const problems: string[] = []
  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console.error on ${page.url()}: ${m.text()}`)
    })
    page.on('pageerror', (e) => problems.push(`uncaught error on ${page.url()}: ${e.message}`))
    return page
  }
  // A word no other page contains, so the search can only find this run's article.
  const marker = `kopirun${Date.now().toString(36)}`
  const articleTitle = `Bank transfer refunds: how long they take (${marker})`
  const summary = `Refunds to a bank account take three to seven working days; here is why (${marker}).`

  await test.step('the asker accepts the answer that solved her question', async () => {
    const context = await browser.newContext()
    const ayu = watch(await context.newPage())
    await logIn(ayu, 'ayu@kopi.example', 'Ayu Pratiwi')
    await ayu.goto('/questions?category=returns-refunds')
    await ayu.getByRole('link', { name: THREAD }).click()
    await expect(ayu.getByRole('heading', { level: 1, name: THREAD })).toBeVisible()
    const answer = answerItems(ayu).filter({ hasText: 'It depends on how you paid' })
    await answer.getByRole('button', { name: 'Accept this answer' }).click()
    await expect(answer.getByRole('button', { name: 'Undo accept' })).toBeVisible()
    await expect(ayu.getByText('Solved', { exact: true })).toBeVisible()
    await context.close()
  })

  let articleUrl = ''
  await test.step('a moderator finds it in the promotion queue, edits the draft and publishes', async () => {
    const context = await browser.newContext()
    const citra = watch(await context.newPage())
    await logIn(citra, 'citra@kopi.example', 'Citra Lestari')
    await citra.goto('/kb')
    await citra
      .getByRole('navigation', { name: 'Knowledge base tools' })
      .getByRole('link', { name: /Promotion queue/ })
      .click()
    await expect(citra.getByRole('heading', { level: 1, name: 'Promotion queue' })).toBeVisible()
    const candidate = citra
      .getByRole('list', { name: 'Candidates' })
      .getByRole('listitem')
      .filter({ has: citra.getByRole('heading', { name: THREAD }) })
    await candidate.getByRole('link', { name: /^Review/ }).click()

    await expect(
      citra.getByRole('heading', { level: 1, name: 'Promote to the knowledge base' }),
    ).toBeVisible()
    // The draft starts from the thread: its title, and the question and answer in the body.
    await expect(citra.getByLabel('Title', { exact: true })).toHaveValue(THREAD)
    await expect(citra.getByLabel('Article', { exact: true })).toHaveValue(
      /# The question[\s\S]*# The answer[\s\S]*It depends on how you paid/,
    )
    await citra.getByLabel('Title', { exact: true }).fill(articleTitle)
    await citra.getByLabel('Summary', { exact: true }).fill(summary)
    await citra.getByRole('button', { name: 'Publish article' }).click()

    await expect(citra).toHaveURL(/\/kb\/bank-transfer-refunds-how-long-they-take/)
    await expect(citra.getByRole('heading', { level: 1, name: articleTitle })).toBeVisible()
    const sources = citra.getByRole('region', { name: 'Written from these community threads' })
    await expect(sources.getByRole('link', { name: THREAD })).toBeVisible()
    articleUrl = new URL(citra.url()).pathname

    // The thread now points readers to the article.
    await sources.getByRole('link', { name: THREAD }).click()
    await expect(citra.getByRole('heading', { level: 1, name: THREAD })).toBeVisible()
    const note = citra.getByRole('note').filter({ hasText: 'Promoted to the knowledge base' })
    await expect(note.getByRole('link', { name: articleTitle })).toBeVisible()
    await context.close()
  })

  await test.step('a visitor searches, finds the article and says it helped', async () => {
    const context = await browser.newContext()
    const visitor = watch(await context.newPage())
    await visitor.goto('/search')
    const main = visitor.getByRole('main')
    const result = main.getByRole('link', { name: articleTitle })
    // The knowledge-base index is rebuilt in the background a moment after publishing, so the
    // visitor may have to search twice.
    await expect(async () => {
      await main.getByLabel('Search', { exact: true }).fill(`bank refund ${marker}`)
      await main.getByRole('button', { name: 'Search' }).click()
      await expect(visitor).toHaveURL(/[?&]q=bank/)
      await expect(result).toBeVisible({ timeout: 1_000 })
    }).toPass({ timeout: 20_000 })
    await result.click()

    await expect(visitor).toHaveURL(new RegExp(`${articleUrl}$`))
    await expect(visitor.getByRole('heading', { level: 1, name: articleTitle })).toBeVisible()
    await expect(visitor.getByText(summary)).toBeVisible()

    await visitor.getByRole('button', { name: 'Yes' }).click()
    await visitor.getByRole('radio', { name: 'It solved my problem' }).check()
    await visitor.getByRole('button', { name: 'Send' }).click()
    await expect(visitor.getByText('Thanks for your feedback.')).toBeVisible()
    await expect(visitor.getByText('1 of 1 found this helpful')).toBeVisible()
    await context.close()
  })

  expect(problems).toEqual([])
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a visitor answers "Was this helpful?" and the follow-up question', async ({ page }) => {
    await page.goto('/kb')
    await page.getByRole('link', { name: 'Why does my V60 coffee taste sour?' }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: 'Why does my V60 coffee taste sour?' }),
    ).toBeVisible()
    await expect(page.getByText('Updated 2 November 2026')).toBeVisible()

    await page.getByRole('button', { name: 'No' }).click()
    await expect(page.getByRole('group', { name: 'What went wrong?' })).toBeVisible()
    // Sending without choosing keeps the comment and says what is missing.
    await page.getByLabel('Anything else? (optional)').fill('Our grinder has no numbered steps.')
    await page.getByRole('button', { name: 'Send' }).click()
    await expect(page.getByText('Choose one of the options')).toBeVisible()
    await expect(page.getByLabel('Anything else? (optional)')).toHaveValue(
      'Our grinder has no numbered steps.',
    )
    await page.getByRole('radio', { name: 'Something is missing' }).check()
    await page.getByRole('button', { name: 'Send' }).click()
    await expect(page.getByText('Thanks for your feedback.')).toBeVisible()
    await expect(page.getByText('You said this article was not helpful.')).toBeVisible()

    // Changing one's mind is one more click, still one answer per visitor.
    await page.getByRole('link', { name: 'Change your answer' }).click()
    await page.getByRole('button', { name: 'Yes' }).click()
    await expect(page.getByRole('group', { name: 'What helped most?' })).toBeVisible()
    await expect(page.getByText('1 of 1 found this helpful')).toBeVisible()
  })
})
