import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormError, TextAreaField } from '~/components/forms'
import { useMessage } from '~/i18n/use-message'
import { RATINGS, SURVEY_COMMENT_MAX } from '~/modules/surveys/validation'

type Props = {
  /** Where the form posts (the thread's survey route, or the e-mail link's page). */
  action: string
  /** The e-mail link's token, carried by the form so the page works without signing in. */
  token?: string
  rating: number | null
  comment: string
  errors?: Partial<Record<string, string>>
  /** A survey already answered: the button says it changes the answer. */
  answered: boolean
}

/** The survey's two questions: a 1–5 rating and an optional comment. Works without JavaScript. */
export function SurveyForm({ action, token, rating, comment, errors = {}, answered }: Props) {
  const { t } = useTranslation()
  const message = useMessage()
  return (
    <Form method="post" action={action} className="stack survey-form" noValidate>
      <FormError message={errors.form} />
      {token ? <input type="hidden" name="token" value={token} /> : null}
      <fieldset
        className={`survey-rating${errors.rating ? ' field-invalid' : ''}`}
        aria-describedby={errors.rating ? 'survey-rating-error' : undefined}
      >
        <legend>{t('dashboard.survey.ratingQuestion')}</legend>
        <div className="survey-scale">
          {RATINGS.map((r) => (
            <label key={r} className="survey-choice">
              <input type="radio" name="rating" value={r} defaultChecked={rating === r} />
              <span className="survey-number">{r}</span>
              <span className="survey-word">{t(`dashboard.survey.ratings.r${r}`)}</span>
            </label>
          ))}
        </div>
        {errors.rating ? (
          <p className="field-error" id="survey-rating-error" role="alert">
            {message(errors.rating)}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField
        label={t('dashboard.survey.commentQuestion')}
        hint={t('dashboard.survey.commentHint', { max: SURVEY_COMMENT_MAX })}
        name="comment"
        rows={3}
        maxLength={SURVEY_COMMENT_MAX}
        defaultValue={comment}
        error={errors.comment}
      />
      <div className="form-actions">
        <button type="submit" className="button">
          {answered ? t('dashboard.survey.change') : t('dashboard.survey.send')}
        </button>
      </div>
    </Form>
  )
}
