import { Form } from '@remix-run/react'
import { NOTE_MAX, REMOVAL_REASON_LABELS, REMOVAL_REASONS } from '~/modules/moderation/validation'
import { SelectField, TextField } from '../forms'
import { useQuestionReply } from './action-data'

type Props = {
  verb: 'delete' | 'hide'
  what: 'question' | 'answer'
  answerId?: number
  path: string
}

/**
 * "Delete…" or "Hide…": a disclosure that asks why before anything happens, so a stray click
 * never removes a post. Works without JavaScript (the disclosure and the form are plain HTML).
 */
export function RemovalForm({ verb, what, answerId, path }: Props) {
  const reply = useQuestionReply()
  const target = answerId ? `answer-${answerId}` : 'question'
  const mine = reply.values?.removalTarget === target
  const errors = mine ? (reply.fieldErrors ?? {}) : {}
  const Verb = verb === 'delete' ? 'Delete' : 'Hide'
  return (
    <details className="removal" open={mine}>
      <summary className={verb === 'delete' ? 'danger' : undefined}>{Verb}…</summary>
      <Form method="post" action={path} className="stack removal-form" preventScrollReset>
        {answerId ? <input type="hidden" name="answerId" value={answerId} /> : null}
        <SelectField
          label={`Why ${verb} this ${what}?`}
          name="reason"
          defaultValue={mine ? (reply.values?.reason ?? '') : ''}
          error={errors.reason}
          required
          options={[
            { value: '', label: 'Choose a reason' },
            ...REMOVAL_REASONS.map((r) => ({ value: r, label: REMOVAL_REASON_LABELS[r] })),
          ]}
        />
        <TextField
          label="Note (optional, required for “Something else”)"
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
            {Verb} this {what}
          </button>
        </div>
      </Form>
    </details>
  )
}
