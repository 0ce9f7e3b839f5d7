import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { SlaForm } from '~/components/escalation/sla-form'
import { getLanguage, getT } from '~/i18n/i18n.server'
import { localizeCategory } from '~/modules/categories/localize'
import { timeZones } from '~/modules/escalation/business-time'
import { listSla, saveSla } from '~/modules/escalation/sla.server'
import { WEEKDAYS } from '~/modules/escalation/validation'
import { readForm } from '~/utils/form.server'
import { invalid, notFound } from '~/utils/http.server'
import { requireAllowed } from '~/utils/session.server'
import adminStyles from '~/styles/admin.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: adminStyles }]
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

const FIELDS = [
  'targetHours',
  'targetMinutes',
  'level2Hours',
  'level2Minutes',
  'clock',
  'timeZone',
  'holidays',
  ...WEEKDAYS.flatMap((d) => [`open-${d}`, `close-${d}`, `closed-${d}`]),
] as const

async function categoryOf(request: Request, param: string | undefined) {
  const user = await requireAllowed(request, 'sla.settings')
  if (!param || !/^\d{1,10}$/.test(param)) notFound()
  const category = listSla().find((c) => c.id === Number(param))
  if (!category) notFound()
  return { user, category }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { category } = await categoryOf(request, params.categoryId)
  const language = await getLanguage(request)
  const name = localizeCategory(category, language).name
  return json({
    title: `${(await getT(request))('escalation.sla.editHeading', { category: name })} · Tanya`,
    name,
    sla: category.sla,
    zones: timeZones(),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, category } = await categoryOf(request, params.categoryId)
  const form = await readForm(request)
  const values: Record<string, string> = {}
  for (const name of FIELDS) {
    const v = form.get(name)
    values[name] = typeof v === 'string' ? v : ''
  }
  const result = saveSla(user, category.id, values)
  if (!result.ok) return invalid(result.fieldErrors, values)
  return redirect(`/admin/sla?saved=${category.id}`)
}

export default function EditSla() {
  const { name, sla, zones } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  return (
    <SlaForm
      name={name}
      sla={sla}
      zones={zones}
      typed={data?.values}
      fieldErrors={data?.fieldErrors}
    />
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
