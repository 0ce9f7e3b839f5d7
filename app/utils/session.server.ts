/** Route guards around the auth module: what a loader or action does when nobody is signed in. */
import { redirect } from '@remix-run/node'
import { getUser, type SessionUser } from '../modules/auth/auth.server'

/** The signed-in user, or a redirect to the log-in page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request)
  if (!user) {
    const url = new URL(request.url)
    const back = `${url.pathname}${url.search}`
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`)
  }
  return user
}
