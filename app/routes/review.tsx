import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import type { ReviewReply } from '~/components/review/review-item'
import { REVIEW_DONE, ReviewPage } from '~/components/review/review-page'
import { getT } from '~/i18n/i18n.server'
import { msg } from '~/i18n/message'
import {
  claimItem,
  CLAIM_MINUTES,
  decideItem,
  deleteSpammer,
  listReviewQueue,
  releaseItem,
  restoreItem,
} from '~/modules/flags/review.server'
import { reviewFilterSchema, reviewIntent, type ReviewIntent } from '~/modules/flags/validation'
import { can } from '~/modules/policy/policy'
import { isDomainError, type Invalid } from '~/utils/domain-errors'
import { readForm } from '~/utils/form.server'
import { forbidden } from '~/utils/http.server'
import { requireUser } from '~/utils/session.server'
import moderationStyles from '~/styles/moderation.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: moderationStyles }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

async function guard(request: Request, action: 'review.view' | 'review.decide') {
  const user = await requireUser(request)
  if (!can(user, action, null)) forbidden()
  return user
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await guard(request, 'review.view')
  const url = new URL(request.url)
  const filters = reviewFilterSchema.parse(Object.fromEntries(url.searchParams))
  return json({
    title: (await getT(request))('flags.review.page.meta'),
    queue: listReviewQueue(user, filters),
    filters: { reason: filters.reason, kind: filters.kind },
    claimMinutes: CLAIM_MINUTES,
    // a silenced moderator reads the queue but decides nothing
    mayDecide: can(user, 'review.decide', null),
  })
}

// The values of the form's `intent` field this action takes (the forged-request test posts each).
export const intents = reviewIntent.options.map((o) => o.shape.intent.value)

function run(user: Awaited<ReturnType<typeof guard>>, input: ReviewIntent) {
  switch (input.intent) {
    case 'claim':
      return claimItem(user, input.itemId)
    case 'release':
      return releaseItem(user, input.itemId)
    case 'approve':
    case 'ignore':
      return decideItem(user, input.itemId, input.intent)
    case 'hide':
    case 'delete':
      return decideItem(user, input.itemId, input.intent, input)
    case 'spammer':
      return deleteSpammer(user, input.itemId, input.reason)
    case 'restore':
      return restoreItem(user, input.itemId, input.reason)
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await guard(request, 'review.decide')
  const form = Object.fromEntries(await readForm(request))
  const parsed = reviewIntent.safeParse(form)
  if (!parsed.success) throw new Response(msg('errors.unknownAction'), { status: 400 })
  try {
    run(user, parsed.data)
  } catch (error) {
    if (!isDomainError(error)) throw error
    // Someone else is on it or decided it: say so. A missing reason: the form back, as typed.
    if (error.kind === 'conflict')
      return json({ conflict: error.message } satisfies ReviewReply, { status: 409 })
    if (error.kind === 'invalid') {
      const values: Record<string, string> = {}
      for (const name of ['itemId', 'form', 'reason', 'note'])
        if (typeof form[name] === 'string') values[name] = String(form[name]).slice(0, 2000)
      return json({ fieldErrors: (error as Invalid).fieldErrors, values } satisfies ReviewReply, {
        status: 400,
      })
    }
    throw error
  }
  const back = new URL(request.url).searchParams
  back.set('done', parsed.data.intent)
  return redirect(`/review?${back.toString()}`)
}

export default function Review() {
  const { queue, filters, claimMinutes, mayDecide } = useLoaderData<typeof loader>()
  const reply = (useActionData() as ReviewReply | undefined) ?? {}
  const [params] = useSearchParams()
  const done = REVIEW_DONE.find((d) => d === params.get('done')) ?? null
  return (
    <ReviewPage
      queue={queue}
      filters={filters}
      done={done}
      claimMinutes={claimMinutes}
      mayDecide={mayDecide}
      reply={reply}
    />
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
