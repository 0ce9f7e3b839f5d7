import type { LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { getLanguage } from '~/i18n/i18n.server'
import { getUser } from '~/modules/auth/auth.server'
import { logSuggestionsShown, suggestForAsk } from '~/modules/search/search.server'
import { suggestParamsSchema } from '~/modules/search/validation'

/**
 * GET JSON for the ask form's live suggestions. Public like search itself; the shown
 * suggestions are logged against the ask visit only when it belongs to the caller.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  const url = new URL(request.url)
  const params = suggestParamsSchema.parse({
    title: url.searchParams.get('title') ?? '',
    body: url.searchParams.get('body') ?? '',
    visit: url.searchParams.get('visit') ?? undefined,
  })
  const suggestions = await suggestForAsk(params.title, params.body, {
    language: await getLanguage(request),
  })
  logSuggestionsShown(params.visit, params.title, suggestions, user?.id ?? null)
  return json({ suggestions }, { headers: { 'Cache-Control': 'private, no-store' } })
}
