import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RelativeTime } from '~/components/time'

export type OutboxRow = {
  id: number
  toAddress: string
  subject: string
  kind: string
  status: 'pending' | 'sent' | 'dead'
  attempts: number
  nextAttemptAt: string
  lastError: string | null
  sentAt: string | null
  createdAt: string
}

export function StatusPill({ status }: { status: OutboxRow['status'] }) {
  const { t } = useTranslation()
  return (
    <span className={`status-pill status-${status}`}>{t(`mail.outbox.statuses.${status}`)}</span>
  )
}

/** A retry form for a pending or dead message; comes back to `returnTo`. */
export function RetryButton({ id, returnTo }: { id: number; returnTo: string }) {
  const { t } = useTranslation()
  return (
    <Form method="post" action="/admin/outbox">
      <input type="hidden" name="messageId" value={id} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button
        type="submit"
        name="intent"
        value="retry"
        className="button button-secondary button-small"
      >
        {t('mail.outbox.retry')}
      </button>
    </Form>
  )
}

export function OutboxItem({ m, returnTo }: { m: OutboxRow; returnTo: string }) {
  const { t } = useTranslation()
  return (
    <li>
      <h2>
        <Link to={`/admin/outbox/${m.id}`}>{m.subject}</Link>
      </h2>
      <dl className="outbox-meta">
        <div>
          <dt>{t('mail.outbox.status')}</dt>
          <dd>
            <StatusPill status={m.status} />
          </dd>
        </div>
        <div>
          <dt>{t('mail.outbox.to')}</dt>
          <dd>{m.toAddress}</dd>
        </div>
        <div>
          <dt>{t('mail.outbox.created')}</dt>
          <dd>
            <RelativeTime value={m.createdAt} />
          </dd>
        </div>
        {m.status === 'sent' && m.sentAt ? (
          <div>
            <dt>{t('mail.outbox.sentAt')}</dt>
            <dd>
              <RelativeTime value={m.sentAt} />
            </dd>
          </div>
        ) : null}
        {m.status === 'pending' ? (
          <div>
            <dt>{t('mail.outbox.nextAttempt')}</dt>
            <dd>
              <RelativeTime value={m.nextAttemptAt} />
            </dd>
          </div>
        ) : null}
        {m.attempts > 0 ? (
          <div>
            <dd>{t('mail.outbox.attempts', { count: m.attempts })}</dd>
          </div>
        ) : null}
      </dl>
      {m.lastError && m.status !== 'sent' ? (
        <p className="outbox-error">
          {t('mail.outbox.lastError')}: {m.lastError}
        </p>
      ) : null}
      {m.status !== 'sent' ? (
        <div className="outbox-actions">
          <RetryButton id={m.id} returnTo={returnTo} />
        </div>
      ) : null}
    </li>
  )
}
