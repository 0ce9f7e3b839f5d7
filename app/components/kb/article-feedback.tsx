import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useMessage } from '~/i18n/use-message'
import { FEEDBACK_COMMENT_MAX, FEEDBACK_REASONS, type FeedbackStep } from '~/modules/kb/validation'
import { Field } from '../forms'

/** The visitor's own answer, as the article page's loader sends it. */
export type FeedbackView = { helpful: boolean; reason: string | null; comment: string } | null

type Reply = {
  fieldErrors?: Partial<Record<string, string>>
  values?: Partial<Record<string, string>>
}

/**
 * "Was this helpful?": Yes/No, then what helped or went wrong, then thanks with a way to
 * change the answer. Plain forms, so it works without JavaScript.
 */
export function ArticleFeedback({
  slug,
  feedback,
  step,
}: {
  slug: string
  feedback: FeedbackView
  step: FeedbackStep | null
}) {
  const data = useActionData<Reply>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const here = `/kb/${slug}`
  const { t } = useTranslation()
  const translate = useMessage()

  if (!feedback || step === 'change')
    return (
      <section id="feedback" className="kb-feedback" aria-label={t('kb.feedback.label')}>
        <Form method="post" action={here} preventScrollReset>
          <input type="hidden" name="intent" value="helpful" />
          <fieldset>
            <legend>{t('kb.feedback.question')}</legend>
            <div className="kb-choices">
              <button type="submit" name="helpful" value="yes" className="button" disabled={busy}>
                {t('kb.feedback.yes')}
              </button>
              <button
                type="submit"
                name="helpful"
                value="no"
                className="button button-secondary"
                disabled={busy}
              >
                {t('kb.feedback.no')}
              </button>
            </div>
          </fieldset>
        </Form>
      </section>
    )

  const answer = feedback.helpful ? 'yes' : 'no'
  if ((step === 'more' || data) && !feedback.reason) {
    const errors: Record<string, string | undefined> = data?.fieldErrors ?? {}
    const question = feedback.helpful ? t('kb.feedback.whatHelped') : t('kb.feedback.whatWentWrong')
    return (
      <section id="feedback" className="kb-feedback" aria-label={t('kb.feedback.label')}>
        <p role="status">{t('kb.feedback.oneMore')}</p>
        <Form method="post" action={here} preventScrollReset noValidate>
          <input type="hidden" name="intent" value="reason" />
          <input type="hidden" name="helpful" value={answer} />
          <fieldset aria-describedby={errors.reason ? 'reason-error' : undefined}>
            <legend>{question}</legend>
            <div className="kb-radios">
              {FEEDBACK_REASONS[answer].map((r) => (
                <label key={r.value}>
                  <input
                    type="radio"
                    name="reason"
                    value={r.value}
                    defaultChecked={data?.values?.reason === r.value}
                    aria-invalid={errors.reason ? true : undefined}
                  />
                  {translate(r.label)}
                </label>
              ))}
            </div>
            {errors.reason ? (
              <p className="field-error" id="reason-error" role="alert">
                {translate(errors.reason)}
              </p>
            ) : null}
          </fieldset>
          <Field
            label={t('kb.feedback.comment')}
            error={errors.comment}
            hint={t('kb.feedback.commentHint', { max: FEEDBACK_COMMENT_MAX })}
          >
            {({ id, describedBy, invalid }) => (
              <textarea
                id={id}
                name="comment"
                rows={3}
                maxLength={FEEDBACK_COMMENT_MAX}
                defaultValue={data?.values?.comment ?? ''}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
              />
            )}
          </Field>
          <div className="form-actions kb-section">
            <button type="submit" className="button" disabled={busy}>
              {t('kb.feedback.send')}
            </button>
            <Link to={`${here}#feedback`} preventScrollReset>
              {t('kb.feedback.skip')}
            </Link>
          </div>
        </Form>
      </section>
    )
  }

  return (
    <section id="feedback" className="kb-feedback" aria-label={t('kb.feedback.label')}>
      <p role="status">
        <strong>{t('kb.feedback.thanks')}</strong>{' '}
        {feedback.helpful ? t('kb.feedback.saidHelpful') : t('kb.feedback.saidNotHelpful')}
      </p>
      <p>
        <Link to={`${here}?feedback=change#feedback`} preventScrollReset>
          {t('kb.feedback.change')}
        </Link>
      </p>
    </section>
  )
}
