import { useTranslation } from 'react-i18next'
import { useMessage } from '~/i18n/use-message'
import { StatusBadge } from './post-meta'
import { openHref, type Suggestion, type Suggestions } from '~/modules/search/validation'

type Props = {
  visitId: string
  suggestions: Suggestions | null
  /** The person asked to check (no-JavaScript button): say so when nothing was found. */
  checked: boolean
}

/**
 * Articles and answered threads that might already answer the question being typed. Links go
 * through the logged click-through and open in a new tab, so the draft stays where it is.
 */
export function SuggestedAnswers({ visitId, suggestions, checked }: Props) {
  const { t } = useTranslation()
  // A thread's detail is a descriptor ("Brewing help · 3 answers"); an article's is its summary.
  const translate = useMessage()
  const items: Suggestion[] = suggestions ? [...suggestions.kb, ...suggestions.threads] : []
  return (
    <div className="suggestions">
      <p className="visually-hidden" role="status" aria-live="polite">
        {items.length > 0 ? t('search.suggest.found', { count: items.length }) : ''}
      </p>
      {items.length > 0 ? (
        <section className="suggestions-panel" aria-labelledby="suggestions-title">
          <h2 id="suggestions-title">{t('search.suggest.title')}</h2>
          <p className="muted">{t('search.suggest.newTab')}</p>
          <ul className="suggestion-list" aria-label={t('search.suggest.listLabel')}>
            {items.map((s) => (
              <li key={`${s.type}-${s.id}`}>
                {s.type === 'kb' ? (
                  <span className="badge badge-kb">{t('search.results.article')}</span>
                ) : (
                  <StatusBadge status={s.status ?? 'answered'} />
                )}{' '}
                <a
                  href={openHref({ type: s.type, id: s.id, from: 'suggest', visit: visitId })}
                  target="_blank"
                  rel="noopener noreferrer"
                  lang={s.language}
                  // Escaped by the search module, with only our own <mark> tags added.
                  dangerouslySetInnerHTML={{ __html: s.titleHtml }}
                />
                {s.detail ? (
                  <span
                    className="suggestion-detail"
                    lang={s.type === 'kb' ? s.language : undefined}
                  >
                    {s.type === 'kb' ? s.detail : translate(s.detail)}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : checked ? (
        <p className="notice" role="status">
          {t('search.suggest.nothing')}
        </p>
      ) : null}
    </div>
  )
}
