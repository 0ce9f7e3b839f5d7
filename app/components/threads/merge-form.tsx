import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { MODERATION_NOTE_MAX } from '~/modules/moderation/thread-validation'
import { TextField } from '../forms'

/**
 * "Merge into the original", one of a moderator's thread tools: which question (filled in with
 * the original when this one is closed as its duplicate), and a note for the log.
 */
export function MergeForm({
  path,
  duplicateOfId,
  values,
  errors,
}: {
  path: string
  duplicateOfId: number | null
  values: Partial<Record<string, string>>
  errors: Partial<Record<string, string>>
}) {
  const { t } = useTranslation()
  return (
    <Form method="post" action={path} className="stack" noValidate>
      <h3>{t('threads.merge.heading')}</h3>
      <TextField
        label={t('threads.merge.into')}
        name="mergeInto"
        hint={t('threads.merge.intoHint')}
        defaultValue={values.mergeInto ?? (duplicateOfId ? String(duplicateOfId) : '')}
        error={errors.mergeInto}
        maxLength={300}
        inputMode="url"
        autoComplete="off"
      />
      <TextField
        label={t('threads.merge.note')}
        name="mergeNote"
        defaultValue={values.mergeNote ?? ''}
        error={errors.mergeNote}
        maxLength={MODERATION_NOTE_MAX}
      />
      <div className="form-actions">
        <button type="submit" name="intent" value="merge" className="button button-small">
          {t('threads.merge.submit')}
        </button>
      </div>
    </Form>
  )
}
