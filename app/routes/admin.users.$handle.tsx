import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { ManagedUser } from '~/components/accounts/managed-user'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getT } from '~/i18n/i18n.server'
import { msg } from '~/i18n/message'
import { getManagedUser } from '~/modules/accounts/admin-users.server'
import { roleFormSchema } from '~/modules/accounts/validation'
import { HANDLE_PATTERN } from '~/modules/auth/validation'
import { can } from '~/modules/policy/policy'
import { changeRole } from '~/modules/users/users.server'
import accountStyles from '~/styles/accounts.css'
import { readForm } from '~/utils/form.server'
import { forbidden, formValues, notFound } from '~/utils/http.server'
import { parseActionReason } from '~/modules/audit/validation'
import { requireAllowed } from '~/utils/session.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: accountStyles }]
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

async function guard(request: Request, handle: string | undefined) {
  const user = await requireAllowed(request, 'user.manage')
  const name = (handle ?? '').toLowerCase()
  if (!HANDLE_PATTERN.test(name)) notFound(msg('community.profile.notFound'))
  return { user, managed: getManagedUser(user, name) }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { managed } = await guard(request, params.handle)
  const t = await getT(request)
  return json({ title: t('accounts.user.meta', { name: managed.user.displayName }), managed })
}

// The values of the form's `intent` field this action takes (the forged-request test posts each).
export const intents = ['role'] as const

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, managed } = await guard(request, params.handle)
  const form = await readForm(request)
  if (form.get('intent') !== 'role')
    throw new Response(msg('errors.unknownAction'), { status: 400 })
  const parsed = roleFormSchema.safeParse({ role: form.get('role') })
  if (!parsed.success) return json({ roleError: msg('errors.unknownAction') }, { status: 400 })
  if (!can(user, 'user.role', managed.user)) forbidden(msg('accounts.user.ownRole'))
  const typed = formValues(form, ['reason'] as const).reason
  const why = parseActionReason(typed)
  if (!why.ok) return json({ reasonError: why.errors.reason, reason: typed }, { status: 400 })
  changeRole(user, managed.user.id, parsed.data.role, why.reason)
  return redirect(`/admin/users/${managed.user.handle}?roleChanged=1`)
}

export default function AdminUser() {
  const { managed } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>() as
    { roleError?: string; reasonError?: string; reason?: string } | undefined
  const [params] = useSearchParams()
  return (
    <ManagedUser
      managed={managed}
      roleError={data?.roleError}
      reason={data?.reason}
      reasonError={data?.reasonError}
      roleChanged={Boolean(params.get('roleChanged')) && !data}
    />
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
