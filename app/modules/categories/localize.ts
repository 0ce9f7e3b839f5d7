/**
 * Client-safe: a category's name and description in the reader's language. English is the
 * category's own `name` and `description`; other languages are in its `translations`
 * (`{ "id": { "name": …, "description": … } }`, from content/categories.yml), and whatever a
 * language leaves out is read in English. Every page that shows a category goes through
 * `localizeCategory`, on the server, so pages read the same without JavaScript.
 */
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../i18n/config'

export type CategoryWords = { name?: string; description?: string }
export type CategoryTranslations = Partial<Record<Language, CategoryWords>>

const text = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined

/**
 * The translations of a category as stored: the column's parsed JSON, or its text when a raw
 * query read it. Anything unreadable (bad JSON, unknown languages, words that are not text)
 * is left out, so the category falls back to English instead of breaking a page.
 */
export function readCategoryTranslations(value: unknown): CategoryTranslations {
  let data = value
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data)
    } catch {
      return {}
    }
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return {}
  const out: CategoryTranslations = {}
  for (const [language, words] of Object.entries(data)) {
    if (!isLanguage(language) || !words || typeof words !== 'object') continue
    const { name, description } = words as Record<string, unknown>
    const found: CategoryWords = {}
    if (text(name)) found.name = text(name)
    if (text(description)) found.description = text(description)
    if (found.name || found.description) out[language] = found
  }
  return out
}

type Localizable = { name: string; description?: string; translations?: unknown }

/**
 * The category with its name and description (when it has one) in `language`, each in English
 * when that language has none; the translations themselves are dropped.
 */
export function localizeCategory<T extends Localizable>(
  category: T,
  language: Language,
): Omit<T, 'translations'> {
  const { translations, ...rest } = category
  if (language === DEFAULT_LANGUAGE) return rest
  const words = readCategoryTranslations(translations)[language]
  if (!words) return rest
  const out = { ...rest, name: words.name ?? rest.name }
  if (words.description && typeof rest.description === 'string') out.description = words.description
  return out
}
