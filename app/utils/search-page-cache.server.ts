/**
 * The search page in the page cache (page-cache.server.ts): every search it answers from
 * memory is still logged, as the page's loader would have logged it, with the result count the
 * page was stored with.
 */
import { getLanguage } from '../i18n/i18n.server'
import { logSearch } from '../modules/search/search.server'
import { parseSearchParams } from '../modules/search/validation'
import type { CachedRoute } from './page-cache.server'

/** The search page's header naming how many results a search found (cached pages keep it). */
export const RESULT_COUNT_HEADER = 'x-result-count'

export const searchPageRoute: CachedRoute = {
  path: '/search',
  keepHeaders: [RESULT_COUNT_HEADER],
  // The page is in its reader's language: for a visitor without cookies, the one `?lng=` (in the
  // address already) or `Accept-Language` asks for, found as the page itself will find it.
  variant: async (req) => {
    const headers = new Headers()
    const accepted = req.get('accept-language')
    if (accepted) headers.set('Accept-Language', accepted)
    return getLanguage(
      new Request(new URL(req.originalUrl, 'http://page-cache.invalid'), { headers }),
    )
  },
  onHit: (req, stored) => {
    const found = stored[RESULT_COUNT_HEADER]
    if (found === undefined) return
    const params = parseSearchParams(new URL(req.originalUrl, 'http://localhost').searchParams)
    logSearch({
      userId: null,
      query: params.q,
      page: params.page,
      resultCount: Number(found),
      userAgent: req.get('user-agent'),
    })
  },
}
