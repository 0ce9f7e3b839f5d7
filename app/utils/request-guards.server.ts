import type { NextFunction, Request, Response } from 'express'
import type { MessageKey } from '../i18n/keys'
import type { MessageValues } from '../i18n/message'
import { plainPageLanguage } from '../i18n/negotiate.server'
import { translatorFor } from '../i18n/translator.server'
import { BODY_MAX } from '../modules/questions/validation'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
/** Every method a page or form of ours uses; anything else is answered 405 before routing. */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'OPTIONS'] as const
const ALLOW = ALLOWED_METHODS.join(', ')

/** Largest request body we read; a 30 000-character post in any script fits well inside. */
export const MAX_BODY_BYTES = 512 * 1024

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c])

/**
 * A page that needs nothing else from the app: for requests refused before any route runs. It
 * is written in the visitor's language (the switcher's cookie, else the browser's), as the
 * pages behind it would be.
 */
export function plainPage(
  req: Request,
  res: Response,
  status: number,
  title: MessageKey,
  text: MessageKey,
  values: MessageValues = {},
) {
  const language = plainPageLanguage({
    cookie: req.get('cookie'),
    acceptLanguage: req.get('accept-language'),
  })
  const t = translatorFor(language)
  const heading = escapeHtml(t(title))
  res
    .status(status)
    .type('html')
    .set('Content-Language', language)
    .send(
      `<!doctype html><html lang="${language}"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${heading} · Tanya</title><link rel="stylesheet" href="/fallback.css"><main class="plain"><h1>${heading}</h1><p>${escapeHtml(t(text, values))}</p><p><a href="/">${escapeHtml(t('errors.plain.back'))}</a></p></main></html>`,
    )
}

/**
 * Cross-site request forgery stops here for every route: a state-changing request must come
 * from our own pages, at the site's origin (BASE_URL). Browsers send Sec-Fetch-Site and Origin
 * on every non-GET request; a request with neither is not from a browser page and is refused
 * as well. The Host header is not consulted: behind a proxy it names the proxy's upstream, and
 * Remix receives every request addressed to the site's origin (see remix-handler.server.ts).
 */
export function checkOrigin(siteOrigin: string, exempt: (req: Request) => boolean = () => false) {
  const warned = new Set<string>()
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next()
    // The one exception the caller names (a mail client's one-click unsubscribe, RFC 8058):
    // it can carry no Origin, and what it may do is bounded by what it carries.
    if (exempt(req)) return next()
    const site = req.get('sec-fetch-site')
    const origin = req.get('origin')
    const allowed = origin !== undefined && origin === siteOrigin
    const sameSite = site === undefined || site === 'same-origin'
    if (
      (origin !== undefined && !allowed) ||
      !sameSite ||
      (origin === undefined && site === undefined)
    ) {
      // A form from our own pages under another name (the bare IP, another host name) means
      // BASE_URL does not say where people reach the site; say so once per name in the log.
      if (origin !== undefined && origin === `${req.protocol}://${req.get('host')}`) {
        if (!warned.has(origin) && warned.size < 20) {
          warned.add(origin)
          console.warn(
            `Refused a form posted from ${origin}: BASE_URL is ${siteOrigin}. Set BASE_URL to the address people use.`,
          )
        }
      }
      return plainPage(req, res, 403, 'errors.plain.forgedTitle', 'errors.plain.forgedText')
    }
    next()
  }
}

/**
 * The request line, before anything else reads it:
 * - methods no page of ours uses get 405 instead of reaching the router;
 * - `OPTIONS *` (and OPTIONS on any page) is answered with the methods we take;
 * - an absolute-form target (`GET http://host/path`, normally sent only to proxies) is served
 *   when it names the site (BASE_URL's host, whatever the Host header says) and refused
 *   otherwise; what follows sees an ordinary path either way.
 */
export function checkRequestLine(site: URL) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!(ALLOWED_METHODS as readonly string[]).includes(req.method)) {
      res.set('Allow', ALLOW)
      return plainPage(req, res, 405, 'errors.plain.methodTitle', 'errors.plain.methodText', {
        methods: ALLOW,
      })
    }
    if (req.url === '*') {
      if (req.method !== 'OPTIONS')
        return plainPage(req, res, 400, 'errors.plain.badRequestTitle', 'errors.plain.notAPage')
      return res.set('Allow', ALLOW).status(204).end()
    }
    if (!req.url.startsWith('/')) {
      let target: URL | null = null
      try {
        target = new URL(req.url)
      } catch {
        // Neither a path nor an absolute URL.
      }
      const ours =
        target !== null &&
        (target.protocol === 'http:' || target.protocol === 'https:') &&
        target.host === site.host
      if (!target || !ours)
        return plainPage(req, res, 400, 'errors.plain.badRequestTitle', 'errors.plain.notAProxy')
      req.url = req.originalUrl = `${target.pathname}${target.search}`
    }
    // No route of ours answers OPTIONS with anything but the methods it takes; no CORS.
    if (req.method === 'OPTIONS') return res.set('Allow', ALLOW).status(204).end()
    next()
  }
}

/**
 * Drops cookies whose name or value is not valid percent-encoding (`_ga=100%`, set by another
 * app on the same domain): the session library decodes every cookie in the header and throws
 * on the first bad one, which would turn every page into an error for that browser. The pairs
 * that remain are rejoined with "; ", the one separator every cookie parser splits on.
 */
export function dropUndecodableCookies(req: Request, _res: Response, next: NextFunction) {
  const header = req.headers.cookie
  if (header !== undefined) {
    const kept = header
      .split(';')
      .map((pair) => pair.trim())
      .filter((pair) => pair !== '' && decodes(pair))
    if (kept.length > 0) req.headers.cookie = kept.join('; ')
    else delete req.headers.cookie
  }
  next()
}

function decodes(text: string) {
  try {
    decodeURIComponent(text)
    return true
  } catch {
    return false
  }
}

/**
 * The 4xx status an error passed to Express carries (a malformed %-escape in the path is a
 * 400 from Express's router), or null for a real failure of ours.
 */
export function clientErrorStatus(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown }
  const code = typeof status === 'number' ? status : statusCode
  return typeof code === 'number' && code >= 400 && code < 500 ? code : null
}

/** Refuses bodies over the limit before anything reads them. */
export function limitBodySize(maxBytes = MAX_BODY_BYTES) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next()
    const length = req.get('content-length')
    if (length === undefined) {
      // Without a length we could only find out by reading; browsers always send one.
      if (req.get('transfer-encoding') === undefined) return next()
      return plainPage(req, res, 411, 'errors.plain.lengthTitle', 'errors.plain.lengthText')
    }
    if (Number(length) > maxBytes)
      return plainPage(req, res, 413, 'errors.plain.tooLargeTitle', 'errors.plain.tooLargeText', {
        size: Math.round(maxBytes / 1024),
        characters: BODY_MAX,
      })
    next()
  }
}
