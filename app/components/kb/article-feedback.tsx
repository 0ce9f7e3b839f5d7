import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
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

  if (!feedback || step === 'change')
    return (
      <section id="feedback" className="kb-feedback" aria-label="Feedback">
        <Form method="post" action={here} preventScrollReset>
          <input type="hidden" name="intent" value="helpful" />
          <fieldset>
            <legend>Was this helpful?</legend>
            <div className="kb-choices">
              <button type="submit" name="helpful" value="yes" className="button" disabled={busy}>
                Yes
              </button>
              <button
                type="submit"
                name="helpful"
                value="no"
                className="button button-secondary"
                disabled={busy}
              >
                No
              </button>
            </div>
          </fieldset>
        </Form>
      </section>
    )

  const answer = feedback.helpful ? 'yes' : 'no'
  if ((step === 'more' || data) && !feedback.reason) {
    const errors: Record<string, string | undefined> = data?.fieldErrors ?? {}
    const question = feedback.helpful ? 'What helped most?' : 'What went wrong?'
    return (
      <section id="feedback" className="kb-feedback" aria-label="Feedback">
        <p role="status">Thanks! One more question, if you have a moment.</p>
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
                  {r.label}
                </label>
              ))}
            </div>
            {errors.reason ? (
              <p className="field-error" id="reason-error" role="alert">
                {errors.reason}
              </p>
            ) : null}
          </fieldset>
          <Field
            label="Anything else? (optional)"
            error={errors.comment}
            hint={`Up to ${FEEDBACK_COMMENT_MAX} characters. Please don't include order numbers or personal details.`}
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
              Send
            </button>
            <Link to={`${here}#feedback`} preventScrollReset>
              Skip
            </Link>
          </div>
        </Form>
      </section>
    )
  }

  return (
    <section id="feedback" className="kb-feedback" aria-label="Feedback">
      <p role="status">
        <strong>Thanks for your feedback.</strong>{' '}
        {feedback.helpful
          ? 'You said this article was helpful.'
          : 'You said this article was not helpful. We use that to improve it.'}
      </p>
      <p>
        <Link to={`${here}?feedback=change#feedback`} preventScrollReset>
          Change your answer
        </Link>
      </p>
    </section>
  )
}
