import type { LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { isbot } from 'isbot'
import { getT } from '~/i18n/i18n.server'
import { getUser } from '~/modules/auth/auth.server'
import { logResultOpened, logSuggestionOpened, resolveTarget } from '~/modules/search/search.server'
import { openParamsSchema } from '~/modules/search/validation'
import { notFound } from '~/utils/http.server'

/**
 * The logged click-through from search results and ask-form suggestions. The link names its
 * target by type and id, never by URL: the redirect goes only to a public page we resolved
 * ourselves, so this cannot be an open redirect, and a hidden or unpublished target is a 404.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  const url = new URL(request.url)
  const parsed = openParamsSchema.safeParse(Object.fromEntries(url.searchParams))
  const target = parsed.success ? resolveTarget(parsed.data.type, parsed.data.id) : null
  // A resource route's 404 is sent as it is, not through a page: its words are translated here.
  if (!parsed.success || !target) notFound((await getT(request))('errors.notFound.page'))
  const { type, id, from, visit, q } = parsed.data
  // Link checkers and crawlers follow links too; only people count as opening a result.
  if (!isbot(request.headers.get('user-agent'))) {
    const userId = user?.id ?? null
    if (from === 'suggest') logSuggestionOpened(visit, type, id, userId)
    else logResultOpened({ userId, query: q ?? '', targetType: type, targetId: id })
  }
  return redirect(target, { headers: { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' } })
}
