import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { UserList } from '~/components/accounts/user-list'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getT } from '~/i18n/i18n.server'
import { listUsers } from '~/modules/accounts/admin-users.server'
import { userFiltersSchema } from '~/modules/accounts/validation'
import accountStyles from '~/styles/accounts.css'
import { requireAllowed } from '~/utils/session.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: accountStyles }]
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAllowed(request, 'user.manage')
  const params = new URL(request.url).searchParams
  const filters = userFiltersSchema.parse({
    q: params.get('q') ?? '',
    role: params.get('role') ?? undefined,
    page: params.get('page') ?? 1,
  })
  return json({
    title: (await getT(request))('accounts.users.meta'),
    filters: { q: filters.q, role: filters.role },
    result: listUsers(user, filters),
  })
}

export default function AdminUsers() {
  const { filters, result } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <div>
      <h1>{t('accounts.users.title')}</h1>
      <p className="lead">{t('accounts.users.lead')}</p>
      <UserList filters={filters} result={result} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
