/**
 * The interface languages and how i18next is set up for them, on the server and in the browser
 * alike (client-safe). One namespace: the site is small enough that splitting it would only
 * scatter the words.
 */
export const LANGUAGES = ['en', 'id'] as const
export type Language = (typeof LANGUAGES)[number]

export const DEFAULT_LANGUAGE: Language = 'en'

/** Each language named in itself, as a switcher shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', id: 'Bahasa Indonesia' }

/** The Intl locale a language formats dates, times and numbers with. */
export const INTL_LOCALES: Record<Language, string> = { en: 'en-GB', id: 'id-ID' }

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

export const i18nConfig = {
  supportedLngs: [...LANGUAGES],
  fallbackLng: DEFAULT_LANGUAGE,
  defaultNS: 'common',
  ns: ['common'],
  // React escapes what it renders; escaping again would show &amp; to people.
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
} as const
