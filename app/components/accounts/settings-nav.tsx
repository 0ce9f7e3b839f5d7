import { NavLink } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

const PAGES = [
  { key: 'profile', href: '/settings/profile' },
  { key: 'account', href: '/settings/account' },
  { key: 'notifications', href: '/settings/notifications' },
  { key: 'language', href: '/settings/language' },
] as const

/** The settings pages' shared navigation; the current page is marked for screen readers too. */
export function SettingsNav() {
  const { t } = useTranslation()
  return (
    <nav className="settings-nav" aria-label={t('accounts.nav.label')}>
      <ul>
        {PAGES.map((p) => (
          <li key={p.key}>
            <NavLink to={p.href} end>
              {t(`accounts.nav.${p.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}
