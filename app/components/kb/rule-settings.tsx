import { Form, useActionData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useMessage } from '~/i18n/use-message'
import { PROMOTION_MODES, type PromotionSettings } from '~/modules/kb/validation'
import { Field } from '../forms'

type Reply = {
  fieldErrors?: Partial<Record<string, string>>
  values?: Record<'mode' | 'minScore' | 'minAcceptedDays' | 'minAuthorReputation', string>
}

/** The automatic promotion rule's settings (staff), with "Run the rule now". */
export function RuleSettings({ settings }: { settings: PromotionSettings }) {
  const data = useActionData<Reply>()
  const [params] = useSearchParams()
  const errors: Record<string, string | undefined> = data?.fieldErrors ?? {}
  const { t } = useTranslation()
  const translate = useMessage()
  const values = data?.values ?? {
    mode: settings.mode,
    minScore: String(settings.minScore),
    minAcceptedDays: String(settings.minAcceptedDays),
    minAuthorReputation: String(settings.minAuthorReputation),
  }
  const ran = params.get('queued') !== null
  return (
    <section id="rule" className="kb-settings" aria-labelledby="rule-title">
      <h2 id="rule-title">{t('kb.rule.title')}</h2>
      <p className="muted">{t('kb.rule.lead')}</p>
      {params.get('saved') ? (
        <p className="notice" role="status">
          {t('kb.rule.saved')}
        </p>
      ) : null}
      {ran ? (
        <p className="notice" role="status">
          {t('kb.rule.ran', {
            queued: Number(params.get('queued')) || 0,
            published: Number(params.get('published')) || 0,
          })}
        </p>
      ) : null}
      <Form method="post" noValidate>
        <fieldset aria-describedby={errors.mode ? 'mode-error' : undefined}>
          <legend>{t('kb.rule.whatItDoes')}</legend>
          <div className="kb-radios">
            {PROMOTION_MODES.map((mode) => (
              <label key={mode}>
                <input
                  type="radio"
                  name="mode"
                  value={mode}
                  defaultChecked={values.mode === mode}
                />
                {t(`kb.rule.modes.${mode}`)}
              </label>
            ))}
          </div>
          {errors.mode ? (
            <p className="field-error" id="mode-error" role="alert">
              {translate(errors.mode)}
            </p>
          ) : null}
        </fieldset>
        <div className="kb-number-fields">
          <NumberField
            label={t('kb.rule.minScore')}
            name="minScore"
            value={values.minScore}
            error={errors.minScore}
          />
          <NumberField
            label={t('kb.rule.minAcceptedDays')}
            name="minAcceptedDays"
            value={values.minAcceptedDays}
            error={errors.minAcceptedDays}
          />
          <NumberField
            label={t('kb.rule.minAuthorReputation')}
            name="minAuthorReputation"
            value={values.minAuthorReputation}
            error={errors.minAuthorReputation}
          />
        </div>
        <div className="form-actions">
          <button type="submit" name="intent" value="settings" className="button">
            {t('kb.rule.save')}
          </button>
          <button
            type="submit"
            name="intent"
            value="apply-rule"
            className="button button-secondary"
          >
            {t('kb.rule.run')}
          </button>
        </div>
      </Form>
    </section>
  )
}

function NumberField({
  label,
  name,
  value,
  error,
}: {
  label: string
  name: string
  value: string
  error?: string
}) {
  return (
    <Field label={label} error={error}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          name={name}
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          defaultValue={value}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
        />
      )}
    </Field>
  )
}
