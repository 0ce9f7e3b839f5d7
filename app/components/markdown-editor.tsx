import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from './forms'

type Props = {
  name: string
  label: string
  defaultValue?: string
  error?: string
  /** Preview the server rendered for a no-JavaScript "Preview" submit. */
  serverPreview?: string | null
  rows?: number
  hint?: string
}

/**
 * A markdown textarea with a preview rendered by the same sanitizing renderer that cooks posts.
 * With JavaScript the preview follows typing; without it, the form's Preview button renders it.
 */
export function MarkdownEditor({
  name,
  label,
  defaultValue = '',
  error,
  serverPreview,
  rows = 10,
  hint,
}: Props) {
  const { t } = useTranslation()
  const [text, setText] = useState(defaultValue)
  const [enhanced, setEnhanced] = useState(false)
  const [livePreview, setLivePreview] = useState<string | null>(null)

  useEffect(() => setEnhanced(true), [])
  useEffect(() => {
    if (!enhanced || !text.trim()) return
    // A plain request, not a Remix fetcher: a fetcher's POST would make Remix reload every
    // loader of the page when it returns, even after the form was saved and the page left.
    const controller = new AbortController()
    const timer = setTimeout(() => {
      fetch('/resources/markdown-preview', {
        method: 'POST',
        body: new URLSearchParams({ markdown: text }),
        headers: { Accept: 'application/json' },
        signal: controller.signal,
      })
        .then((res) => (res.ok ? (res.json() as Promise<{ html: string }>) : null))
        .then((data) => {
          if (data) setLivePreview(data.html)
        })
        // Aborted by newer typing, or offline: the last preview stays.
        .catch(() => {})
    }, 350)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [text, enhanced])

  const html = enhanced ? (text.trim() ? livePreview : '') : serverPreview
  return (
    <div className="markdown-editor">
      <Field label={label} error={error} hint={hint ?? t('forms.markdownHint')}>
        {({ id, describedBy, invalid }) => (
          <textarea
            id={id}
            name={name}
            rows={rows}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            className="markdown-input"
          />
        )}
      </Field>
      {enhanced || serverPreview ? (
        <section className="preview" aria-label={t('forms.preview')} aria-live="polite">
          <h3 className="preview-title">{t('forms.preview')}</h3>
          {html ? (
            // Rendered by the sanitizing markdown renderer on the server.
            <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />
          ) : (
            <p className="muted">{t('forms.previewEmpty')}</p>
          )}
        </section>
      ) : null}
      {!enhanced ? (
        <button
          type="submit"
          name="intent"
          value="preview"
          className="button button-secondary"
          formNoValidate
        >
          {t('forms.preview')}
        </button>
      ) : null}
    </div>
  )
}
