import type {
  HeadersFunction,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Pagination } from '~/components/pagination'
import { StatusBadge } from '~/components/post-meta'
import { getUser } from '~/modules/auth/auth.server'
import { listCategories } from '~/modules/categories/categories.server'
import { can } from '~/modules/policy/policy'
import { logSearch, search } from '~/modules/search/search.server'
import { RESULT_COUNT_HEADER } from '~/utils/search-page-cache.server'
import { openHref, parseSearchParams, type SearchType } from '~/modules/search/validation'
import searchStyles from '~/styles/search.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: searchStyles }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.params.q ? `“${data.params.q.slice(0, 60)}” · Search · Tanya` : 'Search · Tanya' },
  { name: 'robots', content: 'noindex' },
]

export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const headers = new Headers()
  const found = loaderHeaders.get(RESULT_COUNT_HEADER)
  if (found !== null) headers.set(RESULT_COUNT_HEADER, found)
  return headers
}

export async function loader({ request }: LoaderFunctionArgs) {
  // Public: both engines only ever return visible, published content.
  const user = await getUser(request)
  const params = parseSearchParams(new URL(request.url).searchParams)
  const outcome = await search(params)
  const found = outcome.status === 'ok' ? outcome.total : null
  if (found !== null)
    logSearch({
      userId: user?.id ?? null,
      query: params.q,
      page: params.page,
      resultCount: found,
      userAgent: request.headers.get('user-agent'),
    })
  return json(
    {
      params,
      outcome,
      categories: listCategories(),
      canAsk: user === null || can(user, 'question.create', null),
    },
    // The page cache logs the searches it answers with this count (server.ts).
    { headers: found === null ? undefined : { [RESULT_COUNT_HEADER]: String(found) } },
  )
}

const TYPE_LABELS: Record<SearchType, string> = {
  all: 'Everything',
  kb: 'Knowledge base',
  threads: 'Community threads',
}

export default function SearchPage() {
  const { params, outcome, categories, canAsk } = useLoaderData<typeof loader>()
  const filtered = Boolean(params.category || params.tag || params.solved)
  const hrefWith = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams()
    const merged = { ...params, page: null, ...changes }
    for (const [k, v] of Object.entries(merged))
      if (v !== null && v !== undefined && v !== '' && !(k === 'type' && v === 'all'))
        next.set(k, String(v))
    return `/search?${next.toString()}`
  }
  const askHref = params.q ? `/ask?title=${encodeURIComponent(params.q.slice(0, 150))}` : '/ask'

  return (
    <div className="search-page">
      <h1>{params.q ? 'Search results' : 'Search'}</h1>
      <Form
        method="get"
        action="/search"
        role="search"
        // The header's search is "Site search"; this one carries the filters too.
        aria-label="Search with filters"
        className="search-form"
      >
        <div className="search-box">
          <label htmlFor="search-q">Search</label>
          <div className="search-box-row">
            <input
              id="search-q"
              type="search"
              name="q"
              defaultValue={params.q}
              placeholder="e.g. refund to GoPay, JNE tracking, sour V60"
              maxLength={2000}
              autoComplete="off"
            />
            <button type="submit" className="button">
              Search
            </button>
          </div>
        </div>
        <fieldset className="filters search-filters">
          <legend className="visually-hidden">Filters</legend>
          <label>
            Show
            <select name="type" defaultValue={params.type}>
              {(Object.keys(TYPE_LABELS) as SearchType[]).map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Category
            <select name="category" defaultValue={params.category ?? ''}>
              <option value="">All categories</option>
              {categories.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Tag
            <input
              name="tag"
              defaultValue={params.tag ?? ''}
              placeholder="e.g. gopay"
              maxLength={60}
            />
          </label>
          <label>
            Threads
            <select name="solved" defaultValue={params.solved ?? ''}>
              <option value="">Solved or not</option>
              <option value="solved">Solved only</option>
              <option value="unsolved">Not solved yet</option>
            </select>
          </label>
          <button type="submit" className="button button-secondary">
            Apply filters
          </button>
          {filtered ? (
            <Link to={hrefWith({ category: null, tag: null, solved: null })}>Clear filters</Link>
          ) : null}
        </fieldset>
      </Form>

      {outcome.status === 'empty' ? (
        <div className="search-intro">
          <p className="lead">
            One search covers the knowledge base and every community thread. Type what went wrong in
            a few words, like <Link to="/search?q=refund+GoPay">refund GoPay</Link> or{' '}
            <Link to="/search?q=JNE+tracking">JNE tracking</Link>.
          </p>
        </div>
      ) : outcome.status === 'unusable' ? (
        <p className="notice notice-warning" role="status">
          {outcome.message}
        </p>
      ) : (
        <>
          {outcome.notices.map((n) => (
            <p key={n} className="notice" role="status">
              {n}
            </p>
          ))}
          {outcome.total === 0 ? (
            <div className="empty-state">
              <h2>Nothing found for “{params.q.slice(0, 120)}”</h2>
              <p>
                {filtered
                  ? 'Nothing matches with these filters. Try clearing them, or use fewer words.'
                  : 'Try other or fewer words. If it is not here yet, the community can help.'}
              </p>
              {canAsk ? (
                <Link to={askHref} className="button">
                  Ask the community
                </Link>
              ) : null}
            </div>
          ) : (
            <>
              {outcome.kb && outcome.kb.total > 0 ? (
                <section className="search-section" aria-labelledby="kb-results">
                  <div className="search-section-heading">
                    <h2 id="kb-results">Knowledge base</h2>
                    <span className="muted">
                      {outcome.kb.total} {outcome.kb.total === 1 ? 'article' : 'articles'}
                    </span>
                  </div>
                  <ul className="result-list">
                    {outcome.kb.items.map((a) => (
                      <li key={a.id} className="result result-kb">
                        <h3 className="result-title">
                          <span className="badge badge-kb">Article</span>{' '}
                          <a
                            href={openHref({ type: 'kb', id: a.id, from: 'search', q: params.q })}
                            // Highlighted by the search module: escaped text plus our own <mark>s.
                            dangerouslySetInnerHTML={{ __html: a.titleHtml }}
                          />
                        </h3>
                        <p
                          className="result-snippet"
                          dangerouslySetInnerHTML={{ __html: a.summaryHtml }}
                        />
                        {a.category ? <p className="result-meta muted">{a.category.name}</p> : null}
                      </li>
                    ))}
                  </ul>
                  {params.type === 'all' && outcome.kb.total > outcome.kb.items.length ? (
                    <p className="result-more">
                      <Link to={hrefWith({ type: 'kb' })}>
                        All {outcome.kb.total} matching articles →
                      </Link>
                    </p>
                  ) : null}
                </section>
              ) : null}

              {outcome.threads ? (
                <section className="search-section" aria-labelledby="thread-results">
                  <div className="search-section-heading">
                    <h2 id="thread-results">Community threads</h2>
                    <span className="muted">
                      {outcome.threads.total} {outcome.threads.total === 1 ? 'thread' : 'threads'}
                    </span>
                  </div>
                  {outcome.threads.total === 0 ? (
                    <p className="empty">
                      No threads match{filtered ? ' with these filters' : ''}.{' '}
                      {canAsk ? <Link to={askHref}>Ask the community</Link> : null}
                    </p>
                  ) : (
                    <ul className="result-list">
                      {outcome.threads.items.map((t) => (
                        <li key={t.id} className="result">
                          <h3 className="result-title">
                            <a
                              href={openHref({
                                type: 'question',
                                id: t.id,
                                from: 'search',
                                q: params.q,
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
                            <Link to={`/questions?category=${t.category.slug}`}>
                              {t.category.name}
                            </Link>
                            {t.tags.map((tag) => (
                              <Link key={tag} to={hrefWith({ tag })} className="tag">
                                {tag}
                              </Link>
                            ))}
                          </p>
                        </li>
                      ))}
                    </ul>
                  )}
                  <Pagination page={outcome.threads.page} pageCount={outcome.threads.pageCount} />
                </section>
              ) : null}
              {params.type === 'kb' && outcome.kb ? (
                <Pagination page={outcome.kb.page} pageCount={outcome.kb.pageCount} />
              ) : null}
              {canAsk ? (
                <p className="search-ask muted">
                  Not what you were looking for? <Link to={askHref}>Ask the community</Link>.
                </p>
              ) : null}
            </>
          )}
        </>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
