/** Both languages' words and a translate function per language, for text the server writes. */
import { createInstance, type i18n as I18n, type TFunction } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { i18nConfig, type Language } from './config'
import en from './locales/en'
import id from './locales/id'

export const resources = { en, id }

const translators = new Map<Language, TFunction>()

/** A translate function for `language` (made once per language and kept). */
export function translatorFor(language: Language): TFunction {
  let t = translators.get(language)
  if (!t) {
    const instance = createInstance()
    void instance.init({ ...i18nConfig, resources, lng: language, initImmediate: false })
    t = instance.getFixedT(language, 'common')
    translators.set(language, t)
  }
  return t
}

const renderers = new Map<Language, I18n>()

/**
 * The i18next instance pages in `language` render with: one per language, made once. Nothing on
 * the server changes its language, so requests share it (making one per request cost about a
 * tenth of the main thread under load).
 */
export function renderingInstanceFor(language: Language): I18n {
  let instance = renderers.get(language)
  if (!instance) {
    instance = createInstance()
    void instance
      .use(initReactI18next)
      .init({ ...i18nConfig, resources, lng: language, initImmediate: false })
    renderers.set(language, instance)
  }
  return instance
}
