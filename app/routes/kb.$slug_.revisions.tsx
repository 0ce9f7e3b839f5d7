import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { RevisionHistory } from '~/components/revision-history'
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
      <RevisionHistory revisions={revisions} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
