import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { RevisionHistory } from '~/components/revision-history'
import { getLanguage, getT } from '~/i18n/i18n.server'
import { msg, translateMessage } from '~/i18n/message'
import { getUser } from '~/modules/auth/auth.server'
import { getArticlePage, getArticleRevisions } from '~/modules/kb/kb.server'
import { KB_SLUG_PATTERN } from '~/modules/kb/validation'
import { notFound } from '~/utils/http.server'
import kbStyles from '~/styles/kb.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: kbStyles }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  // The history is as public as the article: drafts and archived ones only for managers.
  const user = await getUser(request)
  const slug = params.slug ?? ''
  const page = KB_SLUG_PATTERN.test(slug)
    ? getArticlePage(slug, user, await getLanguage(request))
    : null
  if (!page) notFound(msg('errors.notFound.article'))
  const t = await getT(request)
  return json({
    title: t('kb.meta.history', { title: page.article.title }),
    article: { slug: page.article.slug, title: page.article.title },
    // Notes the site wrote itself ("Promoted from question #3") are descriptors; an editor's
    // own words stay as they were written.
    revisions: getArticleRevisions(page.article.id).map((r) => ({
      ...r,
      comment: translateMessage(t, r.comment),
    })),
  })
}

export default function ArticleHistory() {
  const { article, revisions } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <div className="narrow">
      <p>
        <Link to={`/kb/${article.slug}`}>{t('kb.history.back')}</Link>
      </p>
      <h1>{t('kb.history.title', { title: article.title })}</h1>
      <RevisionHistory revisions={revisions} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
