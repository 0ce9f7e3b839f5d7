import type { LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { can } from '~/modules/policy/policy'
import { forbidden } from '~/utils/http.server'
import { requireUser } from '~/utils/session.server'

/** The settings start at the profile. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  if (!can(user, 'account.settings', null)) forbidden()
  return redirect('/settings/profile')
}
