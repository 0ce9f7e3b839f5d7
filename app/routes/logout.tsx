import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { getUser, logOut, logOutEverywhere } from '~/modules/auth/auth.server'
import { readForm } from '~/utils/form.server'

// Logging out changes state, so it is a POST from the header's form; a GET just goes home.
export async function loader() {
  return redirect('/')
}

// The values of the form's `intent` field this action takes (the forged-request test posts each).
export const intents = ['logout', 'everywhere']

export async function action({ request }: ActionFunctionArgs) {
  // A bare POST (no form at all) is still a plain log-out: there is nothing to protect.
  const form = await readForm(request).catch(() => null)
  const user = await getUser(request)
  if (form?.get('intent') === 'everywhere' && user) {
    // Every session of the account ends, a stolen one too: the person signs in again.
    const { setCookie, ended } = logOutEverywhere(user)
    return redirect(`/login?signedOut=${ended}`, { headers: { 'Set-Cookie': setCookie } })
  }
  return redirect('/', { headers: { 'Set-Cookie': await logOut(request) } })
}
