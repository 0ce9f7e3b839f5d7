import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useNumber } from '../time'
import { openHref } from '~/modules/search/validation'
import { Pagination } from '../pagination'
import { StatusBadge } from '../post-meta'

type Section<T> = { items: T[]; total: number; page: number; pageCount: number }

type KbHitView = {
  id: number
  titleHtml: string
  summaryHtml: string
  language: string
  category: { name: string } | null
}

/** The knowledge-base part of a search: highlighted titles and summaries, articles first. */
export function KbResults({
  kb,
  q,
  moreHref,
}: {
  kb: Section<KbHitView>
  q: string
  /** Where "All N matching articles" leads, on a search of everything. */
  moreHref: string | null
}) {
  const { t } = useTranslation()
  const number = useNumber()
  return (
    <section className="search-section" aria-labelledby="kb-results">
      <div className="search-section-heading">
        <h2 id="kb-results">{t('search.results.kbHeading')}</h2>
        <span className="muted">
          {t('search.results.articles', { count: kb.total, n: number(kb.total) })}
        </span>
      </div>
      <ul className="result-list">
        {kb.items.map((a) => (
          <li key={a.id} className="result result-kb">
            <h3 className="result-title">
              <span className="badge badge-kb">{t('search.results.article')}</span>{' '}
              <a
                href={openHref({ type: 'kb', id: a.id, from: 'search', q: q })}
                lang={a.language}
                // Highlighted by the search module: escaped text plus our own <mark>s.
                dangerouslySetInnerHTML={{ __html: a.titleHtml }}
              />
            </h3>
            <p
              className="result-snippet"
              lang={a.language}
              dangerouslySetInnerHTML={{ __html: a.summaryHtml }}
            />
            {a.category ? <p className="result-meta muted">{a.category.name}</p> : null}
          </li>
        ))}
      </ul>
      {moreHref && kb.total > kb.items.length ? (
        <p className="result-more">
          <Link to={moreHref}>{t('search.results.allArticles', { n: number(kb.total) })}</Link>
        </p>
      ) : null}
    </section>
  )
}

type ThreadHitView = {
  id: number
  titleHtml: string
  language: string
  snippetLanguage: string
  snippetHtml: string
  snippetFrom: 'question' | 'answer'
  status: 'open' | 'answered' | 'solved'
  closedReason: string | null
  answerCount: number
  category: { slug: string; name: string }
  tags: string[]
}

/** The community part of a search: threads with their best snippet, state and tags, paged. */
export function ThreadResults({
  threads,
  q,
  filtered,
  askHref,
  tagHref,
}: {
  threads: Section<ThreadHitView>
  q: string
  filtered: boolean
  askHref: string | null
  tagHref: (tag: string) => string
}) {
  const { t } = useTranslation()
  const number = useNumber()
  return (
    <section className="search-section" aria-labelledby="thread-results">
      <div className="search-section-heading">
        <h2 id="thread-results">{t('search.results.threadsHeading')}</h2>
        <span className="muted">
          {t('search.results.threads', { count: threads.total, n: number(threads.total) })}
        </span>
      </div>
      {threads.total === 0 ? (
        <p className="empty">
          {filtered ? t('search.results.noThreadsFiltered') : t('search.results.noThreads')}{' '}
          {askHref ? <Link to={askHref}>{t('search.page.ask')}</Link> : null}
        </p>
      ) : (
        <ul className="result-list">
          {threads.items.map((hit) => (
            <li key={hit.id} className="result">
              <h3 className="result-title">
                <a
                  href={openHref({
                    type: 'question',
                    id: hit.id,
                    from: 'search',
                    q: q,
                  })}
                  lang={hit.language}
                  dangerouslySetInnerHTML={{ __html: hit.titleHtml }}
                />
              </h3>
              {hit.snippetHtml ? (
                <p className="result-snippet">
                  {hit.snippetFrom === 'answer' ? (
                    <span className="result-from">{t('search.results.acceptedAnswer')} </span>
                  ) : null}
                  <span
                    lang={hit.snippetLanguage}
                    dangerouslySetInnerHTML={{ __html: hit.snippetHtml }}
                  />
                </p>
              ) : null}
              <p className="result-meta">
                <StatusBadge status={hit.status} closedReason={hit.closedReason} />
                <span className="muted">
                  {t('search.results.answers', { count: hit.answerCount })}
                </span>
                <Link to={`/questions?category=${hit.category.slug}`}>{hit.category.name}</Link>
                {hit.tags.map((tag) => (
                  <Link key={tag} to={tagHref(tag)} className="tag">
                    {tag}
                  </Link>
                ))}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={threads.page} pageCount={threads.pageCount} />
    </section>
  )
}
