import { NavLink } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useNumber } from '../time'

/** The header's link to the review queue for moderators, with the number of flagged posts. */
export function ReviewLink({ pending }: { pending: number }) {
  const { t } = useTranslation()
  const number = useNumber()
  return (
    <NavLink to="/review" className="bell review-link">
      {t('flags.review.nav.link')}
      {pending > 0 ? (
        <>
          {' '}
          <span className="bell-count" title={t('flags.review.nav.pending', { count: pending })}>
            {number(pending)}
            <span className="visually-hidden">
              {' '}
              {t('flags.review.nav.pending', { count: pending })}
            </span>
          </span>
        </>
      ) : null}
    </NavLink>
  )
}
