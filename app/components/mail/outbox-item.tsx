import { Form, Link } from '@remix-run/react'
import type { ReactNode } from 'react'
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

/**
 * A message's facts (status, recipient, times, attempts, last error) and its retry button, in the
 * outbox list and on the message's own page (`detailed` adds its kind and language).
 */
export function OutboxMeta({
  m,
  returnTo,
  detailed = false,
}: {
  m: OutboxRow & { language?: string }
  returnTo: string
  detailed?: boolean
}) {
  const { t } = useTranslation()
  const row = (label: string, value: ReactNode) => (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  )
  return (
    <>
      <dl className="outbox-meta">
        {row(t('mail.outbox.status'), <StatusPill status={m.status} />)}
        {row(t('mail.outbox.to'), m.toAddress)}
        {detailed ? row(t('mail.outbox.kind'), m.kind) : null}
        {detailed && m.language ? row(t('mail.outbox.language'), m.language) : null}
        {row(t('mail.outbox.created'), <RelativeTime value={m.createdAt} />)}
        {m.status === 'pending'
          ? row(t('mail.outbox.nextAttempt'), <RelativeTime value={m.nextAttemptAt} />)
          : null}
        {m.sentAt ? row(t('mail.outbox.sentAt'), <RelativeTime value={m.sentAt} />) : null}
        {m.attempts > 0 || detailed ? (
          <div>
            <dd>{t('mail.outbox.attempts', { count: m.attempts })}</dd>
          </div>
        ) : null}
      </dl>
      {m.lastError && (detailed || m.status !== 'sent') ? (
        <p className="outbox-error">
          {t('mail.outbox.lastError')}: {m.lastError}
        </p>
      ) : null}
      {m.status !== 'sent' ? (
        <div className="outbox-actions">
          <RetryButton id={m.id} returnTo={returnTo} />
        </div>
      ) : null}
    </>
  )
}

export function OutboxItem({ m, returnTo }: { m: OutboxRow; returnTo: string }) {
  return (
    <li>
      <h2>
        <Link to={`/admin/outbox/${m.id}`}>{m.subject}</Link>
      </h2>
      <OutboxMeta m={m} returnTo={returnTo} />
    </li>
  )
}
