import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Pagination } from '~/components/pagination'
import { QuestionSummary } from '~/components/question-summary'
import { getUser } from '~/modules/auth/auth.server'
import { listCategories } from '~/modules/categories/categories.server'
import { can } from '~/modules/policy/policy'
import { listQuestions } from '~/modules/questions/questions.server'
import {
  parseListFilters,
  QUESTION_SORTS,
  type ListFilterName,
} from '~/modules/questions/validation'

export const meta: MetaFunction = () => [{ title: 'Questions · Tanya' }]

export async function loader({ request }: LoaderFunctionArgs) {
  // Public list: visibility is decided in the query; the user only changes the controls shown.
  const user = await getUser(request)
  const url = new URL(request.url)
  const { filters, rejected } = parseListFilters(url.searchParams)
  const categories = listCategories()
  // A well-formed slug that names no category is as unknown as a malformed one.
  if (filters.category && !categories.some((c) => c.slug === filters.category)) {
    rejected.unshift({ name: 'category', value: filters.category })
    delete filters.category
  }
  return json(
    {
      filters,
      rejected,
      result: listQuestions(filters),
      categories,
      canAsk: user === null || can(user, 'question.create', null),
      deleted: url.searchParams.get('deleted') === '1',
    },
    // The list is still shown, without the filters we do not know, but it is not a good address.
    { status: rejected.length > 0 ? 400 : 200 },
  )
}

const FILTER_NAMES: Record<ListFilterName, string> = {
  category: 'category',
  tag: 'tag',
  status: 'status',
  sort: 'sort order',
  page: 'page',
}

const SORT_LABELS: Record<(typeof QUESTION_SORTS)[number], string> = {
  newest: 'Newest',
  active: 'Recently active',
  votes: 'Most votes',
}

export default function QuestionsPage() {
  const { filters, rejected, result, categories, canAsk, deleted } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const category = categories.find((c) => c.slug === filters.category)
  const heading = filters.tag
    ? `Questions tagged “${filters.tag}”`
    : category
      ? category.name
      : 'All questions'
  const sortHref = (sort: string) => {
    const next = new URLSearchParams(params)
    next.set('sort', sort)
    next.delete('page')
    return `?${next.toString()}`
  }
  return (
    <div>
      {deleted ? (
        <p className="notice" role="status">
          The question was deleted.
        </p>
      ) : null}
      {rejected.length > 0 ? (
        <div className="notice notice-warning" role="status">
          {rejected.map((r) => (
            <p key={r.name}>
              There is no {FILTER_NAMES[r.name]} “{r.value}”, so it is not applied.
            </p>
          ))}
        </div>
      ) : null}
      <div className="page-heading">
        <div>
          <h1>{heading}</h1>
          <p className="muted">
            {result.total.toLocaleString('en')} {result.total === 1 ? 'question' : 'questions'}
            {category ? ` · ${category.description}` : ''}
          </p>
        </div>
        {canAsk ? (
          <Link to={category ? `/ask?category=${category.slug}` : '/ask'} className="button">
            Ask a question
          </Link>
        ) : null}
      </div>

      <Form method="get" className="filters" aria-label="Filter questions">
        <label>
          Category
          <select name="category" defaultValue={filters.category ?? ''}>
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select name="status" defaultValue={filters.status ?? ''}>
            <option value="">Any status</option>
            <option value="open">Unanswered (waiting for a first answer)</option>
            <option value="answered">Answered</option>
            <option value="solved">Solved</option>
          </select>
        </label>
        <label>
          Tag
          <input name="tag" defaultValue={filters.tag ?? ''} placeholder="e.g. shipping" />
        </label>
        <input type="hidden" name="sort" value={filters.sort} />
        <button type="submit" className="button button-secondary">
          Apply filters
        </button>
        {filters.category || filters.status || filters.tag ? (
          <Link to="/questions">Clear</Link>
        ) : null}
      </Form>

      <nav className="sort-tabs" aria-label="Sort questions">
        {QUESTION_SORTS.map((s) => (
          <Link key={s} to={sortHref(s)} aria-current={filters.sort === s ? 'page' : undefined}>
            {SORT_LABELS[s]}
          </Link>
        ))}
      </nav>

      {result.items.length === 0 ? (
        <div className="empty-state">
          <h2>No questions here yet</h2>
          <p>
            {filters.category || filters.status || filters.tag
              ? 'Nothing matches these filters. Try clearing some of them.'
              : 'Be the first to ask: the community and the Kopi Nusantara team are here to help.'}
          </p>
          {canAsk ? (
            <Link to="/ask" className="button">
              Ask a question
            </Link>
          ) : null}
        </div>
      ) : (
        <ul className="question-list">
          {result.items.map((q) => (
            <QuestionSummary key={q.id} q={q} />
          ))}
        </ul>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
