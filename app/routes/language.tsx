import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { isLanguage } from '~/i18n/config'
import { languageCookieHeader } from '~/i18n/i18n.server'
import { msg } from '~/i18n/message'
import { getUser } from '~/modules/auth/auth.server'
import { setUserLanguage } from '~/modules/users/users.server'
import { readForm } from '~/utils/form.server'
import { safeRedirect } from '~/utils/http.server'

// Switching language changes state (a cookie, the account's setting): a POST from the switcher.
export async function loader() {
  return redirect('/')
}

/** Keeps the chosen language in a cookie and, for someone signed in, on their account. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request)
  const language = form.get('language')
  if (!isLanguage(language)) throw new Response(msg('errors.unknownAction'), { status: 400 })
  const user = await getUser(request)
  if (user) setUserLanguage(user, language)
  return redirect(safeRedirect(form.get('returnTo')), {
    headers: { 'Set-Cookie': await languageCookieHeader(language) },
  })
}
