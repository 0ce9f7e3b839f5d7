import { Form } from '@remix-run/react'
import { TextField } from '../forms'
import { useQuestionReply } from './action-data'

/** "Close as duplicate…" for helpers and up, or "Reopen" on a closed question. */
export function CloseTools({
  canClose,
  canReopen,
  path,
}: {
  canClose: boolean
  canReopen: boolean
  path: string
}) {
  const reply = useQuestionReply()
  const error = reply.fieldErrors?.original
  if (canReopen)
    return (
      <Form method="post" action={path} className="close-tools">
        <button
          type="submit"
          name="intent"
          value="reopen"
          className="button button-secondary button-small"
        >
          Reopen this question
        </button>
      </Form>
    )
  if (!canClose) return null
  return (
    <details className="close-tools" open={Boolean(error)}>
      <summary>Close as duplicate…</summary>
      <Form method="post" action={path} className="stack" noValidate>
        <TextField
          label="Original question"
          name="original"
          hint="The number or the link of the question this one repeats. The asker is notified."
          defaultValue={reply.values?.original ?? ''}
          error={error}
          maxLength={300}
          required
        />
        <div className="form-actions">
          <button
            type="submit"
            name="intent"
            value="close-duplicate"
            className="button button-small"
          >
            Close as duplicate
          </button>
        </div>
      </Form>
    </details>
  )
}
