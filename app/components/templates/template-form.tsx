import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { TEMPLATE_VARIABLES } from '~/modules/templates/variables'
import { FormError, SelectField, TextField } from '../forms'
import { MarkdownEditor } from '../markdown-editor'

export type TemplateValues = {
  title: string
  category: string
  tags: string
  visibility: string
  language: string
  body: string
}

/** The template editor (new and edit): title, category, tags, who may use it, language, text. */
export function TemplateForm({
  values,
  fieldErrors,
  preview,
  categories,
  submissionKey,
  submitLabel,
}: {
  values: TemplateValues
  fieldErrors: Partial<Record<string, string>>
  preview: string | null
  categories: { slug: string; name: string }[]
  submissionKey?: string
  submitLabel: string
}) {
  const { t } = useTranslation()
  const busy = useNavigation().state === 'submitting'
  const variables = [...TEMPLATE_VARIABLES.map((v) => `{{${v}|…}}`), '{{kb:slug}}'].join(' ')
  return (
    <Form method="post" className="stack" noValidate>
      {submissionKey ? <input type="hidden" name="submissionKey" value={submissionKey} /> : null}
      <FormError message={fieldErrors.form} />
      <TextField
        label={t('replies.form.title')}
        name="title"
        defaultValue={values.title}
        error={fieldErrors.title}
        maxLength={120}
        required
      />
      <SelectField
        label={t('replies.form.category')}
        name="category"
        defaultValue={values.category}
        error={fieldErrors.category}
        options={[
          { value: '', label: t('replies.form.anyCategory') },
          ...categories.map((c) => ({ value: c.slug, label: c.name })),
        ]}
      />
      <TextField
        label={t('replies.form.tags')}
        hint={t('replies.form.tagsHint')}
        name="tags"
        defaultValue={values.tags}
        error={fieldErrors.tags}
        maxLength={200}
      />
      <SelectField
        label={t('replies.form.visibility')}
        name="visibility"
        defaultValue={values.visibility}
        error={fieldErrors.visibility}
        options={[
          { value: 'public', label: t('replies.visibility.public') },
          { value: 'staff', label: t('replies.visibility.staff') },
        ]}
      />
      <SelectField
        label={t('replies.form.language')}
        name="language"
        defaultValue={values.language}
        error={fieldErrors.language}
        options={[
          { value: 'en', label: t('replies.languages.en') },
          { value: 'id', label: t('replies.languages.id') },
        ]}
      />
      <MarkdownEditor
        name="body"
        label={t('replies.form.body')}
        hint={t('replies.form.bodyHint', { variables })}
        defaultValue={values.body}
        error={fieldErrors.body}
        serverPreview={preview}
        rows={12}
      />
      <div className="form-actions">
        <button type="submit" name="intent" value="save" className="button" disabled={busy}>
          {submitLabel}
        </button>
        <button type="submit" name="intent" value="preview" className="button button-secondary">
          {t('forms.preview')}
        </button>
      </div>
    </Form>
  )
}
