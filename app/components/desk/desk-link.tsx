import { NavLink } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useNumber } from '../time'

/**
 * The header's link to the staff desk with its open escalations and those assigned to the
 * viewer; the counts are read out in words ("3 open escalations, 1 assigned to you").
 */
export function DeskLink({ counts }: { counts: { open: number; mine: number } }) {
  const { t } = useTranslation()
  const number = useNumber()
  return (
    <NavLink to="/desk" className="bell desk-link">
      {t('desk.nav.link')}
      {counts.open > 0 ? (
        <>
          {' '}
          <span className="bell-count" title={t('desk.nav.open', { count: counts.open })}>
            {number(counts.open)}
            <span className="visually-hidden"> {t('desk.nav.open', { count: counts.open })}</span>
          </span>
        </>
      ) : null}
      {counts.mine > 0 ? (
        <>
          {' '}
          <span className="desk-mine" title={t('desk.nav.mine', { count: counts.mine })}>
            {number(counts.mine)}
            <span className="visually-hidden"> {t('desk.nav.mine', { count: counts.mine })}</span>
          </span>
        </>
      ) : null}
    </NavLink>
  )
}
