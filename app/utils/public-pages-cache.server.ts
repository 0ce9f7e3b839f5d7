/**
 * The public pages signed-out readers open most, in the page cache (page-cache.server.ts): the
 * home page, the question list, tags, the knowledge base, profiles and question pages. Each is
 * in its reader's language, and a question or article page served from memory still counts its
 * view, as the page's loader would have.
 *
 * A question page goes as soon as its thread changes. The pages that list threads may be served
 * for up to LISTS_LAG_MS after one changed: a new answer shows on its thread at once and in the
 * lists and counts within seconds, while the lists, asked for far more often than anything is
 * written, are rendered once per lag instead of once per write.
 */
import type { Request } from 'express'
import { isbot } from 'isbot'
import { getLanguage } from '../i18n/i18n.server'
import { recordPublishedArticleView } from '../modules/kb/kb.server'
import { recordView } from '../modules/questions/questions.server'
import type { CachedRoute } from './page-cache.server'

export const LISTS_LAG_MS = 10_000

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
/** An article's page; the KB's own pages (new, review, candidates) are for staff. */
const ARTICLE_PAGE = /^\/kb\/(?!(?:new|review|candidates)$)([a-z0-9]+(?:-[a-z0-9]+)*)$/
const PROFILE_PAGE = /^\/users\/[a-z0-9_]{3,20}$/

/** Who is reading, for counting a view once an hour per address and browser, never a crawler. */
function reader(req: Request) {
  const agent = req.get('user-agent') ?? ''
  if (isbot(agent)) return null
  return `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}:${agent.slice(0, 80)}`
}

const list = (path: string | RegExp): CachedRoute => ({
  path,
  variant: languageVariant,
  listsLagMs: LISTS_LAG_MS,
})

export const publicPageRoutes: CachedRoute[] = [
  list('/'),
  list('/questions'),
  list('/tags'),
  list('/kb'),
  list(PROFILE_PAGE),
  {
    ...list(ARTICLE_PAGE),
    onHit: (req) => {
      const viewer = reader(req)
      const slug = ARTICLE_PAGE.exec(req.path)?.[1]
      if (viewer && slug) recordPublishedArticleView(slug, viewer)
    },
  },
  {
    path: QUESTION_PAGE,
    variant: languageVariant,
    thread: (req) => Number(QUESTION_PAGE.exec(req.path)?.[1]) || null,
    onHit: (req) => {
      const viewer = reader(req)
      const id = Number(QUESTION_PAGE.exec(req.path)?.[1])
      if (viewer && id) recordView(id, viewer)
    },
  },
]
