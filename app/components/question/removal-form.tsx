import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { MessageKey } from '~/i18n/keys'
import { NOTE_MAX, REMOVAL_REASON_LABELS, REMOVAL_REASONS } from '~/modules/moderation/validation'
import { SelectField, TextField } from '../forms'
import { useQuestionReply } from './action-data'

type Props = {
  verb: 'delete' | 'hide'
  what: 'question' | 'answer'
  answerId?: number
  path: string
}

/** Each form's words, whole: "Why delete this answer?" is one sentence in every language. */
const WORDS: Record<
  Props['verb'],
  {
    summary: MessageKey
    why: Record<Props['what'], MessageKey>
    submit: Record<Props['what'], MessageKey>
  }
> = {
  delete: {
    summary: 'questions.removal.delete',
    why: {
      question: 'questions.removal.whyDeleteQuestion',
      answer: 'questions.removal.whyDeleteAnswer',
    },
    submit: {
      question: 'questions.removal.deleteQuestion',
      answer: 'questions.removal.deleteAnswer',
    },
  },
  hide: {
    summary: 'questions.removal.hide',
    why: {
      question: 'questions.removal.whyHideQuestion',
      answer: 'questions.removal.whyHideAnswer',
    },
    submit: {
      question: 'questions.removal.hideQuestion',
      answer: 'questions.removal.hideAnswer',
    },
  },
}

/**
 * "Delete…" or "Hide…": a disclosure that asks why before anything happens, so a stray click
 * never removes a post. Works without JavaScript (the disclosure and the form are plain HTML).
 */
export function RemovalForm({ verb, what, answerId, path }: Props) {
  const { t } = useTranslation()
  const reply = useQuestionReply()
  const target = answerId ? `answer-${answerId}` : 'question'
  const mine = reply.values?.removalTarget === target
  const errors = mine ? (reply.fieldErrors ?? {}) : {}
  const words = WORDS[verb]
  return (
    <details className="removal" open={mine}>
      <summary className={verb === 'delete' ? 'danger' : undefined}>{t(words.summary)}</summary>
      <Form method="post" action={path} className="stack removal-form" preventScrollReset>
        {answerId ? <input type="hidden" name="answerId" value={answerId} /> : null}
        <SelectField
          label={t(words.why[what])}
          name="reason"
          defaultValue={mine ? (reply.values?.reason ?? '') : ''}
          error={errors.reason}
          required
          options={[
            { value: '', label: t('questions.removal.chooseReason') },
            ...REMOVAL_REASONS.map((r) => ({ value: r, label: t(REMOVAL_REASON_LABELS[r]) })),
          ]}
        />
        <TextField
          label={t('questions.removal.note')}
          name="note"
          defaultValue={mine ? (reply.values?.note ?? '') : ''}
          error={errors.note}
          maxLength={NOTE_MAX}
        />
        <div className="form-actions">
          <button
            type="submit"
            name="intent"
            value={`${verb}-${what}`}
            className={`button button-small${verb === 'delete' ? ' button-danger' : ''}`}
          >
            {t(words.submit[what])}
          </button>
        </div>
      </Form>
    </details>
  )
}
