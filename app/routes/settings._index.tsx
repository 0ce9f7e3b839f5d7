import type { LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { requireAllowed } from '~/utils/session.server'

/** The settings start at the profile. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAllowed(request, 'account.settings')
  return redirect('/settings/profile')
}
