/**
 * A `?lng=` link (what the `hreflang` alternates and shared links point to) is kept: the answer
 * sets the same cookie the language switcher sets, so the next click stays in that language.
 * The account's setting is never changed by a link; for someone signed in whose account has a
 * language, that setting still comes before the cookie on every page without `?lng=`.
 *
 * The cookie follows from the address alone, so it says nothing about the visitor: the page
 * cache may keep the page (not the cookie) under its address, and this middleware, which runs
 * before the cache, sets the cookie again on every answer, from the cache or not.
 */
import type { NextFunction, Request, Response } from 'express'
import { ADDRESS_COOKIE } from '../utils/page-cache.server'
import { isLanguage } from './config'
import { languageCookieHeader } from './i18n.server'
import { languageFromCookie } from './negotiate.server'

export function keepLinkedLanguage(req: Request, res: Response, next: NextFunction) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return next()
  const lng = req.query.lng
  // Already kept: nothing to set.
  if (!isLanguage(lng) || languageFromCookie(req.headers.cookie) === lng) return next()
  languageCookieHeader(lng).then((cookie) => {
    res.append('Set-Cookie', cookie)
    res.locals[ADDRESS_COOKIE] = cookie
    next()
  }, next)
}
