import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useMessage } from '~/i18n/use-message'
import { VISIBILITY_CHOICES, type VisibilityChoice as Choice } from '~/modules/privacy/validation'

const WORDS = {
  public: { name: 'privacy.ask.public', hint: 'privacy.ask.publicHint' },
  private: { name: 'privacy.ask.private', hint: 'privacy.ask.privateHint' },
} as const

/** "Public or private" on the ask form: two radio cards with what each means; no script needed. */
export function VisibilityChoice({
  defaultValue,
  error: message,
}: {
  defaultValue?: string
  error?: string
}) {
  const { t } = useTranslation()
  const error = useMessage()(message)
  const id = useId()
  const chosen: Choice = defaultValue === 'private' ? 'private' : 'public'
  return (
    <fieldset
      className={`field choice-field visibility-choice${error ? ' field-invalid' : ''}`}
      role="radiogroup"
      aria-labelledby={`${id}-legend`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend id={`${id}-legend`}>{t('privacy.ask.legend')}</legend>
      <div className="choice-cards">
        {VISIBILITY_CHOICES.map((value) => (
          <label key={value} className="choice-card">
            <input
              type="radio"
              name="visibility"
              value={value}
              defaultChecked={value === chosen}
              aria-labelledby={`${id}-${value}-name`}
              aria-describedby={`${id}-${value}-hint`}
            />
            <span className="choice-card-text">
              <span className="choice-card-name" id={`${id}-${value}-name`}>
                {t(WORDS[value].name)}
              </span>
              <span className="choice-card-description" id={`${id}-${value}-hint`}>
                {t(WORDS[value].hint)}
              </span>
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}
