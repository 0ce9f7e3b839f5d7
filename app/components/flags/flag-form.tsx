import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useMessage } from '~/i18n/use-message'
import { FLAG_NOTE_MAX, FLAG_REASON_LABELS, FLAG_REASONS } from '~/modules/flags/validation'
import { FormError, TextAreaField } from '../forms'
import { useQuestionReply } from '../question/action-data'

const HINTS = {
  spam: 'flags.reasonHints.spam',
  rude: 'flags.reasonHints.rude',
  'off-topic': 'flags.reasonHints.offTopic',
  'needs-staff': 'flags.reasonHints.needsStaff',
  other: 'flags.reasonHints.other',
} as const

/**
 * "Flag": a disclosure with the reasons and a note, posted to the question page. Plain HTML, so
 * it works without JavaScript; a refused flag comes back open with what was typed.
 */
export function FlagForm({
  what,
  answerId,
  path,
}: {
  what: 'question' | 'answer'
  answerId?: number
  path: string
}) {
  const { t } = useTranslation()
  const message = useMessage()
  const reply = useQuestionReply()
  const target = answerId ? `answer-${answerId}` : 'question'
  const mine = reply.values?.flagTarget === target
  const errors = mine ? (reply.fieldErrors ?? {}) : {}
  const id = `flag-${target}`
  return (
    <details className="removal flag" open={mine}>
      <summary>{t('flags.form.summary')}</summary>
      <Form method="post" action={path} className="stack removal-form" preventScrollReset>
        {answerId ? <input type="hidden" name="answerId" value={answerId} /> : null}
        <FormError message={errors.form} />
        <fieldset className="field choice-field">
          <legend>
            {what === 'question' ? t('flags.form.whyQuestion') : t('flags.form.whyAnswer')}
          </legend>
          <div className="choice-cards">
            {FLAG_REASONS.map((reason) => (
              <label key={reason} className="choice-card">
                <input
                  type="radio"
                  name="reason"
                  value={reason}
                  required
                  defaultChecked={mine && reply.values?.reason === reason}
                  aria-describedby={`${id}-${reason}-hint`}
                />
                <span className="choice-card-text">
                  <span className="choice-card-name">{t(FLAG_REASON_LABELS[reason])}</span>
                  <span className="choice-card-description" id={`${id}-${reason}-hint`}>
                    {t(HINTS[reason])}
                  </span>
                </span>
              </label>
            ))}
          </div>
          {errors.reason ? (
            <p className="field-error" role="alert">
              {message(errors.reason)}
            </p>
          ) : null}
        </fieldset>
        <TextAreaField
          label={t('flags.form.note')}
          hint={t('flags.form.noteHint', { max: FLAG_NOTE_MAX })}
          name="note"
          rows={3}
          maxLength={FLAG_NOTE_MAX}
          defaultValue={mine ? (reply.values?.note ?? '') : ''}
          error={errors.note}
        />
        <div className="form-actions">
          <button type="submit" name="intent" value="flag" className="button button-small">
            {t('flags.form.submit')}
          </button>
        </div>
      </Form>
    </details>
  )
}

/** Said once the flag is in: the post may already be hidden from the person who flagged it. */
export function FlaggedNotice({ flagged }: { flagged: boolean }) {
  const { t } = useTranslation()
  if (!flagged) return null
  return (
    <p className="notice" role="status">
      {t('flags.form.thanks')}
    </p>
  )
}
