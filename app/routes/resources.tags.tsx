import type { LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { getT } from '~/i18n/i18n.server'
import { suggestTags } from '~/modules/questions/tags.server'

/** Longer than any tag: nothing could match, so it is a mistake or a probe, and said so. */
const QUERY_MAX = 30

/**
 * GET JSON for the tag field's suggestions: existing tags starting with `q`, most used first.
 * Public, like the tags page that lists the same names and counts. One `q` of at most a tag's
 * length; anything else is a 400 with a message, never a search.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const queries = new URL(request.url).searchParams.getAll('q')
  // A refusal is JSON with its words already in the caller's language: no page translates it.
  if (queries.length > 1) return refuse((await getT(request))('search.tagLookup.onePrefix'))
  const q = queries[0] ?? ''
  if (q.length > QUERY_MAX)
    return refuse((await getT(request))('search.tagLookup.tooLong', { max: QUERY_MAX }))
  return json(
    { tags: suggestTags(q) },
    // New tags are rare; a minute of staleness saves a query per keystroke on the way back.
    { headers: { 'Cache-Control': 'public, max-age=60' } },
  )
}

function refuse(message: string) {
  return json({ error: message }, { status: 400, headers: { 'Cache-Control': 'no-store' } })
}
