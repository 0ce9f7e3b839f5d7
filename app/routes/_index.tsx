import type { LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { QuestionSummary } from '~/components/question-summary'
import { useNumber } from '~/components/time'
import { getLanguage } from '~/i18n/i18n.server'
import { getUser } from '~/modules/auth/auth.server'
import { listCategoriesWithCounts } from '~/modules/categories/categories.server'
import { listQuestions } from '~/modules/questions/questions.server'

// No meta of its own: the home page is titled and described by the root, in the page's language.

export async function loader({ request }: LoaderFunctionArgs) {
  await getUser(request)
  // Category names and descriptions are in the page's language, English where one has none.
  const language = await getLanguage(request)
  const recent = listQuestions({ sort: 'active', page: 1 }, language)
  return json({
    categories: listCategoriesWithCounts(language),
    recent: recent.items.slice(0, 8),
  })
}

export default function Home() {
  const { categories, recent } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const number = useNumber()
  return (
    <div className="home">
      <section className="hero">
        <h1>{t('community.home.title')}</h1>
        <p>{t('community.home.lead')}</p>
        <p className="hero-actions">
          <Link to="/ask" className="button">
            {t('nav.ask')}
          </Link>
          <Link to="/questions?status=solved" className="button button-secondary">
            {t('community.home.browseSolved')}
          </Link>
        </p>
      </section>

      <section aria-labelledby="categories-title">
        <h2 id="categories-title">{t('community.home.categories')}</h2>
        <ul className="category-grid">
          {categories.map((c) => (
            <li key={c.slug} className="category-card">
              <h3>
                <Link to={`/questions?category=${c.slug}`}>{c.name}</Link>
              </h3>
              <p>{c.description}</p>
              <p className="muted">
                {[
                  t('community.home.questions', { count: c.total, value: number(c.total) }),
                  t('community.home.solved', { value: number(c.solved) }),
                  c.open > 0 ? t('community.home.waiting', { value: number(c.open) }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="recent-title">
        <div className="page-heading">
          <h2 id="recent-title">{t('community.home.recent')}</h2>
          <Link to="/questions?sort=active">{t('community.home.allQuestions')}</Link>
        </div>
        {recent.length === 0 ? (
          <p className="empty">{t('community.home.empty')}</p>
        ) : (
          <ul className="question-list">
            {recent.map((q) => (
              <QuestionSummary key={q.id} q={q} />
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
