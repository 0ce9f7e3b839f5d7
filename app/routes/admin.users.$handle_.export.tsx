import type { LoaderFunctionArgs } from '@remix-run/node'
import { msg } from '~/i18n/message'
import { exportUserData } from '~/modules/accounts/admin-users.server'
import { HANDLE_PATTERN } from '~/modules/auth/validation'
import { notFound } from '~/utils/http.server'
import { requireAllowed } from '~/utils/session.server'

/** A person's data as a JSON download (recorded as `user.data_exported`). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireAllowed(request, 'user.manage')
  const handle = (params.handle ?? '').toLowerCase()
  if (!HANDLE_PATTERN.test(handle)) notFound(msg('community.profile.notFound'))
  const { document } = exportUserData(user, handle)
  return new Response(JSON.stringify(document, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="tanya-${handle}.json"`,
      'Cache-Control': 'no-store',
    },
  })
}
