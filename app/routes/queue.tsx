import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Pagination } from '~/components/pagination'
import { FollowSomething, QueueFilters, QueueRow } from '~/components/privacy/queue-list'
import { useNumber } from '~/components/time'
import { getLanguage, getT } from '~/i18n/i18n.server'
import { can } from '~/modules/policy/policy'
import { listQueue } from '~/modules/queue/queue.server'
import { parseQueueFilters } from '~/modules/queue/validation'
import { Forbidden } from '~/utils/domain-errors'
import { requireUser } from '~/utils/session.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  if (!can(user, 'queue.view', null)) throw new Forbidden('queue.view')
  const filters = parseQueueFilters(new URL(request.url).searchParams)
  const t = await getT(request)
  const queue = listQueue(user, filters, await getLanguage(request))
  return json({
    title: t('privacy.queue.meta'),
    filters: {
      category: queue.rejected.includes('category') ? undefined : filters.category,
      tag: queue.rejected.includes('tag') ? undefined : filters.tag,
    },
    queue,
  })
}

export default function QueuePage() {
  const { filters, queue } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const number = useNumber()
  const followsNothing = queue.followed.categories.length === 0 && queue.followed.tags.length === 0
  const filtered = Boolean(filters.category || filters.tag)
  return (
    <div>
      <h1>{t('privacy.queue.heading')}</h1>
      <p className="lead">{t('privacy.queue.lead')}</p>
      {followsNothing ? (
        <FollowSomething />
      ) : (
        <>
          <QueueFilters
            categories={queue.followed.categories}
            tags={queue.followed.tags}
            category={filters.category}
            tag={filters.tag}
          />
          <p className="muted" role="status">
            {t('privacy.queue.count', { count: queue.total, value: number(queue.total) })}
          </p>
          {queue.items.length === 0 ? (
            <p className="empty-state">
              {filtered ? t('privacy.queue.emptyFiltered') : t('privacy.queue.empty')}
            </p>
          ) : (
            <ul className="question-list">
              {queue.items.map((q) => (
                <QueueRow key={q.id} q={q} />
              ))}
            </ul>
          )}
          <Pagination page={queue.page} pageCount={queue.pageCount} />
        </>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
