/**
 * Which language a request is answered in, and its translations on the server. The order:
 * a `?lng=` link (what `hreflang` alternates point to), the account's own setting, the cookie the
 * language switcher sets, then the browser's `Accept-Language`, then English. A `?lng=` link
 * also sets that cookie (linked-language.server.ts), so the language outlasts the click; the
 * account's setting, when there is one, still comes first on the pages after it.
 */
import { createCookie } from '@remix-run/node'
import type { TFunction } from 'i18next'
import { RemixI18Next } from 'remix-i18next/server'
import { getUser } from '../modules/auth/auth.server'
import { getUserLanguage } from '../modules/users/users.server'
import { env } from '../utils/env.server'
import { oncePerRequest } from '../utils/request-scope.server'
import { singleton } from '../utils/singleton.server'
import { DEFAULT_LANGUAGE, i18nConfig, isLanguage, LANGUAGES, type Language } from './config'
import { resources, translatorFor } from './translator.server'

export { resources, translatorFor }

// Made on first use, not at import: scripts and tests import this module without a site.
const languageCookie = () =>
  singleton('languageCookie', () =>
    createCookie('tanya_lang', {
      path: '/',
      sameSite: 'lax',
      httpOnly: true,
      maxAge: 365 * 24 * 60 * 60,
      secure: env().BASE_URL.startsWith('https://'),
    }),
  )

const remixI18next = () =>
  singleton(
    'remixI18next',
    () =>
      new RemixI18Next({
        detection: {
          supportedLanguages: [...LANGUAGES],
          fallbackLanguage: DEFAULT_LANGUAGE,
          cookie: languageCookie(),
          order: ['searchParams', 'custom', 'cookie', 'header'],
          // The account's setting, for someone signed in who has chosen one.
          findLocale: async (request) => {
            const user = await getUser(request)
            return user ? getUserLanguage(user.id) : null
          },
        },
        i18next: { ...i18nConfig, resources },
      }),
  )

/** The language this request is answered in; worked out once per request. */
export function getLanguage(request: Request): Promise<Language> {
  return oncePerRequest('language', async () => {
    const found = await remixI18next()
      .getLocale(request)
      .catch(() => DEFAULT_LANGUAGE)
    return isLanguage(found) ? found : DEFAULT_LANGUAGE
  })
}

/** A translate function in this request's language, for text the server writes itself. */
export async function getT(request: Request): Promise<TFunction> {
  return translatorFor(await getLanguage(request))
}

/** The Set-Cookie header that keeps `language` for this browser. */
export function languageCookieHeader(language: Language): Promise<string> {
  return languageCookie().serialize(language)
}
