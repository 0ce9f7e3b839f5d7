/**
 * The public pages signed-out readers open most, in the page cache (page-cache.server.ts): the
 * home page, the question list, tags, the knowledge base's home and question pages. Each is in
 * its reader's language, and a question page served from memory still counts its view, as the
 * page's loader would have.
 */
import type { Request } from 'express'
import { isbot } from 'isbot'
import { getLanguage } from '../i18n/i18n.server'
import { recordView } from '../modules/questions/questions.server'
import type { CachedRoute } from './page-cache.server'

/**
 * A visitor without cookies reads the page in the language `?lng=` (in the address already) or
 * `Accept-Language` asks for, found as the page itself will find it.
 */
export async function languageVariant(req: Request): Promise<string> {
  const headers = new Headers()
  const accepted = req.get('accept-language')
  if (accepted) headers.set('Accept-Language', accepted)
  return getLanguage(
    new Request(new URL(req.originalUrl, 'http://page-cache.invalid'), { headers }),
  )
}

/** A question page's address, slug included (any other form redirects, and is not stored). */
const QUESTION_PAGE = /^\/questions\/(\d{1,15})\/[^/]+$/

export const publicPageRoutes: CachedRoute[] = [
  { path: '/', variant: languageVariant },
  { path: '/questions', variant: languageVariant },
  { path: '/tags', variant: languageVariant },
  { path: '/kb', variant: languageVariant },
  {
    path: QUESTION_PAGE,
    variant: languageVariant,
    // Counted as the loader counts a signed-out view: once an hour per address and browser.
    onHit: (req) => {
      const agent = req.get('user-agent') ?? ''
      const id = Number(QUESTION_PAGE.exec(req.path)?.[1])
      if (!id || isbot(agent)) return
      recordView(id, `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}:${agent.slice(0, 80)}`)
    },
  },
]
