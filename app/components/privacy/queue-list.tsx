import { Form, Link } from '@remix-run/react'
import type { SerializeFrom } from '@remix-run/node'
import { Trans, useTranslation } from 'react-i18next'
import { PEOPLES_WORDS } from '~/i18n/trans'
import type { QueueItem } from '~/modules/queue/queue.server'
import { threadPath } from '~/utils/slug'
import { StatusBadge, TagList } from '../post-meta'
import { CategorySelect } from '~/components/category-select'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** "2 d 3 h", "5 h 10 min", "4 min": the two largest units, in the reader's language. */
export function useDuration() {
  const { t } = useTranslation()
  return (ms: number) => {
    const minutes = Math.max(0, Math.floor(ms / MINUTE))
    const d = Math.floor(minutes / (DAY / MINUTE))
    const h = Math.floor((minutes % (DAY / MINUTE)) / 60)
    const m = minutes % 60
    const parts =
      d > 0
        ? [t('privacy.queue.units.d', { n: d }), h > 0 ? t('privacy.queue.units.h', { n: h }) : '']
        : h > 0
          ? [
              t('privacy.queue.units.h', { n: h }),
              m > 0 ? t('privacy.queue.units.m', { n: m }) : '',
            ]
          : [t('privacy.queue.units.m', { n: m })]
    return parts.filter(Boolean).join(' ')
  }
}

/** One waiting question: title, where it is, how long it has waited, when it escalates. */
export function QueueRow({ q }: { q: SerializeFrom<QueueItem> }) {
  const { t } = useTranslation()
  const duration = useDuration()
  return (
    <li className="question-summary">
      <div className="summary-main">
        <h3 className="summary-title" lang={q.language}>
          <Link to={threadPath(q)}>{q.title}</Link>
        </h3>
        <p className="queue-timing">
          <span>{t('privacy.queue.waited', { duration: duration(q.waitedMs) })}</span>
          {q.timing === 'escalated' ? (
            <span className="queue-late">{t('privacy.queue.escalated')}</span>
          ) : q.timing === 'overdue' ? (
            <span className="queue-late">{t('privacy.queue.overdue')}</span>
          ) : q.timing === 'due' && q.dueInMs !== null ? (
            <span>{t('privacy.queue.escalatesIn', { duration: duration(q.dueInMs) })}</span>
          ) : (
            <span className="muted">{t('privacy.queue.noTarget')}</span>
          )}
        </p>
        <div className="summary-footer">
          <StatusBadge status={q.status} closedReason={null} />
          <Link to={`/queue?category=${q.category.slug}`} className="category-link">
            {q.category.name}
          </Link>
          <TagList tags={q.tags} />
          <span className="muted summary-by">
            <Trans
              i18nKey="privacy.queue.askedBy"
              {...PEOPLES_WORDS}
              values={{ name: q.author.displayName }}
            />
          </span>
        </div>
      </div>
    </li>
  )
}

/** Category and tag filters as a plain GET form: they work without JavaScript. */
export function QueueFilters({
  categories,
  tags,
  category,
  tag,
}: {
  categories: { slug: string; name: string }[]
  tags: { name: string }[]
  category?: string
  tag?: string
}) {
  const { t } = useTranslation()
  return (
    <Form method="get" className="queue-filters" aria-label={t('privacy.queue.filters')}>
      {categories.length > 0 ? (
        <div className="field">
          <label htmlFor="queue-category">{t('privacy.queue.category')}</label>
          <CategorySelect
            id="queue-category"
            allLabel={t('privacy.queue.anyCategory')}
            categories={categories}
            defaultValue={category}
          />
        </div>
      ) : null}
      {tags.length > 0 ? (
        <div className="field">
          <label htmlFor="queue-tag">{t('privacy.queue.tag')}</label>
          <select id="queue-tag" name="tag" defaultValue={tag ?? ''}>
            <option value="">{t('privacy.queue.anyTag')}</option>
            {tags.map((x) => (
              <option key={x.name} value={x.name}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <button type="submit" className="button button-secondary">
        {t('privacy.queue.apply')}
      </button>
      {category || tag ? <Link to="/queue">{t('privacy.queue.clear')}</Link> : null}
    </Form>
  )
}

/** Nothing followed yet: where to go to follow something. */
export function FollowSomething() {
  const { t } = useTranslation()
  return (
    <div className="empty-state">
      <h2>{t('privacy.queue.followNothing')}</h2>
      <p>
        <Trans
          i18nKey="privacy.queue.followHint"
          components={{ tags: <Link to="/tags" />, categories: <Link to="/#categories-title" /> }}
        />
      </p>
    </div>
  )
}
