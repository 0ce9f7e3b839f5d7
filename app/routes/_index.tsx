import type { LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { QuestionSummary } from '~/components/question-summary'
import { getUser } from '~/modules/auth/auth.server'
import { listCategoriesWithCounts } from '~/modules/categories/categories.server'
import { listQuestions } from '~/modules/questions/questions.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await getUser(request)
  const recent = listQuestions({ sort: 'active', page: 1 })
  return json({ categories: listCategoriesWithCounts(), recent: recent.items.slice(0, 8) })
}

export default function Home() {
  const { categories, recent } = useLoaderData<typeof loader>()
  return (
    <div className="home">
      <section className="hero">
        <h1>How can we help?</h1>
        <p>
          Ask the Kopi Nusantara community about orders, shipping, payments and brewing. Helpers and
          our support team answer, and the best answers stay here for everyone.
        </p>
        <p className="hero-actions">
          <Link to="/ask" className="button">
            Ask a question
          </Link>
          <Link to="/questions?status=solved" className="button button-secondary">
            Browse solved questions
          </Link>
        </p>
      </section>

      <section aria-labelledby="categories-title">
        <h2 id="categories-title">Categories</h2>
        <ul className="category-grid">
          {categories.map((c) => (
            <li key={c.slug} className="category-card">
              <h3>
                <Link to={`/questions?category=${c.slug}`}>{c.name}</Link>
              </h3>
              <p>{c.description}</p>
              <p className="muted">
                {c.total} {c.total === 1 ? 'question' : 'questions'} · {c.solved} solved
                {c.open > 0 ? ` · ${c.open} waiting for an answer` : ''}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="recent-title">
        <div className="page-heading">
          <h2 id="recent-title">Recently active</h2>
          <Link to="/questions?sort=active">All questions →</Link>
        </div>
        {recent.length === 0 ? (
          <p className="empty">No questions yet. Be the first to ask.</p>
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
