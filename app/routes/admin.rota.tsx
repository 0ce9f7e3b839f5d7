import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormError, SelectField, TextField } from '~/components/forms'
import { ZonedTime } from '~/components/time'
import { getT } from '~/i18n/i18n.server'
import { msg } from '~/i18n/message'
import { useMessage } from '~/i18n/use-message'
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
import { OVERRIDE_REASON_MAX, WEEKDAYS } from '~/modules/escalation/validation'
import { can } from '~/modules/policy/policy'
import { now } from '~/utils/clock.server'
import { isDomainError, type Invalid } from '~/utils/domain-errors'
import { readForm } from '~/utils/form.server'
import { forbidden, invalid } from '~/utils/http.server'
import { requireUser } from '~/utils/session.server'
import adminStyles from '~/styles/admin.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: adminStyles }]
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

async function guard(request: Request) {
  const user = await requireUser(request)
  if (!can(user, 'rota.manage', null)) forbidden()
  return user
}

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
  const { onCall, turns, rota, zone, zones, staff, overrides } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const [params] = useSearchParams()
  const { t } = useTranslation()
  const message = useMessage()
  const typed = data?.values as Record<string, string> | undefined
  const rotaErrors: Partial<Record<string, string>> =
    typed?.intent === 'save-rota' ? data!.fieldErrors : {}
  const overrideErrors: Partial<Record<string, string>> =
    typed?.intent === 'add-override' ? data!.fieldErrors : {}
  const rotaValue = (name: string, stored: string | number) =>
    typed?.intent === 'save-rota' ? typed[name] : String(stored)
  const overrideValue = (name: string) => (typed?.intent === 'add-override' ? typed[name] : '')
  const saved = params.get('saved')
  const notice =
    saved === 'rota'
      ? t('escalation.rota.saved')
      : saved === 'override'
        ? t('escalation.rota.overrideAdded')
        : saved === 'removed'
          ? t('escalation.rota.overrideRemoved')
          : null
  return (
    <div className="narrow">
      <p className="muted">
        <Link to="/admin">{t('escalation.admin.breadcrumb')}</Link>
      </p>
      <h1>{t('escalation.rota.heading')}</h1>
      <p className="lead">{t('escalation.rota.intro')}</p>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}

      <section className="on-call" aria-label={t('escalation.rota.now')}>
        <div>
          <div className="label">{t('escalation.rota.now')}</div>
          {onCall.current ? (
            <>
              <div className="person">
                {onCall.current.displayName}
                {onCall.current.override ? (
                  <span className="badge">{t('escalation.rota.viaOverride')}</span>
                ) : null}
              </div>
              <div className="muted">
                {t('escalation.rota.until', { time: '' })}
                <ZonedTime value={onCall.current.until} zone={zone} />
              </div>
            </>
          ) : (
            <p>{t('escalation.rota.nobody')}</p>
          )}
        </div>
        {onCall.next ? (
          <div>
            <div className="label">{t('escalation.rota.next')}</div>
            <div className="person">{onCall.next.displayName}</div>
            <div className="muted">
              {t('escalation.rota.from', { time: '' })}
              <ZonedTime value={onCall.next.from} zone={zone} />
            </div>
          </div>
        ) : null}
      </section>

      {turns.length > 0 ? (
        <table className="data-table">
          <caption>{t('escalation.rota.upcoming')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('escalation.rota.person')}</th>
              <th scope="col">{t('escalation.rota.fromColumn')}</th>
              <th scope="col">{t('escalation.rota.untilColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {turns.map((turn) => (
              <tr key={`${turn.userId}-${turn.from}`}>
                <th scope="row">
                  {turn.person?.displayName ?? '?'}
                  {turn.overrideId ? (
                    <span className="badge">{t('escalation.rota.viaOverride')}</span>
                  ) : null}
                </th>
                <td data-label={t('escalation.rota.fromColumn')}>
                  <ZonedTime value={turn.from} zone={zone} />
                </td>
                <td data-label={t('escalation.rota.untilColumn')}>
                  <ZonedTime value={turn.until} zone={zone} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <h2>{t('escalation.rota.settings')}</h2>
      {rota.memberIds.length === 0 ? <p className="notice">{t('escalation.rota.empty')}</p> : null}
      <Form method="post" className="stack" noValidate>
        <FormError message={rotaErrors.form} />
        <fieldset className="field choice-field">
          <legend>{t('escalation.rota.members')}</legend>
          <p className="field-hint">{t('escalation.rota.membersHint')}</p>
          <div className="rota-members">
            {staff.map((s) => {
              const position = rota.memberIds.indexOf(s.userId)
              const checked =
                typed?.intent === 'save-rota'
                  ? Boolean(typed[`member-${s.userId}`])
                  : position !== -1
              return (
                <div className="member" key={s.userId}>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      name={`member-${s.userId}`}
                      defaultChecked={checked}
                      aria-label={t('escalation.rota.onRota', { name: s.displayName })}
                    />{' '}
                    {s.displayName} <span className="muted">@{s.handle}</span>
                  </label>
                  <label>
                    <span className="visually-hidden">
                      {t('escalation.rota.order', { name: s.displayName })}
                    </span>
                    <input
                      type="number"
                      min={1}
                      max={99}
                      name={`position-${s.userId}`}
                      defaultValue={rotaValue(
                        `position-${s.userId}`,
                        position === -1 ? '' : position + 1,
                      )}
                    />
                  </label>
                </div>
              )
            })}
          </div>
          {rotaErrors.memberIds ? (
            <p className="field-error" role="alert">
              {message(rotaErrors.memberIds)}
            </p>
          ) : null}
        </fieldset>
        <div className="inline-fields">
          <SelectField
            label={t('escalation.rota.handoffWeekday')}
            name="handoffWeekday"
            defaultValue={rotaValue('handoffWeekday', rota.handoffWeekday)}
            error={rotaErrors.handoffWeekday}
            options={WEEKDAYS.map((d) => ({ value: d, label: t(`escalation.weekdays.${d}`) }))}
          />
          <TextField
            label={t('escalation.rota.handoffTime')}
            name="handoffTime"
            type="time"
            defaultValue={rotaValue('handoffTime', rota.handoffTime)}
            error={rotaErrors.handoffTime}
          />
          <TextField
            label={t('escalation.rota.rotationDays')}
            name="rotationDays"
            type="number"
            min={1}
            max={28}
            defaultValue={rotaValue('rotationDays', rota.rotationDays)}
            error={rotaErrors.rotationDays}
          />
        </div>
        <div className="inline-fields">
          <SelectField
            label={t('escalation.rota.timeZone')}
            name="timeZone"
            defaultValue={rotaValue('timeZone', rota.timeZone)}
            error={rotaErrors.timeZone}
            options={zones.map((z) => ({ value: z, label: z.replaceAll('_', ' ') }))}
          />
          <TextField
            label={t('escalation.rota.startsOn')}
            name="startsOn"
            type="date"
            defaultValue={rotaValue('startsOn', rota.startsOn)}
            error={rotaErrors.startsOn}
          />
        </div>
        <div className="form-actions">
          <button type="submit" name="intent" value="save-rota" className="button">
            {t('escalation.rota.save')}
          </button>
        </div>
      </Form>

      <h2>{t('escalation.rota.overrides')}</h2>
      <p className="muted">{t('escalation.rota.overridesIntro')}</p>
      {overrides.length === 0 ? (
        <p>{t('escalation.rota.noOverrides')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('escalation.rota.person')}</th>
              <th scope="col">{t('escalation.rota.fromColumn')}</th>
              <th scope="col">{t('escalation.rota.untilColumn')}</th>
              <th scope="col">{t('escalation.rota.overrideReason')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('escalation.rota.removeOverride')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {overrides.map((o) => (
              <tr key={o.id}>
                <th scope="row">{o.name}</th>
                <td data-label={t('escalation.rota.fromColumn')}>
                  <ZonedTime value={o.startsAt} zone={zone} />
                </td>
                <td data-label={t('escalation.rota.untilColumn')}>
                  <ZonedTime value={o.endsAt} zone={zone} />
                </td>
                <td data-label={t('escalation.rota.overrideReason')}>{o.reason}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="overrideId" value={o.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="remove-override"
                      className="button button-secondary"
                      aria-label={t('escalation.rota.removeOverrideLabel', {
                        name: o.name,
                        time: new Date(o.startsAt).toISOString().slice(0, 16).replace('T', ' '),
                      })}
                    >
                      {t('escalation.rota.removeOverride')}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Form method="post" className="stack" noValidate>
        <FormError message={overrideErrors.form} />
        <SelectField
          label={t('escalation.rota.overrideWho')}
          name="userId"
          defaultValue={overrideValue('userId')}
          error={overrideErrors.userId}
          options={staff.map((s) => ({ value: String(s.userId), label: s.displayName }))}
        />
        <div className="inline-fields">
          <TextField
            label={t('escalation.rota.overrideStarts')}
            name="startsAt"
            type="datetime-local"
            defaultValue={overrideValue('startsAt')}
            error={overrideErrors.startsAt}
          />
          <TextField
            label={t('escalation.rota.overrideEnds')}
            name="endsAt"
            type="datetime-local"
            defaultValue={overrideValue('endsAt')}
            error={overrideErrors.endsAt}
          />
        </div>
        <TextField
          label={t('escalation.rota.overrideReason')}
          name="reason"
          defaultValue={overrideValue('reason')}
          error={overrideErrors.reason}
          maxLength={OVERRIDE_REASON_MAX}
        />
        <div className="form-actions">
          <button type="submit" name="intent" value="add-override" className="button">
            {t('escalation.rota.addOverride')}
          </button>
        </div>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
