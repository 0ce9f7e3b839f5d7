import { useTranslation } from 'react-i18next'

/** The mark a private question carries wherever its asker or staff see it listed or opened. */
export function PrivateBadge() {
  const { t } = useTranslation()
  return (
    <span className="badge badge-private" title={t('privacy.badge.privateLabel')}>
      {t('privacy.badge.private')}
    </span>
  )
}
