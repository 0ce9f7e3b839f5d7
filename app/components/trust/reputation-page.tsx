/** A person's reputation, explained: every change, newest first, with the post that caused it. */
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { MessageKey } from '~/i18n/keys'
import type { ReputationReason } from '~/modules/users/reputation.server'
import { threadPath } from '~/utils/slug'
import { Pagination } from '../pagination'
import { RelativeTime, useNumber } from '../time'
import type { loader } from '~/routes/users.$handle_.reputation'
import { shownName } from '~/modules/users/names'

const REASON_LABELS: Record<ReputationReason, MessageKey> = {
  upvote: 'trust.reputation.reasons.upvote',
  downvote: 'trust.reputation.reasons.downvote',
  'vote-removed': 'trust.reputation.reasons.voteRemoved',
  accepted: 'trust.reputation.reasons.accepted',
  unaccepted: 'trust.reputation.reasons.unaccepted',
  'post-deleted': 'trust.reputation.reasons.postDeleted',
  'post-restored': 'trust.reputation.reasons.postRestored',
  imported: 'trust.reputation.reasons.imported',
  opening: 'trust.reputation.reasons.opening',
}

export function ReputationPage() {
  const { reputation, canView } = useLoaderData<typeof loader>()
  const { person, rows, page, pages } = reputation
  const { t } = useTranslation()
  const number = useNumber()
  return (
    <div className="narrow">
      <p className="muted">
        <Link to={`/users/${person.handle}`}>{t('trust.reputation.back')}</Link>
      </p>
      <h1>{t('trust.reputation.heading')}</h1>
      <p className="lead">
        {t('trust.reputation.summary', {
          name: shownName(t, person),
          count: person.reputation,
        })}
      </p>
      {rows.length === 0 ? (
        <p className="empty-state">{t('trust.reputation.empty')}</p>
      ) : (
        <ul className="reputation-list">
          {rows.map((r) => {
            const href =
              r.post && canView
                ? threadPath({ id: r.post.questionId, title: r.post.title }, r.post.answerId)
                : null
            return (
              <li key={r.id}>
                <span className={`reputation-amount ${r.amount < 0 ? 'negative' : 'positive'}`}>
                  {r.amount > 0 ? '+' : '−'}
                  {number(Math.abs(r.amount))}
                </span>{' '}
                <strong>{t(REASON_LABELS[r.reason] ?? 'trust.reputation.reasons.upvote')}</strong>
                {r.reason === 'imported' ? null : (
                  <>
                    {' '}
                    {t('trust.reputation.on')}{' '}
                    {href ? (
                      <Link to={href}>{r.post!.title}</Link>
                    ) : (
                      <span className="muted">{t('trust.reputation.deletedPost')}</span>
                    )}
                  </>
                )}
                <span className="muted">
                  {' · '}
                  <RelativeTime value={r.createdAt} />
                </span>
              </li>
            )
          })}
        </ul>
      )}
      <Pagination page={page} pageCount={pages} />
    </div>
  )
}
