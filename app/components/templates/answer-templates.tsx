import { Form, Link, useNavigate } from '@remix-run/react'
import { useEffect, useId, useRef, useState, type ComponentProps, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { AnswerReplies } from '~/modules/templates/page.server'
import { AnswerForm } from '../question/answer-form'
import { AnswerItem } from '../question/answer-item'

type Templates = AnswerReplies['templates']

/**
 * The answer form with "insert a template" for helpers and staff. Choosing a template is a link
 * (`?template=<id>`) that reloads the page with the template filled in for this question, so it
 * works without JavaScript; with it, a search box narrows the list as one types (arrow keys move
 * through the results, Enter takes the first). The filled text lands in the answer's editor to
 * preview and edit before posting; the form then says which template it came from.
 */
export function TemplateAnswerForm({
  replies,
  ...form
}: ComponentProps<typeof AnswerForm> & { replies: AnswerReplies }) {
  const { chosen, templates } = replies
  const picker =
    form.canAnswer && templates.length > 0 ? (
      <TemplatePicker templates={templates} path={form.path} chosen={chosen} />
    ) : null
  return (
    <AnswerForm
      {...form}
      path={chosen ? `${form.path}?template=${chosen.templateId}` : form.path}
      defaultBody={chosen?.text ?? ''}
      hiddenFields={chosen ? { templateId: String(chosen.templateId) } : {}}
      before={picker}
    />
  )
}

function TemplatePicker({
  templates,
  path,
  chosen,
}: {
  templates: Templates
  path: string
  chosen: AnswerReplies['chosen']
}) {
  const { t } = useTranslation()
  const [enhanced, setEnhanced] = useState(false)
  const [query, setQuery] = useState('')
  const listRef = useRef<HTMLUListElement>(null)
  const navigate = useNavigate()
  const id = useId()
  useEffect(() => setEnhanced(true), [])
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  const shown = templates.filter((tpl) => {
    const text = `${tpl.title} ${tpl.category} ${tpl.tags.join(' ')}`.toLowerCase()
    return words.every((w) => text.includes(w))
  })
  const hrefOf = (templateId: number) => `${path}?template=${templateId}#your-answer`
  const links = () => [...(listRef.current?.querySelectorAll('a') ?? [])]
  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault()
      links()[0]?.focus()
    } else if (e.key === 'Enter' && shown.length > 0) {
      e.preventDefault()
      navigate(hrefOf(shown[0].id), { preventScrollReset: true })
    }
  }
  const onListKey = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
    e.preventDefault()
    const all = links()
    const at = all.indexOf(document.activeElement as HTMLAnchorElement)
    const next = e.key === 'ArrowDown' ? at + 1 : at - 1
    if (next < 0) document.getElementById(`${id}-search`)?.focus()
    else all[Math.min(next, all.length - 1)]?.focus()
  }
  return (
    <div className="template-picker">
      {chosen ? (
        <p className="template-chosen" role="status">
          {t('replies.picker.chosen', { title: chosen.title })}{' '}
          <Link to={`${path}#your-answer`} preventScrollReset>
            {t('replies.picker.remove')}
          </Link>
        </p>
      ) : null}
      <details open={!chosen}>
        <summary>{t('replies.picker.summary', { count: templates.length })}</summary>
        {enhanced ? (
          <div className="field">
            <label htmlFor={`${id}-search`}>{t('replies.picker.search')}</label>
            <p className="field-hint" id={`${id}-hint`}>
              {t('replies.picker.searchHint')}
            </p>
            <input
              id={`${id}-search`}
              type="search"
              value={query}
              autoComplete="off"
              aria-describedby={`${id}-hint`}
              aria-controls={`${id}-list`}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={onSearchKey}
            />
          </div>
        ) : null}
        {shown.length === 0 ? (
          <p className="empty" role="status">
            {t('replies.picker.noMatch')}
          </p>
        ) : (
          <ul
            className="template-list"
            id={`${id}-list`}
            ref={listRef}
            onKeyDown={onListKey}
            aria-label={t('replies.picker.listLabel')}
          >
            {shown.map((tpl) => (
              <li key={tpl.id}>
                <Link to={hrefOf(tpl.id)} preventScrollReset lang={tpl.language}>
                  {tpl.title}
                </Link>
                {tpl.tags.length > 0 ? (
                  <span className="template-tags"> · {tpl.tags.join(', ')}</span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </details>
    </div>
  )
}

/**
 * An answer, and when the auto-responder posted it, its label and — for the asker, until they
 * say — "This solved my problem" (the normal accept) and "I still need help".
 */
export function SuggestionAnswerItem({
  suggestions,
  ...item
}: ComponentProps<typeof AnswerItem> & { suggestions: AnswerReplies['suggestions'] }) {
  const { t } = useTranslation()
  const suggestion = suggestions.find((s) => s.answerId === item.answer.id)
  if (!suggestion) return <AnswerItem {...item} />
  const asker = item.viewer !== null && item.viewer.id === item.questionTarget.authorId
  const open = suggestion.outcome === null && !item.answer.isAccepted
  return (
    <AnswerItem
      {...item}
      label={
        <p className="suggestion-label">
          <strong>{t('replies.suggestion.label')}</strong> {t('replies.suggestion.explain')}
        </p>
      }
    >
      {asker && open ? (
        <div className="suggestion-actions">
          <p>{t('replies.suggestion.ask')}</p>
          <Form method="post" action={item.path} preventScrollReset>
            <input type="hidden" name="answerId" value={item.answer.id} />
            <button type="submit" name="intent" value="accept" className="button button-small">
              {t('replies.suggestion.solved')}
            </button>{' '}
            <button
              type="submit"
              name="intent"
              value="decline-suggestion"
              className="button button-secondary button-small"
            >
              {t('replies.suggestion.needHelp')}
            </button>
          </Form>
        </div>
      ) : null}
      {suggestion.outcome === 'declined' ? (
        <p className="suggestion-outcome" role="status">
          {t(asker ? 'replies.suggestion.declinedByYou' : 'replies.suggestion.declined')}
        </p>
      ) : null}
    </AnswerItem>
  )
}
