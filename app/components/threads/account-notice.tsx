import { Link } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import type { SanctionNotice } from '~/modules/notifications/notifications.server'
import { ZonedTime } from '../time'

const HEADLINES = {
  warn: 'threads.notifications.warned',
  silence: 'threads.notifications.silenced',
  suspend: 'threads.notifications.suspended',
  ban: 'threads.notifications.banned',
} as const

/**
 * A notification about the person's own account (a moderator's warning or a limit on it): what
 * was done and until when, the reason in the moderator's words, and the page where it is all
 * written down. It names no thread, so it links none.
 */
export function AccountNotice({ sanction, handle }: { sanction: SanctionNotice; handle: string }) {
  const { t } = useTranslation()
  const headline = HEADLINES[sanction.kind as keyof typeof HEADLINES]
  return (
    <>
      <strong>
        {headline ? (
          <Trans
            i18nKey={headline}
            components={{
              when: sanction.endsAt ? <ZonedTime value={sanction.endsAt} zone="UTC" /> : <span />,
            }}
          />
        ) : (
          t('threads.notifications.sanctionedForGood')
        )}
      </strong>
      {sanction.reason ? (
        <>
          {'. '}
          {t('threads.notifications.reason', { reason: sanction.reason })}
        </>
      ) : null}{' '}
      <Link to={`/users/${handle}/moderation`}>{t('threads.notifications.readWhy')}</Link>
    </>
  )
}
