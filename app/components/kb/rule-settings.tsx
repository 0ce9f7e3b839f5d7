import { Form, useActionData, useSearchParams } from '@remix-run/react'
import type { PromotionSettings } from '~/modules/kb/validation'
import { Field } from '../forms'

const MODES: { value: PromotionSettings['mode']; label: string }[] = [
  { value: 'off', label: 'Off: only what moderators promote by hand' },
  { value: 'queue', label: 'Queue qualifying answers for review' },
  { value: 'publish', label: 'Publish qualifying answers as articles straight away' },
]

type Reply = {
  fieldErrors?: Partial<Record<string, string>>
  values?: Record<'mode' | 'minScore' | 'minAcceptedDays' | 'minAuthorReputation', string>
}

/** The automatic promotion rule's settings (staff), with "Run the rule now". */
export function RuleSettings({ settings }: { settings: PromotionSettings }) {
  const data = useActionData<Reply>()
  const [params] = useSearchParams()
  const errors: Record<string, string | undefined> = data?.fieldErrors ?? {}
  const values = data?.values ?? {
    mode: settings.mode,
    minScore: String(settings.minScore),
    minAcceptedDays: String(settings.minAcceptedDays),
    minAuthorReputation: String(settings.minAuthorReputation),
  }
  const ran = params.get('queued') !== null
  return (
    <section id="rule" className="kb-settings" aria-labelledby="rule-title">
      <h2 id="rule-title">Automatic promotion</h2>
      <p className="muted">
        An accepted answer qualifies when it has the score, has stayed accepted long enough, and its
        author has the reputation below. Rejected candidates are never brought back.
      </p>
      {params.get('saved') ? (
        <p className="notice" role="status">
          Settings saved.
        </p>
      ) : null}
      {ran ? (
        <p className="notice" role="status">
          The rule ran: {params.get('queued')} queued, {params.get('published')} published.
        </p>
      ) : null}
      <Form method="post" noValidate>
        <fieldset aria-describedby={errors.mode ? 'mode-error' : undefined}>
          <legend>What the rule does</legend>
          <div className="kb-radios">
            {MODES.map((m) => (
              <label key={m.value}>
                <input
                  type="radio"
                  name="mode"
                  value={m.value}
                  defaultChecked={values.mode === m.value}
                />
                {m.label}
              </label>
            ))}
          </div>
          {errors.mode ? (
            <p className="field-error" id="mode-error" role="alert">
              {errors.mode}
            </p>
          ) : null}
        </fieldset>
        <div className="kb-number-fields">
          <NumberField
            label="Minimum answer score"
            name="minScore"
            value={values.minScore}
            error={errors.minScore}
          />
          <NumberField
            label="Accepted for at least (days)"
            name="minAcceptedDays"
            value={values.minAcceptedDays}
            error={errors.minAcceptedDays}
          />
          <NumberField
            label="Minimum author reputation"
            name="minAuthorReputation"
            value={values.minAuthorReputation}
            error={errors.minAuthorReputation}
          />
        </div>
        <div className="form-actions">
          <button type="submit" name="intent" value="settings" className="button">
            Save settings
          </button>
          <button
            type="submit"
            name="intent"
            value="apply-rule"
            className="button button-secondary"
          >
            Run the rule now
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
