import { Form, Link, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { FormError } from '../forms'
import { MarkdownEditor } from '../markdown-editor'
import { useQuestionReply } from './action-data'
import { AnswerPersonalDataGuard } from '../threads/personal-data-guard'

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
  defaultBody = '',
  hiddenFields = {},
  before = null,
}: {
  canAnswer: boolean
  signedIn: boolean
  path: string
  closed: boolean
  submissionKey: string
  /** Text to start from (an inserted template), and fields that go with it. */
  defaultBody?: string
  hiddenFields?: Record<string, string>
  /** Shown under the heading, before the form (the template picker). */
  before?: ReactNode
}) {
  const { t } = useTranslation()
  const reply = useQuestionReply()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'answer'
  if (closed) return null
  if (!signedIn)
    return (
      <p className="answer-cta">
        <Trans
          i18nKey="questions.answer.logInToAnswer"
          components={{
            login: <Link to={`/login?redirectTo=${encodeURIComponent(path)}`} />,
            signup: <Link to={`/signup?redirectTo=${encodeURIComponent(path)}`} />,
          }}
        />
      </p>
    )
  if (!canAnswer) return null
  const fieldErrors = reply.fieldErrors ?? {}
  return (
    <section aria-labelledby="your-answer" className="answer-form">
      <h2 id="your-answer">{t('questions.answer.yours')}</h2>
      {before}
      <Form
        key={`${submissionKey}-${hiddenFields.templateId ?? ''}`}
        method="post"
        action={`${path}#your-answer`}
        className="stack"
        noValidate
      >
        <input type="hidden" name="submissionKey" value={submissionKey} />
        {Object.entries(hiddenFields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <FormError message={fieldErrors.form} />
        <MarkdownEditor
          name="body"
          label={t('questions.answer.label')}
          defaultValue={reply.values?.body ?? defaultBody}
          error={fieldErrors.body}
          serverPreview={reply.preview ?? null}
          rows={8}
        />
        <AnswerPersonalDataGuard path={path} />
        <div className="form-actions">
          <button type="submit" name="intent" value="answer" className="button" disabled={busy}>
            {busy ? t('questions.answer.posting') : t('questions.answer.post')}
          </button>
        </div>
      </Form>
    </section>
  )
}
