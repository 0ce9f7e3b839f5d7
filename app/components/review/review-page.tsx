import { Form, Link, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useMessage } from '~/i18n/use-message'
import { FLAG_REASON_LABELS, FLAG_REASONS } from '~/modules/flags/validation'
import { Pagination } from '../pagination'
import { useNumber } from '../time'
import { ReviewItem, type ReviewItemView, type ReviewReply } from './review-item'

export const REVIEW_DONE = [
  'claim',
  'release',
  'approve',
  'ignore',
  'hide',
  'delete',
  'spammer',
  'restore',
  'edited',
] as const
export type ReviewDone = (typeof REVIEW_DONE)[number]

const DONE_KEY = {
  claim: 'flags.review.done.claimed',
  release: 'flags.review.done.released',
  approve: 'flags.review.done.approve',
  ignore: 'flags.review.done.ignore',
  hide: 'flags.review.done.hide',
  delete: 'flags.review.done.delete',
  spammer: 'flags.review.done.spammer',
  restore: 'flags.review.done.restore',
  edited: 'flags.review.done.edited',
} as const

type Props = {
  queue: { items: ReviewItemView[]; total: number; page: number; pages: number }
  filters: { reason?: string; kind?: string }
  done: ReviewDone | null
  claimMinutes: number
  mayDecide: boolean
  reply: ReviewReply
}

/** The review queue: filters, what just happened, the items oldest first, and pages. */
export function ReviewPage({ queue, filters, done, claimMinutes, mayDecide, reply }: Props) {
  const { t } = useTranslation()
  const message = useMessage()
  const number = useNumber()
  const location = useLocation()
  // The forms post to this view of the queue, so the redirect comes back to it.
  const here = new URLSearchParams(location.search)
  here.delete('done')
  const query = here.toString()
  const action = `/review${query ? `?${query}` : ''}`
  const filtered = Boolean(filters.reason || filters.kind)
  return (
    <div className="review">
      <div className="page-heading">
        <div>
          <h1>{t('flags.review.page.heading')}</h1>
          <p className="lead">{t('flags.review.page.intro')}</p>
        </div>
      </div>
      {reply.conflict ? (
        <p className="notice notice-warning" role="alert">
          {message(reply.conflict)}
        </p>
      ) : done ? (
        <p className="notice" role="status">
          {t(DONE_KEY[done], { count: claimMinutes })}
        </p>
      ) : null}
      <Form method="get" className="filter-bar" aria-label={t('flags.review.page.filters')}>
        <label>
          {t('flags.review.page.reason')}{' '}
          <select name="reason" defaultValue={filters.reason ?? ''}>
            <option value="">{t('flags.review.page.anyReason')}</option>
            {FLAG_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(FLAG_REASON_LABELS[r])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('flags.review.page.kind')}{' '}
          <select name="kind" defaultValue={filters.kind ?? ''}>
            <option value="">{t('flags.review.page.anyKind')}</option>
            <option value="question">{t('flags.review.page.questions')}</option>
            <option value="answer">{t('flags.review.page.answers')}</option>
          </select>
        </label>
        <button type="submit" className="button button-secondary button-small">
          {t('flags.review.page.apply')}
        </button>
      </Form>
      <h2 className="review-count">
        {t('flags.review.page.total', { count: queue.total, value: number(queue.total) })}
      </h2>
      {queue.items.length === 0 ? (
        <div className="empty-state">
          <p>{filtered ? t('flags.review.page.emptyFiltered') : t('flags.review.page.empty')}</p>
          {filtered ? (
            <p>
              <Link to="/review">{t('flags.review.page.showAll')}</Link>
            </p>
          ) : null}
        </div>
      ) : (
        <ol className="review-list">
          {queue.items.map((item) => (
            <ReviewItem
              key={item.id}
              item={item}
              action={action}
              mayDecide={mayDecide}
              reply={reply}
            />
          ))}
        </ol>
      )}
      <Pagination page={queue.page} pageCount={queue.pages} />
    </div>
  )
}
