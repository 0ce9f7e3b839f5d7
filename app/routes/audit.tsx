import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AuditFilters, AuditList, AuditPager } from '~/components/audit/audit-log'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getT } from '~/i18n/i18n.server'
import { listAuditLog } from '~/modules/audit/audit.server'
import { parseAuditFilters } from '~/modules/audit/validation'
import { can } from '~/modules/policy/policy'
import { Forbidden } from '~/utils/domain-errors'
import { requireUser } from '~/utils/session.server'
import auditStyles from '~/styles/audit.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: auditStyles }]
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

const FORM_FIELDS = ['actor', 'kind', 'user', 'question', 'from', 'to'] as const

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  if (!can(user, 'audit.view', null)) throw new Forbidden('audit.view')
  const url = new URL(request.url)
  const { filters, rejected } = parseAuditFilters(url.searchParams)
  const t = await getT(request)
  const log = listAuditLog(user, filters)
  const errors: Record<string, string> = {}
  for (const name of rejected) errors[name] = t('audit.page.rejected')
  for (const name of log.unknownPeople) errors[name] = t('audit.page.unknownPerson')
  // what the person typed goes back into the form, understood or not
  const values = Object.fromEntries(
    FORM_FIELDS.map((name) => [name, (url.searchParams.get(name) ?? '').slice(0, 40)]),
  )
  return json({
    title: t('audit.page.meta'),
    values,
    errors,
    filtered: FORM_FIELDS.some((name) => values[name]),
    first: !filters.cursor,
    query: url.searchParams.toString(),
    log,
  })
}

export default function AuditPage() {
  const { values, errors, filtered, first, query, log } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <div>
      <h1>{t('audit.page.heading')}</h1>
      <p className="lead">{t('audit.page.lead')}</p>
      <AuditFilters values={values} errors={errors} />
      {log.entries.length === 0 ? (
        <p className="empty-state" role="status">
          {filtered ? t('audit.page.emptyFiltered') : t('audit.page.empty')}
        </p>
      ) : (
        <AuditList entries={log.entries} />
      )}
      <AuditPager next={log.next} query={query} first={first} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
