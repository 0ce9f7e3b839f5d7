import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { RotaView } from '~/components/escalation/rota-page'
import { getT } from '~/i18n/i18n.server'
import { msg } from '~/i18n/message'
import { timeZones } from '~/modules/escalation/business-time'
import {
  addOverride,
  currentOverrides,
  getRota,
  listStaff,
  onCallNow,
  removeOverride,
  rotaZone,
  saveRota,
  upcomingTurns,
} from '~/modules/escalation/rota.server'
import { now } from '~/utils/clock.server'
import { isDomainError, type Invalid } from '~/utils/domain-errors'
import { readForm } from '~/utils/form.server'
import { invalid } from '~/utils/http.server'
import { requireAllowed } from '~/utils/session.server'
import adminStyles from '~/styles/admin.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: adminStyles }]
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

const guard = (request: Request) => requireAllowed(request, 'rota.manage')

const NEW_ROTA = {
  memberIds: [] as number[],
  timeZone: 'Asia/Jakarta',
  handoffWeekday: 1,
  handoffTime: '09:00',
  rotationDays: 7,
  startsOn: '',
}

export async function loader({ request }: LoaderFunctionArgs) {
  await guard(request)
  const at = now()
  const staff = listStaff()
  const names = new Map(staff.map((s) => [s.userId, s.displayName]))
  return json({
    title: (await getT(request))('escalation.rota.title'),
    onCall: onCallNow(at),
    turns: upcomingTurns(6, at),
    rota: getRota() ?? { ...NEW_ROTA, startsOn: at.toISOString().slice(0, 10) },
    zone: rotaZone(),
    zones: timeZones(),
    staff,
    overrides: currentOverrides(undefined, at).map((o) => ({
      ...o,
      name: names.get(o.userId) ?? '?',
    })),
  })
}

const intentSchema = z.enum(['save-rota', 'add-override', 'remove-override'])
export const intents = intentSchema.options

const str = (form: FormData, name: string) => {
  const v = form.get(name)
  return typeof v === 'string' ? v : ''
}

/** Domain validation failures come back to the form with what was typed; other errors go on. */
function backToForm(error: unknown, values: Record<string, string>, intent: string) {
  if (isDomainError(error) && error.kind === 'invalid')
    return invalid((error as Invalid).fieldErrors, { ...values, intent })
  throw error
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await guard(request)
  const form = await readForm(request)
  const intent = intentSchema.safeParse(form.get('intent'))
  if (!intent.success) throw new Response(msg('errors.unknownAction'), { status: 400 })

  if (intent.data === 'save-rota') {
    const values: Record<string, string> = {}
    for (const name of ['timeZone', 'handoffWeekday', 'handoffTime', 'rotationDays', 'startsOn'])
      values[name] = str(form, name)
    const chosen: { id: number; position: number }[] = []
    for (const s of listStaff()) {
      values[`member-${s.userId}`] = str(form, `member-${s.userId}`)
      values[`position-${s.userId}`] = str(form, `position-${s.userId}`)
      if (!values[`member-${s.userId}`]) continue
      const position = Number(values[`position-${s.userId}`])
      chosen.push({ id: s.userId, position: Number.isFinite(position) ? position : 999 })
    }
    chosen.sort((a, b) => a.position - b.position)
    try {
      saveRota(user, { ...values, memberIds: chosen.map((c) => c.id) })
    } catch (error) {
      return backToForm(error, values, intent.data)
    }
    return redirect('/admin/rota?saved=rota')
  }

  if (intent.data === 'add-override') {
    const values = {
      userId: str(form, 'userId'),
      startsAt: str(form, 'startsAt'),
      endsAt: str(form, 'endsAt'),
      reason: str(form, 'reason'),
    }
    try {
      addOverride(user, values)
    } catch (error) {
      return backToForm(error, values, intent.data)
    }
    return redirect('/admin/rota?saved=override')
  }

  const id = Number(str(form, 'overrideId'))
  if (!Number.isInteger(id) || id < 1)
    throw new Response(msg('errors.notFound.page'), { status: 404 })
  removeOverride(user, id)
  return redirect('/admin/rota?saved=removed')
}

export default function RotaPage() {
  return <RotaView />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
