import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getT } from '~/i18n/i18n.server'
import { can, type Action } from '~/modules/policy/policy'
import { forbidden } from '~/utils/http.server'
import { requireUser } from '~/utils/session.server'
import mailStyles from '~/styles/mail.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: mailStyles }]
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

/** The tools, each behind the policy action that opens it. */
const TOOLS = [
  { key: 'desk', href: '/desk', action: 'desk.view' },
  { key: 'dashboard', href: '/dashboard', action: 'dashboard.view' },
  { key: 'outbox', href: '/admin/outbox', action: 'outbox.view' },
  { key: 'sla', href: '/admin/sla', action: 'sla.settings' },
  { key: 'rota', href: '/admin/rota', action: 'rota.manage' },
  { key: 'search', href: '/settings/search', action: 'search.settings' },
  { key: 'spam', href: '/settings/spam', action: 'spam.settings' },
  { key: 'review', href: '/review', action: 'review.view' },
  { key: 'audit', href: '/audit', action: 'audit.view' },
  { key: 'users', href: '/admin/users', action: 'user.manage' },
  { key: 'templates', href: '/templates', action: 'template.manage' },
] as const satisfies readonly { key: string; href: string; action: Action }[]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const tools = TOOLS.filter((tool) => can(user, tool.action, null)).map(({ key, href }) => ({
    key,
    href,
  }))
  if (tools.length === 0) forbidden()
  return json({ title: (await getT(request))('mail.admin.meta'), tools })
}

export default function AdminIndex() {
  const { tools } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <div>
      <h1>{t('mail.admin.title')}</h1>
      <p className="lead">{t('mail.admin.lead')}</p>
      <ul className="admin-tools">
        {tools.map((tool) => (
          <li key={tool.key}>
            <Link to={tool.href}>{t(`mail.admin.${tool.key}`)}</Link>
            <p className="muted">{t(`mail.admin.${tool.key}Hint`)}</p>
          </li>
        ))}
      </ul>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
