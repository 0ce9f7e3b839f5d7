import { Form, useNavigation } from '@remix-run/react'
import { TAGS_MAX, TITLE_MAX, TITLE_MIN } from '~/modules/questions/validation'
import { FormError, SelectField, TextField } from './forms'
import { MarkdownEditor } from './markdown-editor'

export type QuestionFormValues = { title: string; body: string; category: string; tags: string }

type Props = {
  categories: { slug: string; name: string }[]
  values: QuestionFormValues
  fieldErrors?: Partial<Record<string, string>>
  preview?: string | null
  submitLabel: string
  withComment?: boolean
}

/** The ask form and the edit form are the same form with other starting values. */
export function QuestionForm({
  categories,
  values,
  fieldErrors = {},
  preview,
  submitLabel,
  withComment,
}: Props) {
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  return (
    <Form method="post" className="stack" noValidate>
      <FormError message={fieldErrors.form} />
      <TextField
        label="Title"
        name="title"
        defaultValue={values.title}
        error={fieldErrors.title}
        hint={`Say what went wrong in one sentence (${TITLE_MIN}–${TITLE_MAX} characters).`}
        maxLength={TITLE_MAX + 50}
        autoComplete="off"
        required
      />
      <MarkdownEditor
        name="body"
        label="Details"
        defaultValue={values.body}
        error={fieldErrors.body}
        serverPreview={preview}
        rows={12}
        hint="What did you try, what did you expect, what happened? Order numbers help; never post passwords or card numbers."
      />
      <SelectField
        label="Category"
        name="category"
        defaultValue={values.category}
        error={fieldErrors.category}
        options={[
          { value: '', label: 'Choose a category…' },
          ...categories.map((c) => ({ value: c.slug, label: c.name })),
        ]}
        required
      />
      <TextField
        label="Tags"
        name="tags"
        defaultValue={values.tags}
        error={fieldErrors.tags}
        hint={`1–${TAGS_MAX} tags separated by spaces or commas, e.g. “shipping jne”.`}
        autoComplete="off"
      />
      {withComment ? (
        <TextField
          label="Edit summary"
          name="comment"
          hint="Optional: what did you change?"
          maxLength={200}
        />
      ) : null}
      <div className="form-actions">
        <button type="submit" name="intent" value="save" className="button" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
      </div>
    </Form>
  )
}
