import { Form, useNavigation } from '@remix-run/react'
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { TAGS_MAX, TITLE_MAX, TITLE_MIN } from '~/modules/questions/validation'
import type { Suggestions } from '~/modules/search/validation'
import { CategoryPicker } from './category-picker'
import { FormError, TextField } from './forms'
import { LanguageSelect } from './language-select'
import { MarkdownEditor } from './markdown-editor'
import { SuggestedAnswers } from './suggested-answers'
import { TagField, type TagCount } from './tag-field'

export type QuestionFormValues = {
  title: string
  body: string
  category: string
  tags: string
  language: string
  /** The edit summary, on the edit form. */
  comment?: string
}

type Props = {
  categories: { slug: string; name: string; description: string }[]
  /** The most used tags, listed under the tags field. */
  existingTags: TagCount[]
  values: QuestionFormValues
  fieldErrors?: Partial<Record<string, string>>
  preview?: string | null
  submitLabel: string
  withComment?: boolean
  /** The ask form: suggestions under the title, logged against this ask-form visit. */
  askVisit?: { id: string; suggestions: Suggestions | null; checked: boolean }
  /** Fields a form adds before its buttons (the ask form's public or private choice). */
  extraFields?: ReactNode
  /** Shown right under the details field (the personal-data guard watches it from there). */
  afterBody?: ReactNode
}

/** Fewer letters than this say too little to suggest anything. */
const SUGGEST_MIN_CHARS = 4
const SUGGEST_DELAY_MS = 300

/** The ask form and the edit form are the same form with other starting values. */
export function QuestionForm({
  categories,
  existingTags,
  values,
  fieldErrors = {},
  preview,
  submitLabel,
  withComment,
  askVisit,
  extraFields,
  afterBody,
}: Props) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const live = useLiveSuggestions(askVisit?.id)
  return (
    <Form
      ref={live.formRef}
      method="post"
      className="stack"
      noValidate
      onInput={askVisit ? live.onInput : undefined}
    >
      {askVisit ? <input type="hidden" name="visit" value={askVisit.id} /> : null}
      <FormError message={fieldErrors.form} />
      <TextField
        label={t('questions.form.title')}
        name="title"
        defaultValue={values.title}
        error={fieldErrors.title}
        hint={t('questions.form.titleHint', { min: TITLE_MIN, max: TITLE_MAX })}
        maxLength={TITLE_MAX + 50}
        autoComplete="off"
        required
      />
      {askVisit ? (
        <>
          <SuggestedAnswers
            visitId={askVisit.id}
            suggestions={live.enhanced ? live.suggestions : askVisit.suggestions}
            checked={!live.enhanced && askVisit.checked}
          />
          {live.enhanced ? null : (
            // Without JavaScript, suggestions come from this button; with it, from typing.
            <button
              type="submit"
              name="intent"
              value="check"
              className="button button-secondary check-answers"
              formNoValidate
            >
              {t('questions.form.check')}
            </button>
          )}
        </>
      ) : null}
      <MarkdownEditor
        name="body"
        label={t('questions.form.details')}
        defaultValue={values.body}
        error={fieldErrors.body}
        serverPreview={preview}
        rows={12}
        hint={t('questions.form.detailsHint')}
      />
      {afterBody}
      <CategoryPicker
        legend={t('questions.form.category')}
        name="category"
        categories={categories}
        defaultValue={values.category}
        error={fieldErrors.category}
      />
      <TagField
        label={t('questions.form.tags')}
        name="tags"
        defaultValue={values.tags}
        error={fieldErrors.tags}
        hint={t('questions.form.tagsHint', { max: TAGS_MAX })}
        existing={existingTags}
      />
      <LanguageSelect defaultValue={values.language} error={fieldErrors.language} />
      {withComment ? (
        <TextField
          label={t('questions.form.comment')}
          name="comment"
          hint={t('questions.form.commentHint')}
          maxLength={200}
          defaultValue={values.comment ?? ''}
        />
      ) : null}
      {extraFields}
      <div className="form-actions">
        <button type="submit" name="intent" value="save" className="button" disabled={busy}>
          {busy ? t('questions.form.saving') : submitLabel}
        </button>
      </div>
    </Form>
  )
}

/**
 * Suggestions that follow the title (and details) as they are typed: a debounced GET to the
 * suggest resource route, which also logs what was shown against the ask visit. A plain fetch,
 * the latest one winning: a JSON resource needs no router, and an aborted request changes nothing.
 */
function useLiveSuggestions(visitId: string | undefined) {
  const [enhanced, setEnhanced] = useState(false)
  const [suggestions, setSuggestions] = useState<Suggestions | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout>>()
  const inFlight = useRef<AbortController>()
  const formRef = useRef<HTMLFormElement>(null)

  const request = useCallback(
    (form: HTMLFormElement, delay: number) => {
      if (!visitId) return
      const data = new FormData(form)
      const title = String(data.get('title') ?? '')
      const body = String(data.get('body') ?? '')
      clearTimeout(timer.current)
      if (title.trim().length < SUGGEST_MIN_CHARS) {
        inFlight.current?.abort()
        setSuggestions(null)
        return
      }
      timer.current = setTimeout(() => {
        inFlight.current?.abort()
        const controller = new AbortController()
        inFlight.current = controller
        const params = new URLSearchParams({ title, body: body.slice(0, 600), visit: visitId })
        fetch(`/resources/suggest?${params.toString()}`, {
          signal: controller.signal,
          headers: { Accept: 'application/json' },
        })
          .then((res) => (res.ok ? (res.json() as Promise<{ suggestions: Suggestions }>) : null))
          .then((json) => {
            if (json && !controller.signal.aborted) setSuggestions(json.suggestions)
          })
          // Aborted by newer typing, or offline for a moment: keep what is shown.
          .catch(() => {})
      }, delay)
    },
    [visitId],
  )

  useEffect(() => {
    setEnhanced(true)
    // A form shown again with a title in it (after an error) gets its suggestions at once.
    if (formRef.current) request(formRef.current, 0)
    return () => {
      clearTimeout(timer.current)
      inFlight.current?.abort()
    }
  }, [request])

  const onInput = (event: FormEvent<HTMLFormElement>) => {
    const field = event.target
    if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return
    if (field.name === 'title' || field.name === 'body')
      request(event.currentTarget, SUGGEST_DELAY_MS)
  }

  return { enhanced, formRef, onInput, suggestions }
}
