import { expect, type Page } from '@playwright/test'
import en from '../../app/i18n/locales/en'
import id from '../../app/i18n/locales/id'

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = '', out = new Map<string, string>()) {
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value)
    else flatten(value, `${prefix}${key}.`, out)
  }
  return out
}

const words = (text: string) => text.split(/\s+/).filter((w) => /\p{L}/u.test(w))

/**
 * The English interface's own words that an Indonesian page must never show: the literal runs
 * (between placeholders and tags) of every English message that its Indonesian translation
 * changes, at least two words long and found in no Indonesian message (a brand name, "CC
 * BY-SA 4.0"). A string someone forgot to translate shows one of these.
 */
export function englishOnlyStrings(): string[] {
  const english = flatten(en.common as unknown as Tree)
  const indonesian = flatten(id.common as unknown as Tree)
  const allIndonesian = [...indonesian.values()].join('\n')
  const found = new Set<string>()
  for (const [key, text] of english) {
    if (indonesian.get(key) === text) continue
    for (const run of text.split(/\{\{[^}]*\}\}|<[^>]*>|\n/)) {
      const literal = run.replace(/\s+/g, ' ').replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
      if (words(literal).length >= 2 && !allIndonesian.includes(literal)) found.add(literal)
    }
  }
  return [...found]
}

/**
 * What the page says in its own language: its text and the names and hints people hear or see
 * on hover (aria-label, title, placeholder, alt), leaving out whatever is marked as written in
 * another language (`lang`: a post, an article, a title in a list).
 */
async function interfaceText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const pageLanguage = document.documentElement.lang
    const own = (el: Element | null) =>
      (el?.closest('[lang]')?.getAttribute('lang') ?? pageLanguage).split('-')[0] ===
      pageLanguage.split('-')[0]
    const parts: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement
      if (!parent || parent.closest('script, style, noscript, template')) continue
      if (own(parent)) parts.push(node.textContent ?? '')
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]'))
      if (own(el))
        for (const name of ['aria-label', 'title', 'placeholder', 'alt'])
          if (el.hasAttribute(name)) parts.push(el.getAttribute(name) ?? '')
    parts.push(document.title)
    return parts.map((p) => p.replace(/\s+/g, ' ')).join('\n')
  })
}

/**
 * Every translation key, as a page shows one whose message is missing in its language (the
 * browser has only the page's language to fall back on): `site.skipToContent`, plurals without
 * their `_one`/`_other`.
 */
export function translationKeys(): string[] {
  const keys = [...flatten(en.common as unknown as Tree).keys()]
  return [...new Set(keys.flatMap((k) => [k, k.replace(/_(zero|one|two|few|many|other)$/, '')]))]
}

/** Which of `strings` the page shows in its own language. */
export async function shownOn(page: Page, strings: string[]): Promise<string[]> {
  const text = await interfaceText(page)
  return strings.filter((s) => text.includes(s))
}

/** Fails, naming each one, when the page shows any of the English interface's own strings. */
export async function expectNoEnglish(page: Page, where: string, strings: string[]) {
  expect(await shownOn(page, strings), `English interface strings on ${where}`).toEqual([])
}
