import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { shownName } from '~/modules/users/names'
import { threadPath } from '~/utils/slug'
import { useDuration } from './duration'
import { EscalationActions, type StaffMember } from './escalation-actions'

export type DeskListItem = {
  id: number
  title: string
  language: string
  visibility: 'public' | 'private'
  category: { slug: string; name: string }
  asker: { handle: string; displayName: string }
  escalation: {
    id: number
    level: number
    reason: 'sla' | 'manual'
    acknowledgedAt: string | Date | null
  } | null
  assignee: { id: number; displayName: string; handle: string } | null
  ageMs: number
  waitedMs: number
  dueInMs: number | null
  breached: boolean
}

/** One question on the desk: what it is, how long it has waited, and what staff can do. */
export function DeskItem({
  item,
  staff,
  action,
}: {
  item: DeskListItem
  staff: StaffMember[]
  action: string
}) {
  const { t } = useTranslation()
  const duration = useDuration()
  const { escalation } = item
  const titleId = `desk-item-${item.id}`
  return (
    <li
      className={`desk-item${item.breached ? ' desk-item-breached' : ''}`}
      aria-labelledby={titleId}
    >
      <div className="desk-item-main">
        <h3 id={titleId} className="desk-item-title">
          <Link to={threadPath(item)} lang={item.language}>
            {item.title}
          </Link>
        </h3>
        <p className="desk-item-tags">
          {escalation ? (
            <span className={`badge desk-level desk-level-${escalation.level}`}>
              {t('desk.item.level', { level: escalation.level })}
            </span>
          ) : (
            <span className="badge badge-open">{t('desk.item.waitingFirst')}</span>
          )}
          {item.visibility === 'private' ? (
            <span className="badge desk-private">{t('desk.item.private')}</span>
          ) : null}
          <span className="tag">{item.category.name}</span>
          {escalation ? (
            <span className="muted small">
              {t(escalation.reason === 'sla' ? 'desk.item.reasonSla' : 'desk.item.reasonManual')}
            </span>
          ) : null}
        </p>
        <p className="desk-item-times">
          <strong className={item.breached ? 'desk-breached' : undefined}>
            {item.dueInMs === null
              ? t('desk.item.escalatedNoTarget')
              : item.dueInMs <= 0
                ? t('desk.item.breachedFor', { duration: duration(item.dueInMs) })
                : t('desk.item.dueIn', { duration: duration(item.dueInMs) })}
          </strong>
          <span>{t('desk.item.waited', { duration: duration(item.waitedMs) })}</span>
          <span>
            {t('desk.item.asked', {
              name: shownName(t, item.asker),
              age: duration(item.ageMs),
            })}
          </span>
        </p>
        {escalation ? (
          <p className="desk-item-who">
            <span>
              {item.assignee
                ? t('desk.item.assignedTo', { name: item.assignee.displayName })
                : t('desk.item.unassigned')}
            </span>
            <span>
              {escalation.acknowledgedAt
                ? t('desk.item.acknowledged')
                : t('desk.item.notAcknowledged')}
            </span>
          </p>
        ) : null}
      </div>
      {escalation ? (
        <EscalationActions
          escalation={{ ...escalation, assignee: item.assignee }}
          title={item.title}
          staff={staff}
          action={action}
        />
      ) : null}
    </li>
  )
}
