import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { RelativeTime } from '~/components/time'
import { getLanguage, getT } from '~/i18n/i18n.server'
import { useMessage } from '~/i18n/use-message'
import { getUser } from '~/modules/auth/auth.server'
import { countDueForReview, listDrafts, listKbHome } from '~/modules/kb/kb.server'
import { countPendingCandidates } from '~/modules/kb/promotion.server'
import { can } from '~/modules/policy/policy'
import kbStyles from '~/styles/kb.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: kbStyles }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Tanya' },
  ...(data ? [{ name: 'description', content: data.description }] : []),
]

export async function loader({ request }: LoaderFunctionArgs) {
  // Public page: only published articles are listed; managers also get their work lists.
  const user = await getUser(request)
  const manage = can(user, 'kb.manage', null)
  const t = await getT(request)
  return json({
    title: t('kb.meta.home'),
    description: t('kb.meta.homeDescription'),
    home: listKbHome(await getLanguage(request)),
    manage: manage
      ? { due: countDueForReview(), candidates: countPendingCandidates(), drafts: listDrafts() }
      : null,
  })
}

export default function KbHome() {
  const { home, manage } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const translate = useMessage()
  return (
    <div>
      <div className="page-heading">
        <div>
          <h1>{t('kb.home.title')}</h1>
          <p className="lead">{t('kb.home.lead')}</p>
          <Form method="get" action="/search" className="kb-search" role="search">
            <label htmlFor="kb-search" className="visually-hidden">
              {t('kb.home.searchLabel')}
            </label>
            <input
              id="kb-search"
              type="search"
              name="q"
              maxLength={200}
              placeholder={t('kb.home.searchPlaceholder')}
            />
            <button type="submit" className="button">
              {t('kb.home.searchButton')}
            </button>
          </Form>
        </div>
      </div>

      {manage ? (
        <nav className="kb-toolbar" aria-label={t('kb.home.tools')}>
          <strong>{t('kb.home.forModerators')}</strong>
          <Link to="/kb/new">{t('kb.home.newArticle')}</Link>
          <Link to="/kb/candidates">
            {t('kb.home.promotionQueue')}
            <span className="kb-count">{manage.candidates}</span>
          </Link>
          <Link to="/kb/review">
            {t('kb.home.dueForReview')}
            <span className="kb-count">{manage.due}</span>
          </Link>
        </nav>
      ) : null}

      <div className="kb-home">
        <div>
          {home.groups.length === 0 ? (
            <div className="empty-state">
              <h2>{t('kb.home.emptyTitle')}</h2>
              <p>{t('kb.home.emptyText')}</p>
            </div>
          ) : (
            home.groups.map((g) => (
              <section
                key={g.category.slug}
                className="kb-category"
                aria-labelledby={`kb-cat-${g.category.slug}`}
              >
                {/* A category's name is stored content; the catch-all group's is a message. */}
                <h2 id={`kb-cat-${g.category.slug}`}>{translate(g.category.name)}</h2>
                {g.category.description ? <p className="muted">{g.category.description}</p> : null}
                <ul className="kb-list">
                  {g.articles.map((a) => (
                    <li key={a.slug}>
                      <h3 lang={a.language}>
                        <Link to={`/kb/${a.slug}`}>{a.title}</Link>
                      </h3>
                      <p lang={a.language}>{a.summary}</p>
                      {a.solvedCount > 0 ? (
                        <p className="kb-list-meta">
                          <span className="kb-solved">
                            {t('kb.article.solved', { count: a.solvedCount })}
                          </span>
                        </p>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </section>
            ))
          )}
        </div>
        <aside className="kb-aside" aria-labelledby="kb-most-read">
          <h2 id="kb-most-read">{t('kb.home.mostRead')}</h2>
          {home.mostRead.length === 0 ? (
            <p className="muted">{t('kb.home.nothingYet')}</p>
          ) : (
            <ol>
              {home.mostRead.map((a) => (
                <li key={a.slug} lang={a.language}>
                  <Link to={`/kb/${a.slug}`}>{a.title}</Link>
                </li>
              ))}
            </ol>
          )}
          {manage && manage.drafts.length > 0 ? (
            <>
              <h2 className="kb-section">{t('kb.home.drafts')}</h2>
              <ul className="kb-sources">
                {manage.drafts.map((d) => (
                  <li key={d.slug}>
                    <Link to={`/kb/${d.slug}`} lang={d.language}>
                      {d.title}
                    </Link>{' '}
                    <span className="muted">
                      · <RelativeTime value={d.updatedAt} />
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="muted kb-section">
            <Trans i18nKey="kb.home.cantFind" components={{ ask: <Link to="/ask" /> }} />
          </p>
        </aside>
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
