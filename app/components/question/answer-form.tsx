import { Form, Link, useNavigation } from '@remix-run/react'
import { FormError } from '../forms'
import { MarkdownEditor } from '../markdown-editor'
import { useQuestionReply } from './action-data'

/**
 * "Your answer". The form carries a one-time key from the loader: a second click or a resent
 * form posts the answer once. After a post the page reloads its data with a new key, and the
 * form, keyed on it, starts empty.
 */
export function AnswerForm({
  canAnswer,
  signedIn,
  path,
  closed,
  submissionKey,
}: {
  canAnswer: boolean
  signedIn: boolean
  path: string
  closed: boolean
  submissionKey: string
}) {
  const reply = useQuestionReply()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'answer'
  if (closed) return null
  if (!signedIn)
    return (
      <p className="answer-cta">
        <Link to={`/login?redirectTo=${encodeURIComponent(path)}`}>Log in</Link> or{' '}
        <Link to={`/signup?redirectTo=${encodeURIComponent(path)}`}>sign up</Link> to answer.
      </p>
    )
  if (!canAnswer) return null
  const fieldErrors = reply.fieldErrors ?? {}
  return (
    <section aria-labelledby="your-answer" className="answer-form">
      <h2 id="your-answer">Your answer</h2>
      <Form
        key={submissionKey}
        method="post"
        action={`${path}#your-answer`}
        className="stack"
        noValidate
      >
        <input type="hidden" name="submissionKey" value={submissionKey} />
        <FormError message={fieldErrors.form} />
        <MarkdownEditor
          name="body"
          label="Answer"
          defaultValue={reply.values?.body ?? ''}
          error={fieldErrors.body}
          serverPreview={reply.preview ?? null}
          rows={8}
        />
        <div className="form-actions">
          <button type="submit" name="intent" value="answer" className="button" disabled={busy}>
            {busy ? 'Posting…' : 'Post your answer'}
          </button>
        </div>
      </Form>
    </section>
  )
}
