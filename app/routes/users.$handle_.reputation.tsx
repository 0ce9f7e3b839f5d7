import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ReputationPage } from '~/components/trust/reputation-page'
import { getT } from '~/i18n/i18n.server'
import { msg } from '~/i18n/message'
import { getUser } from '~/modules/auth/auth.server'
import { HANDLE_PATTERN } from '~/modules/auth/validation'
import { can } from '~/modules/policy/policy'
import { getReputationPage } from '~/modules/users/reputation.server'
import { notFound } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

/** Public, like the profile: what earned and cost the person reputation, newest first. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const handle = (params.handle ?? '').toLowerCase()
  if (!HANDLE_PATTERN.test(handle)) notFound(msg('community.profile.notFound'))
  const viewer = await getUser(request)
  const pageParam = Number(new URL(request.url).searchParams.get('page') ?? '1')
  const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1
  const found = getReputationPage(handle, viewer, page)
  if (!found) notFound(msg('community.profile.notFound'))
  const t = await getT(request)
  return json({
    title: t('trust.reputation.title', { name: found.person.displayName }),
    reputation: found,
    // links to posts are checked one by one with the visibility rule; this only says whether
    // the viewer could open a thread at all (a signed-out visitor can)
    canView: can(viewer, 'question.view', { authorId: found.person.id }),
  })
}

export default function Reputation() {
  return <ReputationPage />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
