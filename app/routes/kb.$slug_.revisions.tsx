import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Diff } from '~/components/revision-history'
import { RelativeTime } from '~/components/time'
import { getUser } from '~/modules/auth/auth.server'
import { getArticlePage, getArticleRevisions } from '~/modules/kb/kb.server'
import { KB_SLUG_PATTERN } from '~/modules/kb/validation'
import { notFound } from '~/utils/http.server'
import kbStyles from '~/styles/kb.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: kbStyles }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `History: ${data.article.title} · Tanya` : 'History · Tanya' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  // The history is as public as the article: drafts and archived ones only for managers.
  const user = await getUser(request)
  const slug = params.slug ?? ''
  const page = KB_SLUG_PATTERN.test(slug) ? getArticlePage(slug, user) : null
  if (!page) notFound('Article not found')
  return json({
    article: { slug: page.article.slug, title: page.article.title },
    revisions: getArticleRevisions(page.article.id),
  })
}

export default function ArticleHistory() {
  const { article, revisions } = useLoaderData<typeof loader>()
  return (
    <div className="narrow">
      <p>
        <Link to={`/kb/${article.slug}`}>← Back to the article</Link>
      </p>
      <h1>History of “{article.title}”</h1>
      <ol className="revisions">
        {revisions.map((r) => (
          <li key={r.number} className="revision" aria-label={`Revision ${r.number}`}>
            <header className="revision-header">
              <h2>
                Revision {r.number}
                {r.number === 1 ? <span className="muted"> · original</span> : null}
              </h2>
              <p className="muted">
                {r.author ? (
                  <Link to={`/users/${r.author.handle}`}>{r.author.displayName}</Link>
                ) : (
                  'Shipped content'
                )}{' '}
                · <RelativeTime value={r.createdAt} />
              </p>
            </header>
            {r.comment ? <p className="revision-comment">“{r.comment}”</p> : null}
            {r.titleDiff ? (
              <p className="revision-field">
                <strong>Title:</strong> <Diff parts={r.titleDiff} />
              </p>
            ) : r.number === 1 ? (
              <p className="revision-field">
                <strong>Title:</strong> {r.title}
              </p>
            ) : null}
            {r.summaryDiff ? (
              <p className="revision-field">
                <strong>Summary:</strong> <Diff parts={r.summaryDiff} />
              </p>
            ) : null}
            {r.tagsDiff ? (
              <p className="revision-field">
                <strong>Tags:</strong> <Diff parts={r.tagsDiff} />
              </p>
            ) : null}
            <pre className="revision-body">
              <Diff parts={r.bodyDiff} />
            </pre>
          </li>
        ))}
      </ol>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
