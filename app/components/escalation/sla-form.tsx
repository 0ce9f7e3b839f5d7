import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormError, SelectField, TextAreaField, TextField } from '~/components/forms'
import { useMessage } from '~/i18n/use-message'
import { MAX_HOLIDAYS, WEEKDAYS, type SlaSettings } from '~/modules/escalation/validation'
import { SLA_CLOCKS } from '../../../db/schema'

/** The form's values: what was typed (after an error), else the stored settings. */
function initialValues(sla: SlaSettings, typed?: Record<string, string>): Record<string, string> {
  if (typed) return typed
  const values: Record<string, string> = {
    targetHours: String(Math.floor(sla.firstResponseMinutes / 60)),
    targetMinutes: String(sla.firstResponseMinutes % 60),
    level2Hours: String(Math.floor(sla.level2DelayMinutes / 60)),
    level2Minutes: String(sla.level2DelayMinutes % 60),
    clock: sla.clock,
    timeZone: sla.timeZone,
    holidays: sla.holidays.join('\n'),
  }
  for (const day of WEEKDAYS) {
    const span = sla.weeklyHours[day]?.[0]
    values[`open-${day}`] = span?.[0] ?? '08:00'
    values[`close-${day}`] = span?.[1] ?? '20:00'
    values[`closed-${day}`] = span ? '' : 'on'
  }
  return values
}

/** A category's response target: the target, how it is counted, hours, holidays, level 2. */
export function SlaForm({
  name,
  sla,
  zones,
  typed,
  fieldErrors,
}: {
  name: string
  sla: SlaSettings
  zones: string[]
  typed?: Record<string, string>
  fieldErrors?: Partial<Record<string, string>>
}) {
  const errors = fieldErrors ?? {}
  const values = initialValues(sla, typed)
  const { t } = useTranslation()
  const message = useMessage()
  return (
    <div className="narrow">
      <p className="muted">
        <Link to="/admin/sla">{t('escalation.sla.cancel')}</Link>
      </p>
      <h1>{t('escalation.sla.editHeading', { category: name })}</h1>
      <Form method="post" className="stack" noValidate>
        <FormError message={errors.form} />
        <DurationFields prefix="target" hint={undefined} values={values} errors={errors} />
        <fieldset className="field choice-field">
          <legend>{t('escalation.sla.clockLegend')}</legend>
          <div className="choice-cards">
            {SLA_CLOCKS.map((clock) => (
              <label key={clock} className="choice-card">
                <input
                  type="radio"
                  name="clock"
                  value={clock}
                  defaultChecked={values.clock === clock}
                />
                <span className="choice-card-text">{t(`escalation.clock.${clock}`)}</span>
              </label>
            ))}
          </div>
          {errors.clock ? (
            <p className="field-error" role="alert">
              {message(errors.clock)}
            </p>
          ) : null}
        </fieldset>
        <SelectField
          label={t('escalation.sla.timeZone')}
          name="timeZone"
          defaultValue={values.timeZone}
          error={errors.timeZone}
          options={zones.map((z) => ({ value: z, label: z.replaceAll('_', ' ') }))}
        />
        <fieldset className="field choice-field">
          <legend>{t('escalation.sla.weeklyHours')}</legend>
          <p className="field-hint">{t('escalation.sla.weeklyHoursHint')}</p>
          <div className="hours-grid">
            {WEEKDAYS.map((day) => {
              const dayName = t(`escalation.weekdays.${day}`)
              return (
                <DayHours key={day} day={day} dayName={dayName} values={values} errors={errors} />
              )
            })}
          </div>
          {errors.weeklyHours ? (
            <p className="field-error" role="alert">
              {message(errors.weeklyHours)}
            </p>
          ) : null}
        </fieldset>
        <TextAreaField
          label={t('escalation.sla.holidays')}
          hint={t('escalation.sla.holidaysHint')}
          name="holidays"
          rows={4}
          defaultValue={values.holidays}
          error={errors.holidays}
          maxLength={MAX_HOLIDAYS * 11}
          spellCheck={false}
        />
        <DurationFields
          prefix="level2"
          hint={t('escalation.sla.level2Hint')}
          values={values}
          errors={errors}
        />
        <div className="form-actions">
          <button type="submit" className="button">
            {t('escalation.sla.save')}
          </button>
          <Link to="/admin/sla">{t('escalation.sla.cancel')}</Link>
        </div>
      </Form>
    </div>
  )
}

function DayHours({
  day,
  dayName,
  values,
  errors,
}: {
  day: string
  dayName: string
  values: Record<string, string>
  errors: Partial<Record<string, string>>
}) {
  const { t } = useTranslation()
  const message = useMessage()
  const error = errors[`open-${day}`] ?? errors[`close-${day}`]
  return (
    <>
      <span className="day" id={`day-${day}`}>
        {dayName}
      </span>
      <label>
        <span className="visually-hidden">
          {dayName}: {t('escalation.sla.opens')}
        </span>
        <input
          type="time"
          name={`open-${day}`}
          defaultValue={values[`open-${day}`]}
          aria-invalid={errors[`open-${day}`] ? true : undefined}
        />
      </label>
      <label>
        <span className="visually-hidden">
          {dayName}: {t('escalation.sla.closes')}
        </span>
        <input
          type="time"
          name={`close-${day}`}
          defaultValue={values[`close-${day}`] === '24:00' ? '23:59' : values[`close-${day}`]}
          aria-invalid={errors[`close-${day}`] ? true : undefined}
        />
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          name={`closed-${day}`}
          defaultChecked={Boolean(values[`closed-${day}`])}
        />{' '}
        {t('escalation.sla.closed')}
        <span className="visually-hidden"> ({dayName})</span>
      </label>
      {error ? (
        <p className="field-error" role="alert" style={{ gridColumn: '1 / -1' }}>
          {message(error)}
        </p>
      ) : null}
    </>
  )
}

/** Hours and minutes of one duration (the target, the level-2 delay), side by side. */
function DurationFields({
  prefix,
  hint,
  values,
  errors,
}: {
  prefix: 'target' | 'level2'
  hint: string | undefined
  values: Record<string, string>
  errors: Partial<Record<string, string>>
}) {
  const { t } = useTranslation()
  return (
    <div className="inline-fields">
      <TextField
        label={t(`escalation.sla.${prefix}Hours`)}
        hint={hint}
        name={`${prefix}Hours`}
        inputMode="numeric"
        defaultValue={values[`${prefix}Hours`]}
        error={errors[`${prefix}Hours`]}
        maxLength={6}
      />
      <TextField
        label={t(`escalation.sla.${prefix}Minutes`)}
        name={`${prefix}Minutes`}
        inputMode="numeric"
        defaultValue={values[`${prefix}Minutes`]}
        error={errors[`${prefix}Minutes`]}
        maxLength={2}
      />
    </div>
  )
}
