import { Link } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { RelativeTime } from '~/components/time'

/** Shown on every page to a silenced person: why, and until when. */
export function ReadOnlyNotice({
  readOnly,
  handle,
}: {
  readOnly: { until: string; reason: string } | null
  handle: string
}) {
  const { t } = useTranslation()
  if (!readOnly) return null
  return (
    <div className="notice notice-warning" role="status">
      <Trans
        i18nKey="moderation.notice.readOnly"
        values={{ reason: readOnly.reason }}
        components={{ when: <RelativeTime value={readOnly.until} /> }}
      />{' '}
      <Link to={`/users/${handle}/moderation`}>{t('moderation.notice.details')}</Link>
    </div>
  )
}
