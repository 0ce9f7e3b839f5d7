import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { RelativeTime } from '~/components/time'
import { getUser } from '~/modules/auth/auth.server'
import { countDueForReview, listDrafts, listKbHome } from '~/modules/kb/kb.server'
import { countPendingCandidates } from '~/modules/kb/promotion.server'
import { can } from '~/modules/policy/policy'
import kbStyles from '~/styles/kb.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: kbStyles }]

export const meta: MetaFunction = () => [
  { title: 'Knowledge base · Tanya' },
  {
    name: 'description',
    content:
      'Guides from the Kopi Nusantara team and community: shipping, refunds, payments, brewing.',
  },
]

export async function loader({ request }: LoaderFunctionArgs) {
  // Public page: only published articles are listed; managers also get their work lists.
  const user = await getUser(request)
  const manage = can(user, 'kb.manage', null)
  return json({
    home: listKbHome(),
    manage: manage
      ? { due: countDueForReview(), candidates: countPendingCandidates(), drafts: listDrafts() }
      : null,
  })
}

export default function KbHome() {
  const { home, manage } = useLoaderData<typeof loader>()
  return (
    <div>
      <div className="page-heading">
        <div>
          <h1>Knowledge base</h1>
          <p className="lead">
            Answers worth keeping: written by the Kopi Nusantara team and grown from the
            community&apos;s best threads.
          </p>
          <Form method="get" action="/search" className="kb-search" role="search">
            <label htmlFor="kb-search" className="visually-hidden">
              Search articles and questions
            </label>
            <input
              id="kb-search"
              type="search"
              name="q"
              maxLength={200}
              placeholder="e.g. refund GoPay"
            />
            <button type="submit" className="button">
              Search
            </button>
          </Form>
        </div>
      </div>

      {manage ? (
        <nav className="kb-toolbar" aria-label="Knowledge base tools">
          <strong>For moderators:</strong>
          <Link to="/kb/new">New article</Link>
          <Link to="/kb/candidates">
            Promotion queue<span className="kb-count">{manage.candidates}</span>
          </Link>
          <Link to="/kb/review">
            Due for review<span className="kb-count">{manage.due}</span>
          </Link>
        </nav>
      ) : null}

      <div className="kb-home">
        <div>
          {home.groups.length === 0 ? (
            <div className="empty-state">
              <h2>No articles yet</h2>
              <p>Articles appear here once they are published.</p>
            </div>
          ) : (
            home.groups.map((g) => (
              <section
                key={g.category.slug}
                className="kb-category"
                aria-labelledby={`kb-cat-${g.category.slug}`}
              >
                <h2 id={`kb-cat-${g.category.slug}`}>{g.category.name}</h2>
                {g.category.description ? <p className="muted">{g.category.description}</p> : null}
                <ul className="kb-list">
                  {g.articles.map((a) => (
                    <li key={a.slug}>
                      <h3>
                        <Link to={`/kb/${a.slug}`}>{a.title}</Link>
                      </h3>
                      <p>{a.summary}</p>
                      {a.solvedCount > 0 ? (
                        <p className="kb-list-meta">
                          <span className="kb-solved">
                            Solved {a.solvedCount} {a.solvedCount === 1 ? 'question' : 'questions'}
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
          <h2 id="kb-most-read">Most read</h2>
          {home.mostRead.length === 0 ? (
            <p className="muted">Nothing yet.</p>
          ) : (
            <ol>
              {home.mostRead.map((a) => (
                <li key={a.slug}>
                  <Link to={`/kb/${a.slug}`}>{a.title}</Link>
                </li>
              ))}
            </ol>
          )}
          {manage && manage.drafts.length > 0 ? (
            <>
              <h2 className="kb-section">Drafts</h2>
              <ul className="kb-sources">
                {manage.drafts.map((d) => (
                  <li key={d.slug}>
                    <Link to={`/kb/${d.slug}`}>{d.title}</Link>{' '}
                    <span className="muted">
                      · <RelativeTime value={d.updatedAt} />
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="muted kb-section">
            Can&apos;t find it? <Link to="/ask">Ask the community</Link>.
          </p>
        </aside>
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
