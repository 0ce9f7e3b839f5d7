/** The staff's spam rules: whether first posts are held, and the blocked words. */
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormError, TextAreaField } from '~/components/forms'
import { BLOCKED_WORDS_TEXT_MAX } from '~/modules/trust/rules'

export function SpamSettingsForm({
  settings,
  saved,
  errors,
  values,
}: {
  settings: { holdFirstPosts: boolean; words: string; max: number }
  saved: boolean
  errors: Partial<Record<string, string>>
  values: { words: string; holdFirstPosts: string } | null
}) {
  const { t } = useTranslation()
  return (
    <div className="narrow">
      <h1>{t('trust.spam.heading')}</h1>
      <p className="lead">{t('trust.spam.lead')}</p>
      {saved ? (
        <p className="notice" role="status">
          {t('trust.spam.saved')}
        </p>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <FormError message={errors.form} />
        <label className="checkbox-field">
          <input
            type="checkbox"
            name="holdFirstPosts"
            defaultChecked={values ? values.holdFirstPosts === 'on' : settings.holdFirstPosts}
          />{' '}
          {t('trust.spam.holdFirstPosts')}
        </label>
        <TextAreaField
          label={t('trust.spam.words')}
          hint={t('trust.spam.wordsHint', { max: settings.max })}
          name="words"
          rows={10}
          maxLength={BLOCKED_WORDS_TEXT_MAX}
          spellCheck={false}
          defaultValue={values?.words ?? settings.words}
          error={errors.words}
        />
        <div className="form-actions">
          <button type="submit" name="intent" value="save" className="button">
            {t('trust.spam.submit')}
          </button>
        </div>
      </Form>
    </div>
  )
}
