import { Link } from '@remix-run/react'
import { openHref } from '~/modules/search/validation'
import { Pagination } from '../pagination'
import { StatusBadge } from '../post-meta'

type Section<T> = { items: T[]; total: number; page: number; pageCount: number }

type KbHitView = {
  id: number
  titleHtml: string
  summaryHtml: string
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
  return (
    <section className="search-section" aria-labelledby="kb-results">
      <div className="search-section-heading">
        <h2 id="kb-results">Knowledge base</h2>
        <span className="muted">
          {kb.total} {kb.total === 1 ? 'article' : 'articles'}
        </span>
      </div>
      <ul className="result-list">
        {kb.items.map((a) => (
          <li key={a.id} className="result result-kb">
            <h3 className="result-title">
              <span className="badge badge-kb">Article</span>{' '}
              <a
                href={openHref({ type: 'kb', id: a.id, from: 'search', q: q })}
                // Highlighted by the search module: escaped text plus our own <mark>s.
                dangerouslySetInnerHTML={{ __html: a.titleHtml }}
              />
            </h3>
            <p className="result-snippet" dangerouslySetInnerHTML={{ __html: a.summaryHtml }} />
            {a.category ? <p className="result-meta muted">{a.category.name}</p> : null}
          </li>
        ))}
      </ul>
      {moreHref && kb.total > kb.items.length ? (
        <p className="result-more">
          <Link to={moreHref}>All {kb.total} matching articles →</Link>
        </p>
      ) : null}
    </section>
  )
}

type ThreadHitView = {
  id: number
  titleHtml: string
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
  return (
    <section className="search-section" aria-labelledby="thread-results">
      <div className="search-section-heading">
        <h2 id="thread-results">Community threads</h2>
        <span className="muted">
          {threads.total} {threads.total === 1 ? 'thread' : 'threads'}
        </span>
      </div>
      {threads.total === 0 ? (
        <p className="empty">
          No threads match{filtered ? ' with these filters' : ''}.{' '}
          {askHref ? <Link to={askHref}>Ask the community</Link> : null}
        </p>
      ) : (
        <ul className="result-list">
          {threads.items.map((t) => (
            <li key={t.id} className="result">
              <h3 className="result-title">
                <a
                  href={openHref({
                    type: 'question',
                    id: t.id,
                    from: 'search',
                    q: q,
                  })}
                  dangerouslySetInnerHTML={{ __html: t.titleHtml }}
                />
              </h3>
              {t.snippetHtml ? (
                <p className="result-snippet">
                  {t.snippetFrom === 'answer' ? (
                    <span className="result-from">Accepted answer: </span>
                  ) : null}
                  <span dangerouslySetInnerHTML={{ __html: t.snippetHtml }} />
                </p>
              ) : null}
              <p className="result-meta">
                <StatusBadge status={t.status} closedReason={t.closedReason} />
                <span className="muted">
                  {t.answerCount} {t.answerCount === 1 ? 'answer' : 'answers'}
                </span>
                <Link to={`/questions?category=${t.category.slug}`}>{t.category.name}</Link>
                {t.tags.map((tag) => (
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
