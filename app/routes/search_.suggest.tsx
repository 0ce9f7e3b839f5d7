import type { LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { getLanguage, getT } from '~/i18n/i18n.server'
import { getUser } from '~/modules/auth/auth.server'
import { can } from '~/modules/policy/policy'
import { suggestWhileTyping } from '~/modules/search/search.server'
import { QUICK_QUERY_MAX, quickParamsSchema } from '~/modules/search/validation'
import { forbidden } from '~/utils/http.server'

/**
 * GET JSON for the header's search box while a person types: a few articles and threads, titles
 * marked. Public like search itself; both engines hold only what the visibility rule lists. One
 * `q` of at most the box's length; anything else is a 400 with a message, never a search.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  if (!can(user, 'search.use', null)) forbidden()
  const queries = new URL(request.url).searchParams.getAll('q')
  // A refusal is JSON with its words already in the caller's language: no page translates it.
  if (queries.length > 1) return refuse((await getT(request))('search.quick.oneQuery'))
  const parsed = quickParamsSchema.safeParse({ q: queries[0] ?? '' })
  if (!parsed.success)
    return refuse((await getT(request))('search.quick.tooLong', { max: QUICK_QUERY_MAX }))
  const suggestions = await suggestWhileTyping(parsed.data.q, {
    language: await getLanguage(request),
  })
  // Backspacing over what was just typed asks again: seconds of staleness, as lists have.
  return json(suggestions, { headers: { 'Cache-Control': 'private, max-age=10' } })
}

function refuse(error: string) {
  return json({ error }, { status: 400, headers: { 'Cache-Control': 'no-store' } })
}
