import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '~/i18n/config'

/**
 * The visible language switcher: a plain form, so it works without JavaScript. Each language
 * is named in itself, so someone who cannot read the current one still finds theirs. It loads
 * the whole page again (`reloadDocument`): the browser holds only the current language's words,
 * and a client-side navigation would keep rendering with them.
 */
export function LanguageSwitcher({ current, returnTo }: { current: Language; returnTo: string }) {
  const { t } = useTranslation()
  return (
    <Form
      method="post"
      action="/language"
      // The browser holds only the current language's words (entry.client.tsx): a new language
      // comes with a whole new page, not a client-side navigation that would keep the old words.
      reloadDocument
      className="language-switcher"
      aria-label={t('language.switcher')}
    >
      <input type="hidden" name="returnTo" value={returnTo} />
      <label htmlFor="language-select">{t('language.label')}</label>
      <select id="language-select" name="language" defaultValue={current}>
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {LANGUAGE_NAMES[lng]}
          </option>
        ))}
      </select>
      <button type="submit" className="button button-secondary button-small">
        {t('language.switch')}
      </button>
    </Form>
  )
}
