/**
 * The language of a request answered before any route runs (the plain pages of
 * request-guards.server.ts and server.ts): the switcher's cookie, then `Accept-Language`, then
 * English. Pages rendered by Remix go through `getLanguage` (i18n.server.ts), which also knows
 * the account's setting; these pages cannot read the session, so they stop at the cookie.
 */
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './config'

const COOKIE_NAME = 'tanya_lang'

/** Tags that mean a language we have under another name: `in` is the old code for Indonesian. */
const ALIASES: Record<string, Language> = { in: 'id' }

/** Longer headers are cut: a browser sends a handful of languages, not kilobytes of them. */
const HEADER_MAX = 1000

/**
 * The interface language an `Accept-Language` header prefers, or null when it names none of
 * ours. Highest quality first; among equal ones, the earlier; `q=0` means "not this one".
 * "id-ID", "id" and "in" are Indonesian; "en-GB" and "en" English; "*" asks for nothing.
 */
export function parseAcceptLanguage(header: string | null | undefined): Language | null {
  if (!header) return null
  const ranked: { language: Language; q: number; at: number }[] = []
  header
    .slice(0, HEADER_MAX)
    .split(',')
    .forEach((part, at) => {
      const [range, ...params] = part.split(';').map((p) => p.trim())
      const primary = range.toLowerCase().split('-')[0]
      const language = isLanguage(primary) ? primary : ALIASES[primary]
      if (!language) return
      let q = 1
      for (const param of params) {
        const m = /^q\s*=\s*([01](?:\.\d{0,3})?)$/i.exec(param)
        if (m) q = Number(m[1])
        else if (/^q\s*=/i.test(param)) q = 0
      }
      if (q > 0 && q <= 1) ranked.push({ language, q, at })
    })
  ranked.sort((a, b) => b.q - a.q || a.at - b.at)
  return ranked[0]?.language ?? null
}

/**
 * The language kept by the switcher's cookie, or null. The cookie is written by Remix's
 * `createCookie` without secrets: the JSON of the value, base64-encoded, then percent-encoded.
 */
export function languageFromCookie(header: string | null | undefined): Language | null {
  if (!header) return null
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=')
    if (at === -1 || pair.slice(0, at).trim() !== COOKIE_NAME) continue
    try {
      const raw = decodeURIComponent(pair.slice(at + 1).trim())
      const value: unknown = JSON.parse(Buffer.from(raw, 'base64').toString('utf8'))
      return isLanguage(value) ? value : null
    } catch {
      return null
    }
  }
  return null
}

/** The language of a plain page: the cookie, then `Accept-Language`, then English. */
export function plainPageLanguage(headers: {
  cookie?: string | null
  acceptLanguage?: string | null
}): Language {
  return (
    languageFromCookie(headers.cookie) ??
    parseAcceptLanguage(headers.acceptLanguage) ??
    DEFAULT_LANGUAGE
  )
}
