/** The on-call rota page: now and next, coming turns, the rota's settings, overrides. */
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormError, SelectField, TextField } from '~/components/forms'
import { formatZoned, useIntlLocale, ZonedTime } from '~/components/time'
import { useMessage } from '~/i18n/use-message'
import { OVERRIDE_REASON_MAX, WEEKDAYS } from '~/modules/escalation/validation'

import type { action, loader } from '~/routes/admin.rota'

export function RotaView() {
  const { onCall, turns, rota, zone, zones, staff, overrides } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const [params] = useSearchParams()
  const { t } = useTranslation()
  const locale = useIntlLocale()
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
                        time: formatZoned(new Date(o.startsAt), locale, zone),
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
