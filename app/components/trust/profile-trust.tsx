/** A profile's trust level, and the link to how its reputation was earned. */
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { clampLevel } from '~/modules/trust/levels'

export function TrustLevelLine({ level }: { level: number }) {
  const { t } = useTranslation()
  return (
    <p className="muted">
      {t('trust.profile.level', { level: t(`trust.levels.${clampLevel(level)}`) })}
    </p>
  )
}

export function ReputationLink({ handle }: { handle: string }) {
  const { t } = useTranslation()
  return (
    <p>
      <Link to={`/users/${handle}/reputation`}>{t('trust.reputation.link')}</Link>
    </p>
  )
}
