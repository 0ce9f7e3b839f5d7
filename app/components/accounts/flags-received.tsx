import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { MessageKey } from '~/i18n/keys'
import { FLAG_REASON_LABELS, FLAG_REASONS, type FlagReason } from '~/modules/flags/validation'
import { threadPath } from '~/utils/slug'
import { RelativeTime, useNumber } from '../time'

export type FlagReceived = {
  id: number
  reason: string
  note: string
  status: string
  createdAt: string
  postType: 'question' | 'answer'
  postId: number
  question: { id: number; title: string }
  flagger: { handle: string; displayName: string }
}

const OUTCOMES: Record<string, MessageKey> = {
  pending: 'accounts.flagsReceived.outcomes.pending',
  upheld: 'accounts.flagsReceived.outcomes.upheld',
  rejected: 'accounts.flagsReceived.outcomes.rejected',
  ignored: 'accounts.flagsReceived.outcomes.ignored',
}

const reasonLabel = (r: string): MessageKey =>
  (FLAG_REASONS as readonly string[]).includes(r)
    ? FLAG_REASON_LABELS[r as FlagReason]
    : 'flags.reasons.other'

/**
 * The latest flags others raised on the person's posts: why, by whom, on which post, and how
 * the review ended; the rest is in the audit log.
 */
export function FlagsReceived({
  flags,
  total,
  handle,
}: {
  flags: FlagReceived[]
  total: number
  handle: string
}) {
  const { t } = useTranslation()
  const number = useNumber()
  return (
    <section aria-labelledby="flags-received-title" className="settings-section">
      <h2 id="flags-received-title">{t('accounts.flagsReceived.title')}</h2>
      {flags.length === 0 ? (
        <p className="empty-state">{t('accounts.flagsReceived.empty')}</p>
      ) : (
        <>
          {total > flags.length ? (
            <p className="muted">
              {t('accounts.flagsReceived.latest', {
                value: number(flags.length),
                total: number(total),
              })}
            </p>
          ) : null}
          <ol className="flags-received">
            {flags.map((f) => {
              const thread = threadPath(f.question)
              const href = f.postType === 'answer' ? `${thread}#answer-${f.postId}` : thread
              return (
                <li key={f.id}>
                  <p>
                    <strong>{t(reasonLabel(f.reason))}</strong>
                    {' · '}
                    <span className={`flag-outcome flag-outcome-${f.status}`}>
                      {t(OUTCOMES[f.status] ?? OUTCOMES.pending)}
                    </span>
                    {' · '}
                    <RelativeTime value={f.createdAt} />
                  </p>
                  <p>
                    {t('accounts.flagsReceived.by')}{' '}
                    <Link to={`/users/${f.flagger.handle}`}>{f.flagger.displayName}</Link>
                    {' · '}
                    <Link to={href}>
                      {t(
                        f.postType === 'answer'
                          ? 'accounts.flagsReceived.answerOn'
                          : 'accounts.flagsReceived.question',
                        { title: f.question.title },
                      )}
                    </Link>
                  </p>
                  {f.note ? <p className="muted flag-note">{f.note}</p> : null}
                </li>
              )
            })}
          </ol>
        </>
      )}
      {flags.length > 0 ? (
        <p className="link-row">
          <Link to={`/audit?user=${handle}&kind=posts`}>{t('accounts.flagsReceived.seeAll')}</Link>
        </p>
      ) : null}
    </section>
  )
}
