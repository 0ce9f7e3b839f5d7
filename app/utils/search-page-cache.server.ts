/**
 * The search page in the page cache (page-cache.server.ts): every search it answers from
 * memory is still logged, as the page's loader would have logged it, with the result count the
 * page was stored with. Results list threads: like the other lists, a signed-out searcher may
 * see them up to LISTS_LAG_MS behind a change (a new post is in the index at once, and anyone
 * signed in, its author included, searches it at once).
 */
import { logSearch } from '../modules/search/search.server'
import { parseSearchParams } from '../modules/search/validation'
import type { CachedRoute } from './page-cache.server'
import { languageVariant, LISTS_LAG_MS } from './public-pages-cache.server'

/** The search page's header naming how many results a search found (cached pages keep it). */
export const RESULT_COUNT_HEADER = 'x-result-count'

export const searchPageRoute: CachedRoute = {
  path: '/search',
  keepHeaders: [RESULT_COUNT_HEADER],
  variant: languageVariant,
  listsLagMs: LISTS_LAG_MS,
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

/**
 * The header's suggestions while typing (/search/suggest): the same few prefixes come from
 * every signed-out visitor, and one from memory costs no search. Lists' lag applies, as above;
 * a removal drops every entry at once (the page cache's content version).
 */
export const quickSuggestRoute: CachedRoute = {
  path: '/search/suggest',
  keepHeaders: ['cache-control'],
  variant: languageVariant,
  listsLagMs: LISTS_LAG_MS,
}
