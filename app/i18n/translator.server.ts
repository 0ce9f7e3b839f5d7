/** Both languages' words and a translate function per language, for text the server writes. */
import { createInstance, type TFunction } from 'i18next'
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
