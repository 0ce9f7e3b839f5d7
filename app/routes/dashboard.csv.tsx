import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { getT } from '~/i18n/i18n.server'
import { msg } from '~/i18n/message'
import { dashboardCsv } from '~/modules/metrics/csv.server'
import { getDashboard } from '~/modules/metrics/dashboard.server'
import { filtersSchema, TABLES } from '~/modules/metrics/validation'
import { requireAllowed } from '~/utils/session.server'

/** One dashboard table as a CSV file, for the same filters as the page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAllowed(request, 'dashboard.view')
  const params = Object.fromEntries(new URL(request.url).searchParams)
  const table = z.enum(TABLES).safeParse(params.table)
  if (!table.success) throw new Response(msg('dashboard.csv.unknownTable'), { status: 400 })
  const { filters, dashboard } = getDashboard(user, filtersSchema.parse(params))
  const body = dashboardCsv(dashboard, table.data, await getT(request))
  const name = `tanya-${table.data}-${filters.fromDate}-${filters.toDate}.csv`
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
