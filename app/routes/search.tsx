import type {
  HeadersFunction,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Pagination } from '~/components/pagination'
import { KbResults, ThreadResults } from '~/components/search/results'
import { SearchForm } from '~/components/search/search-form'
import { getLanguage, getT } from '~/i18n/i18n.server'
import { useMessage } from '~/i18n/use-message'
import { getUser } from '~/modules/auth/auth.server'
import { listCategories } from '~/modules/categories/categories.server'
import { can } from '~/modules/policy/policy'
import { logSearch, search } from '~/modules/search/search.server'
import { RESULT_COUNT_HEADER } from '~/utils/search-page-cache.server'
import { parseSearchParams } from '~/modules/search/validation'
import searchStyles from '~/styles/search.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: searchStyles }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Tanya' },
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
  const [language, t] = [await getLanguage(request), await getT(request)]
  const outcome = await search({ ...params, language })
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
      title: params.q
        ? t('search.meta.withQuery', { q: params.q.slice(0, 60) })
        : t('search.meta.title'),
      params,
      outcome,
      categories: listCategories(language),
      canAsk: user === null || can(user, 'question.create', null),
    },
    // The page cache logs the searches it answers with this count (server.ts).
    { headers: found === null ? undefined : { [RESULT_COUNT_HEADER]: String(found) } },
  )
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
  const { t } = useTranslation()
  const translate = useMessage()
  const example = (words: string) => <Link to={`/search?q=${encodeURIComponent(words)}`} />

  return (
    <div className="search-page">
      <h1>{params.q ? t('search.page.resultsHeading') : t('search.page.heading')}</h1>
      <SearchForm
        params={params}
        categories={categories}
        clearHref={filtered ? hrefWith({ category: null, tag: null, solved: null }) : null}
      />

      {outcome.status === 'empty' ? (
        <div className="search-intro">
          <p className="lead">
            <Trans
              i18nKey="search.page.intro"
              values={{ one: t('search.page.exampleOne'), two: t('search.page.exampleTwo') }}
              components={{
                first: example(t('search.page.exampleOne')),
                second: example(t('search.page.exampleTwo')),
              }}
            />
          </p>
        </div>
      ) : outcome.status === 'unusable' ? (
        <p className="notice notice-warning" role="status">
          {translate(outcome.message)}
        </p>
      ) : (
        <>
          {outcome.correction ? (
            <p className="did-you-mean" role="status">
              <Trans
                i18nKey="search.didYouMean"
                values={{ correction: outcome.correction }}
                components={{
                  go: <Link to={hrefWith({ q: outcome.correction })} className="correction" />,
                }}
              />
            </p>
          ) : null}
          {outcome.notices.map((n) => (
            <p key={n} className="notice" role="status">
              {translate(n)}
            </p>
          ))}
          {outcome.total === 0 ? (
            <div className="empty-state">
              <h2>{t('search.page.nothingFound', { q: params.q.slice(0, 120) })}</h2>
              <p>
                {filtered ? t('search.page.nothingFiltered') : t('search.page.nothingTryOther')}
              </p>
              {canAsk ? (
                <Link to={askHref} className="button">
                  {t('search.page.ask')}
                </Link>
              ) : null}
            </div>
          ) : (
            <>
              {outcome.kb && outcome.kb.total > 0 ? (
                <KbResults
                  kb={outcome.kb}
                  q={params.q}
                  moreHref={params.type === 'all' ? hrefWith({ type: 'kb' }) : null}
                />
              ) : null}
              {outcome.threads ? (
                <ThreadResults
                  threads={outcome.threads}
                  q={params.q}
                  filtered={filtered}
                  askHref={canAsk ? askHref : null}
                  tagHref={(tag) => hrefWith({ tag })}
                />
              ) : null}
              {params.type === 'kb' && outcome.kb ? (
                <Pagination page={outcome.kb.page} pageCount={outcome.kb.pageCount} />
              ) : null}
              {canAsk ? (
                <p className="search-ask muted">
                  <Trans
                    i18nKey="search.page.notWhatYouWanted"
                    components={{ ask: <Link to={askHref} /> }}
                  />
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
