import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { z } from 'zod'
import { getT } from '~/i18n/i18n.server'
import { msg } from '~/i18n/message'
import { follow, unfollow } from '~/modules/notifications/follows.server'
import { readForm } from '~/utils/form.server'
import { safeRedirect } from '~/utils/http.server'
import { requireAllowed } from '~/utils/session.server'

// Only the follow buttons' forms post here; the address itself is no page.
export async function loader({ request }: LoaderFunctionArgs) {
  throw new Response((await getT(request))('errors.notFound.page'), { status: 404 })
}

const schema = z.object({
  intent: z.enum(['follow', 'unfollow']),
  targetType: z.enum(['question', 'tag', 'category']),
  targetId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  returnTo: z.string().max(2000).optional(),
})
// The values of the form's `intent` field this action takes (the forged-request test posts each).
export const intents = schema.shape.intent.options

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAllowed(request, 'account.notifications')
  const parsed = schema.safeParse(Object.fromEntries(await readForm(request)))
  if (!parsed.success) throw new Response(msg('errors.unknownAction'), { status: 400 })
  const { intent, targetType, targetId, returnTo } = parsed.data
  const ref = { type: targetType, id: targetId }
  if (intent === 'follow') follow(user, ref)
  else unfollow(user, ref)
  return redirect(safeRedirect(returnTo, '/settings/notifications'))
}
