import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { TAGS_MAX, TITLE_MAX, TITLE_MIN } from '~/modules/questions/validation'
import { REVISION_COMMENT_MAX, SUMMARY_MAX, SUMMARY_MIN } from '~/modules/kb/validation'
import { FormError, SelectField, TextAreaField, TextField } from './forms'
import { LanguageSelect } from './language-select'
import { MarkdownEditor } from './markdown-editor'

export type KbArticleValues = {
  title: string
  summary: string
  body: string
  category: string
  tags: string
}

type Props = {
  categories: { slug: string; name: string }[]
  values: KbArticleValues
  fieldErrors?: Partial<Record<string, string>>
  preview?: string | null
}

/** Title, summary, body, category and tags: shared by the article editor and the promotion form. */
export function KbArticleFields({ categories, values, fieldErrors = {}, preview }: Props) {
  const { t } = useTranslation()
  return (
    <>
      <TextField
        label={t('kb.editor.title')}
        name="title"
        defaultValue={values.title}
        error={fieldErrors.title}
        hint={t('kb.editor.titleHint', { min: TITLE_MIN, max: TITLE_MAX })}
        maxLength={TITLE_MAX + 50}
        autoComplete="off"
        required
      />
      <TextAreaField
        label={t('kb.editor.summary')}
        name="summary"
        defaultValue={values.summary}
        error={fieldErrors.summary}
        hint={t('kb.editor.summaryHint', { min: SUMMARY_MIN, max: SUMMARY_MAX })}
        maxLength={SUMMARY_MAX + 50}
        rows={3}
        required
      />
      <MarkdownEditor
        name="body"
        label={t('kb.editor.body')}
        defaultValue={values.body}
        error={fieldErrors.body}
        serverPreview={preview}
        rows={18}
        hint={t('kb.editor.bodyHint')}
      />
      <SelectField
        label={t('kb.editor.category')}
        name="category"
        defaultValue={values.category}
        error={fieldErrors.category}
        options={[
          { value: '', label: t('kb.editor.chooseCategory') },
          ...categories.map((c) => ({ value: c.slug, label: c.name })),
        ]}
        required
      />
      <TextField
        label={t('kb.editor.tags')}
        name="tags"
        defaultValue={values.tags}
        error={fieldErrors.tags}
        hint={t('kb.editor.tagsHint', { max: TAGS_MAX })}
        autoComplete="off"
      />
    </>
  )
}

type FormProps = {
  categories: { slug: string; name: string }[]
  values: KbArticleValues & { status: string; comment: string; language: string }
  fieldErrors: Partial<Record<string, string>>
  preview: string | null
  busy: boolean
  statuses: { value: string; label: string }[]
  statusHint: string
  comment: { label: string; hint: string }
  submitLabel: string
}

/** The whole article editor: the fields, status, a note for the history and the save button. */
export function KbArticleForm(props: FormProps) {
  const { values, fieldErrors, busy } = props
  const { t } = useTranslation()
  return (
    <Form method="post" className="stack" noValidate>
      <FormError message={fieldErrors.form} />
      <KbArticleFields
        categories={props.categories}
        values={values}
        fieldErrors={fieldErrors}
        preview={props.preview}
      />
      <SelectField
        label={t('kb.editor.status')}
        name="status"
        defaultValue={values.status}
        error={fieldErrors.status}
        hint={props.statusHint}
        options={props.statuses}
      />
      <LanguageSelect defaultValue={values.language} error={fieldErrors.language} />
      <TextField
        label={props.comment.label}
        name="comment"
        defaultValue={values.comment}
        error={fieldErrors.comment}
        hint={props.comment.hint}
        maxLength={REVISION_COMMENT_MAX}
      />
      <div className="form-actions">
        <button type="submit" name="intent" value="save" className="button" disabled={busy}>
          {busy ? t('kb.editor.saving') : props.submitLabel}
        </button>
      </div>
    </Form>
  )
}
