import { RemixBrowser } from '@remix-run/react'
import i18next from 'i18next'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { i18nConfig, isLanguage, DEFAULT_LANGUAGE } from './i18n/config'

// The page was rendered in the language <html lang> names; only that language's words are
// loaded (a chunk of its own), before the page comes alive, so nothing flickers.
async function hydrate() {
  const lang = document.documentElement.lang
  const language = isLanguage(lang) ? lang : DEFAULT_LANGUAGE
  const words =
    language === 'id' ? await import('./i18n/locales/id') : await import('./i18n/locales/en')
  await i18next
    .use(initReactI18next)
    .init({ ...i18nConfig, lng: language, resources: { [language]: words.default } })
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    )
  })
}

void hydrate()
