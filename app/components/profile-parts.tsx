import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useNumber } from '~/components/time'

/**
 * Under a profile's name: the person's own standing and profile settings, or, for moderators,
 * where to moderate them.
 */
export function ProfileLinks({
  handle,
  moderation,
}: {
  handle: string
  moderation: 'own' | 'moderator' | null
}) {
  const { t } = useTranslation()
  if (!moderation) return null
  return (
    <>
      <p>
        <Link to={`/users/${handle}/moderation`}>
          {t(`moderation.page.${moderation === 'own' ? 'yourStanding' : 'moderate'}`)}
        </Link>
      </p>
      {moderation === 'own' ? (
        <p>
          <Link to="/settings/profile">{t('accounts.profile.edit')}</Link>
        </p>
      ) : null}
    </>
  )
}

/** One figure of the profile's row: reputation, questions, answers, accepted. */
export function Stat({ label, value }: { label: string; value: number }) {
  const number = useNumber()
  return (
    <div>
      <strong>{number(value)}</strong> <span className="muted">{label}</span>
    </div>
  )
}
