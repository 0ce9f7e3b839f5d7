import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Pagination } from '~/components/pagination'
import { FollowButton } from '~/components/mail/follow-button'
import { QuestionFilters } from '~/components/question-filters'
import { QuestionSummary } from '~/components/question-summary'
import { useNumber } from '~/components/time'
import { getLanguage, getT } from '~/i18n/i18n.server'
import type { MessageKey } from '~/i18n/keys'
import { getUser } from '~/modules/auth/auth.server'
import { listCategories } from '~/modules/categories/categories.server'
import { listFollowTarget } from '~/modules/notifications/follows.server'
import { can } from '~/modules/policy/policy'
import { listQuestions } from '~/modules/questions/questions.server'
import { parseListFilters, type ListFilterName } from '~/modules/questions/validation'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

export async function loader({ request }: LoaderFunctionArgs) {
  // Public list: visibility is decided in the query; the user only changes the controls shown.
  const user = await getUser(request)
  const url = new URL(request.url)
  const t = await getT(request)
  const language = await getLanguage(request)
  const { filters, rejected } = parseListFilters(url.searchParams)
  const categories = listCategories(language)
  // A well-formed slug that names no category is as unknown as a malformed one.
  if (filters.category && !categories.some((c) => c.slug === filters.category)) {
    rejected.unshift({ name: 'category', value: filters.category })
    delete filters.category
  }
  return json(
    {
      title: t('questions.list.meta'),
      filters,
      rejected,
      result: listQuestions(filters, language),
      categories,
      canAsk: user === null || can(user, 'question.create', null),
      deleted: url.searchParams.get('deleted') === '1',
      follow: listFollowTarget(user?.id ?? null, filters),
    },
    // The list is still shown, without the filters we do not know, but it is not a good address.
    { status: rejected.length > 0 ? 400 : 200 },
  )
}

/** "There is no status “weird”": one whole sentence per filter, as each language words it. */
const REJECTED: Record<ListFilterName, MessageKey> = {
  category: 'questions.list.rejected.category',
  tag: 'questions.list.rejected.tag',
  status: 'questions.list.rejected.status',
  sort: 'questions.list.rejected.sort',
  page: 'questions.list.rejected.page',
}

export default function QuestionsPage() {
  const { filters, rejected, result, categories, canAsk, deleted, follow } =
    useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const number = useNumber()
  const category = categories.find((c) => c.slug === filters.category)
  const heading = filters.tag
    ? t('questions.list.tagged', { tag: filters.tag })
    : category
      ? category.name
      : t('questions.list.all')
  return (
    <div>
      {deleted ? (
        <p className="notice" role="status">
          {t('questions.list.deleted')}
        </p>
      ) : null}
      {rejected.length > 0 ? (
        <div className="notice notice-warning" role="status">
          {rejected.map((r) => (
            <p key={r.name}>{t(REJECTED[r.name], { value: r.value })}</p>
          ))}
        </div>
      ) : null}
      <div className="page-heading">
        <div>
          <h1>{heading}</h1>
          <p className="muted">
            {t('questions.list.count', { count: result.total, value: number(result.total) })}
            {category ? ` · ${category.description}` : ''}
          </p>
          {follow ? (
            <FollowButton
              {...follow}
              name={follow.type === 'tag' ? (filters.tag ?? '') : (category?.name ?? '')}
              returnTo={`/questions?${follow.type}=${encodeURIComponent(filters.tag ?? category?.slug ?? '')}`}
            />
          ) : null}
        </div>
        {canAsk ? (
          <Link to={category ? `/ask?category=${category.slug}` : '/ask'} className="button">
            {t('nav.ask')}
          </Link>
        ) : null}
      </div>

      <QuestionFilters filters={filters} categories={categories} />

      {result.items.length === 0 ? (
        <div className="empty-state">
          <h2>{t('questions.list.emptyTitle')}</h2>
          <p>
            {filters.category || filters.status || filters.tag
              ? t('questions.list.emptyFiltered')
              : t('questions.list.emptyFirst')}
          </p>
          {canAsk ? (
            <Link to="/ask" className="button">
              {t('nav.ask')}
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
