import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { NOTIFICATION_TYPES, DeliveryChoice } from '../../../db/schema'
import { TYPE_KEYS } from './notification-types'

type NotificationType = (typeof NOTIFICATION_TYPES)[number]
type Choice = { type: NotificationType; inApp: boolean; email: DeliveryChoice }

const EMAIL_CHOICES = ['instant', 'digest', 'off'] as const

/**
 * One group per kind of news: on the site or not, and by e-mail at once, in the daily summary,
 * or not at all. Radio buttons and a checkbox in a fieldset, so it reads well to everyone.
 */
export function NotificationChoices({
  choices,
  invalid,
}: {
  choices: Choice[]
  invalid: NotificationType[]
}) {
  const { t } = useTranslation()
  return (
    <Form method="post" className="stack notification-choices">
      {choices.map((c) => {
        const key = TYPE_KEYS[c.type]
        const hintId = `hint-${key}`
        return (
          <fieldset
            key={c.type}
            className={`choice-group${invalid.includes(c.type) ? ' field-invalid' : ''}`}
            aria-describedby={hintId}
          >
            <legend>{t(`mail.types.${key}.label`)}</legend>
            <p className="field-hint" id={hintId}>
              {t(`mail.types.${key}.hint`)}
            </p>
            <div className="choice-row">
              <label className="checkbox">
                <input type="checkbox" name={`inApp:${c.type}`} defaultChecked={c.inApp} />{' '}
                {t('mail.settings.inApp')}
              </label>
              <span
                className="choice-email"
                role="radiogroup"
                aria-label={`${t(`mail.types.${key}.label`)}: ${t('mail.settings.email')}`}
              >
                <span className="muted" aria-hidden="true">
                  {t('mail.settings.email')}:
                </span>
                {EMAIL_CHOICES.map((value) => (
                  <label key={value} className="radio">
                    <input
                      type="radio"
                      name={`email:${c.type}`}
                      value={value}
                      defaultChecked={c.email === value}
                    />{' '}
                    {t(`mail.settings.${value}`)}
                  </label>
                ))}
              </span>
            </div>
          </fieldset>
        )
      })}
      <div className="form-actions">
        <button type="submit" name="intent" value="save" className="button">
          {t('mail.settings.save')}
        </button>
      </div>
    </Form>
  )
}
