import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ReasonField } from '../audit/reason-field'
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
  const { t } = useTranslation()
  const reply = useQuestionReply()
  const error = reply.fieldErrors?.original
  if (canReopen)
    return (
      <Form method="post" action={path} className="close-tools stack" noValidate>
        <ReasonField
          brief
          name="why"
          defaultValue={reply.values?.bringBackTarget === 'reopen' ? reply.values.why : ''}
          error={reply.values?.bringBackTarget === 'reopen' ? reply.fieldErrors?.why : undefined}
        />
        <button
          type="submit"
          name="intent"
          value="reopen"
          className="button button-secondary button-small"
        >
          {t('questions.close.reopen')}
        </button>
      </Form>
    )
  if (!canClose) return null
  return (
    <details className="close-tools" open={Boolean(error)}>
      <summary>{t('questions.close.open')}</summary>
      <Form method="post" action={path} className="stack" noValidate>
        <TextField
          label={t('questions.close.original')}
          name="original"
          hint={t('questions.close.originalHint')}
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
            {t('questions.close.submit')}
          </button>
        </div>
      </Form>
    </details>
  )
}
