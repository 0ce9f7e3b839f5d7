import { expect, test, type Page } from '@playwright/test'
import { newAccount, signUp } from './support'

async function openAskForm(page: Page, prefix: string) {
  await signUp(page, newAccount(prefix))
  await page.goto('/ask')
  await expect(page.getByRole('heading', { level: 1, name: 'Ask the community' })).toBeVisible()
}

test.describe('tags field with JavaScript', () => {
  test('typing the start of a tag offers existing tags, picked with the keyboard', async ({
    page,
  }) => {
    await openAskForm(page, 'tagjs')
    const title = `Sicepat parcel waiting at the JNE counter ${Date.now().toString(36)}`
    await page.getByLabel('Title', { exact: true }).fill(title)
    await page
      .getByLabel('Details', { exact: true })
      .fill('Tracking says my parcel was handed over to another courier. Who do I ask?')
    await page.getByRole('radio', { name: 'Orders & shipping' }).check()

    const tags = page.getByRole('combobox', { name: 'Tags', exact: true })
    const suggestions = page.getByRole('listbox', { name: 'Suggested tags' })
    await tags.pressSequentially('si')
    await expect(suggestions).toBeVisible()
    await expect(suggestions.getByRole('option').first()).toContainText('sicepat')
    await expect(tags).toHaveAttribute('aria-expanded', 'true')

    await tags.press('ArrowDown')
    await expect(suggestions.getByRole('option', { name: /^sicepat/ })).toHaveAttribute(
      'aria-selected',
      'true',
    )
    await tags.press('Enter')
    // Enter picked the tag: the word is completed, the list is gone, the form was not sent.
    await expect(tags).toHaveValue('sicepat ')
    await expect(suggestions).toBeHidden()
    await expect(tags).toHaveAttribute('aria-expanded', 'false')
    await expect(page).toHaveURL(/\/ask$/)
    await expect(page.getByRole('alert')).toHaveCount(0)

    // A second tag: tags already in the field are not offered again.
    await tags.pressSequentially('s')
    await expect(suggestions.getByRole('option', { name: /^shipping/ })).toBeVisible()
    await expect(suggestions.getByRole('option', { name: /^sicepat/ })).toHaveCount(0)
    // Escape closes the list and keeps what was typed.
    await tags.press('Escape')
    await expect(suggestions).toBeHidden()
    await expect(tags).toHaveValue('sicepat s')
    // Down opens it again without choosing anything.
    await tags.press('ArrowDown')
    await expect(suggestions.getByRole('option', { name: /^shipping/ })).toBeVisible()
    await expect(suggestions.getByRole('option', { selected: true })).toHaveCount(0)
    await tags.press('Escape')
    await tags.press('Backspace')
    await tags.pressSequentially('jn')
    await expect(suggestions.getByRole('option', { name: /^jne/ })).toBeVisible()
    await tags.press('ArrowDown')
    await tags.press('Enter')
    await expect(tags).toHaveValue('sicepat jne ')

    await page.getByRole('button', { name: 'Post your question' }).click()
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
    const tagList = page.getByRole('list', { name: 'Tags', exact: true })
    await expect(tagList.getByRole('link', { name: 'sicepat' })).toBeVisible()
    await expect(tagList.getByRole('link', { name: 'jne' })).toBeVisible()
  })

  test('arrow keys wrap around the list, and a word no tag starts with offers nothing', async ({
    page,
  }) => {
    await openAskForm(page, 'tagkeys')
    const tags = page.getByRole('combobox', { name: 'Tags', exact: true })
    const suggestions = page.getByRole('listbox', { name: 'Suggested tags' })
    await tags.pressSequentially('s')
    const options = suggestions.getByRole('option')
    await expect(options.first()).toBeVisible()
    const count = await options.count()
    expect(count).toBeGreaterThan(1)

    // Up from the field goes to the last tag; down from the last comes back to the first.
    await tags.press('ArrowUp')
    await expect(options.nth(count - 1)).toHaveAttribute('aria-selected', 'true')
    await tags.press('ArrowDown')
    await expect(options.first()).toHaveAttribute('aria-selected', 'true')
    await expect(options.nth(count - 1)).toHaveAttribute('aria-selected', 'false')

    await tags.fill('zzqx')
    await expect(suggestions).toBeHidden()
  })
})

test.describe('tags and categories without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the ask form lists existing tags under the field and describes each category', async ({
    page,
  }) => {
    await openAskForm(page, 'tagnojs')
    // A plain text field: nothing to pop up without a script.
    await expect(page.getByRole('combobox', { name: 'Tags' })).toHaveCount(0)
    await expect(page.getByRole('textbox', { name: 'Tags', exact: true })).toBeVisible()

    const existing = page.getByRole('list', { name: 'Existing tags, most used first' })
    await expect(existing).toBeHidden()
    await page.getByText('Existing tags', { exact: true }).click()
    await expect(existing).toBeVisible()
    await expect(
      existing.getByRole('listitem').filter({ hasText: /^shipping \d+ questions?$/ }),
    ).toBeVisible()
    // Most used first: the counts shown never go up down the list.
    const counts = (await existing.getByRole('listitem').allInnerTexts()).map((text) =>
      Number(/(\d+) questions?$/.exec(text)?.[1]),
    )
    expect(counts.length).toBeGreaterThan(5)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))

    await expect(page.getByRole('radiogroup', { name: 'Category' })).toBeVisible()
    await expect(page.getByRole('radio', { name: 'Brewing help' })).toHaveAccessibleDescription(
      'Grind sizes, recipes and storage tips to get the best out of your beans.',
    )
    await expect(
      page.getByText(
        'Paying with GoPay, OVO, QRIS or bank transfer, invoices, and subscription charges.',
      ),
    ).toBeVisible()
  })
})
