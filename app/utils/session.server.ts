/** Route guards around the auth module: what a loader or action does when nobody is signed in. */
import { redirect } from '@remix-run/node'
import { getUser, type SessionUser } from '../modules/auth/auth.server'
import { can, type Action, type Checks } from '../modules/policy/policy'
import { forbidden } from './http.server'

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

/**
 * The signed-in user when the policy lets them do `action` on the site as a whole (a staff page,
 * a setting); a redirect to log in for nobody, a 403 for anyone else.
 */
export async function requireAllowed(
  request: Request,
  action: { [A in Action]: Checks[A] extends null ? A : never }[Action],
): Promise<SessionUser> {
  const user = await requireUser(request)
  if (!can(user, action, null as never)) forbidden()
  return user
}
