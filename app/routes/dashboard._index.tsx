import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DashboardBody, DashboardFilters } from '~/components/dashboard/dashboard-page'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { formatDate, useIntlLocale } from '~/components/time'
import { getLanguage, getT } from '~/i18n/i18n.server'
import { listCategories } from '~/modules/categories/categories.server'
import { getDashboard } from '~/modules/metrics/dashboard.server'
import { filtersSchema } from '~/modules/metrics/validation'
import { can } from '~/modules/policy/policy'
import { requireAllowed } from '~/utils/session.server'
import dashboardStyles from '~/styles/dashboard.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: dashboardStyles }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAllowed(request, 'dashboard.view')
  const input = filtersSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const { filters, dashboard } = getDashboard(user, input)
  return json({
    title: (await getT(request))('dashboard.page.meta'),
    filters,
    dashboard,
    categories: listCategories(await getLanguage(request)),
    // A handle typed that matches nobody is said, not silently ignored.
    unknownPerson: Boolean(input.person) && filters.person === null,
    canEditSettings: can(user, 'dashboard.settings', null),
  })
}

export default function DashboardRoute() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const locale = useIntlLocale()
  const { filters } = data
  // The range's days as the reader writes dates (the form's fields keep the ISO ones).
  const from = formatDate(new Date(filters.fromDate), locale, 'long')
  const to = formatDate(new Date(filters.toDate), locale, 'long')
  return (
    <div className="dashboard">
      <div className="page-heading">
        <div>
          <h1>{t('dashboard.page.title')}</h1>
          <p className="lead">
            {filters.person
              ? t('dashboard.page.leadPerson', {
                  name: filters.person.displayName,
                  from,
                  to,
                })
              : t('dashboard.page.lead', { from, to })}
          </p>
        </div>
        {data.canEditSettings ? (
          <Link to="/dashboard/settings" className="button button-secondary button-small">
            {t('dashboard.settings.link')}
          </Link>
        ) : null}
      </div>
      <DashboardFilters filters={filters} categories={data.categories} />
      {data.unknownPerson ? (
        <p className="notice notice-warning" role="status">
          {t('dashboard.filters.unknownPerson')}
        </p>
      ) : null}
      <DashboardBody data={data} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
