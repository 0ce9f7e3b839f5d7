import { useFetcher } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
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
  const fetcher = useFetcher<{ html: string }>()
  const [text, setText] = useState(defaultValue)
  const [enhanced, setEnhanced] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout>>()
  const { submit } = fetcher

  useEffect(() => setEnhanced(true), [])
  useEffect(() => {
    if (!enhanced) return
    clearTimeout(timer.current)
    if (!text.trim()) return
    timer.current = setTimeout(() => {
      submit({ markdown: text }, { method: 'post', action: '/resources/markdown-preview' })
    }, 350)
    return () => clearTimeout(timer.current)
  }, [text, enhanced, submit])

  const html = enhanced ? (text.trim() ? fetcher.data?.html : '') : serverPreview
  return (
    <div className="markdown-editor">
      <Field
        label={label}
        error={error}
        hint={hint ?? 'Markdown: **bold**, _italic_, `code`, lists, links, tables.'}
      >
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
        <section className="preview" aria-label="Preview" aria-live="polite">
          <h3 className="preview-title">Preview</h3>
          {html ? (
            // Rendered by the sanitizing markdown renderer on the server.
            <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />
          ) : (
            <p className="muted">Start typing to see how your post will look.</p>
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
          Preview
        </button>
      ) : null}
    </div>
  )
}
