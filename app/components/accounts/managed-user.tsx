import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormError, SelectField } from '~/components/forms'
import { Avatar, RolePill } from '~/components/post-meta'
import { formatMoment, useIntlLocale, useNumber } from '~/components/time'
import { ROLE_NAMES } from '~/modules/accounts/validation'

type Managed = {
  user: {
    handle: string
    displayName: string
    email: string
    role: string
    avatarColour: string | null
    reputation: number
    createdAt: string
  }
  standing: { silencedUntil: string | null; suspendedUntil: string | null; banned: boolean }
  sanctions: { total: number; inForce: number }
  flags: { postsFlagged: number; flagsReceived: number; pending: number; raised: number }
  canChangeRole: boolean
}

/** One account as an admin sees it: details, role, moderation at a glance, and the export. */
export function ManagedUser({
  managed,
  roleError,
  roleChanged,
}: {
  managed: Managed
  roleError?: string
  roleChanged: boolean
}) {
  const { t } = useTranslation()
  const number = useNumber()
  const locale = useIntlLocale()
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
  const { user, standing, sanctions, flags } = managed
  const until = (iso: string) => formatMoment(new Date(iso), locale)
  return (
    <div className="managed-user">
      <p>
        <Link to="/admin/users">{t('accounts.user.back')}</Link>
      </p>
      <header className="profile-header">
        <Avatar person={user} size={56} />
        <div>
          <h1>
            {user.displayName}
            <RolePill role={user.role} />
          </h1>
          <p className="muted">
            <Link to={`/users/${user.handle}`}>@{user.handle}</Link>
          </p>
        </div>
      </header>

      <section aria-labelledby="details-title" className="settings-section">
        <h2 id="details-title">{t('accounts.user.details')}</h2>
        <dl className="user-details">
          <dt>{t('accounts.user.email')}</dt>
          <dd className="user-email">{user.email}</dd>
          <dt>{t('accounts.user.joined')}</dt>
          <dd>
            <time dateTime={user.createdAt}>{date.format(new Date(user.createdAt))}</time>
          </dd>
          <dt>{t('accounts.user.reputation')}</dt>
          <dd>{number(user.reputation)}</dd>
        </dl>
      </section>

      <section aria-labelledby="role-title" className="settings-section">
        <h2 id="role-title">{t('accounts.user.roleTitle')}</h2>
        {roleChanged ? (
          <p className="notice" role="status">
            {t('accounts.user.roleChanged')}
          </p>
        ) : null}
        {managed.canChangeRole ? (
          <Form method="post" className="role-form">
            <FormError message={roleError} />
            <SelectField
              label={t('accounts.user.role')}
              name="role"
              defaultValue={user.role}
              options={ROLE_NAMES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            />
            <button type="submit" name="intent" value="role" className="button">
              {t('accounts.user.changeRole')}
            </button>
          </Form>
        ) : (
          <p>
            {t(`roles.${user.role as (typeof ROLE_NAMES)[number]}`)} ·{' '}
            <span className="muted">{t('accounts.user.ownRole')}</span>
          </p>
        )}
      </section>

      <section aria-labelledby="moderation-title" className="settings-section">
        <h2 id="moderation-title">{t('accounts.user.moderationTitle')}</h2>
        <p>
          <strong>
            {standing.banned
              ? t('accounts.user.banned')
              : standing.suspendedUntil
                ? t('accounts.user.suspended', { until: until(standing.suspendedUntil) })
                : standing.silencedUntil
                  ? t('accounts.user.silenced', { until: until(standing.silencedUntil) })
                  : t('accounts.user.goodStanding')}
          </strong>
        </p>
        <ul className="plain-list">
          <li>{t('accounts.user.sanctions', sanctions)}</li>
          <li>
            {t('accounts.user.flagged', {
              posts: flags.postsFlagged,
              flags: flags.flagsReceived,
              pending: flags.pending,
            })}
          </li>
          <li>{t('accounts.user.raised', { count: flags.raised })}</li>
        </ul>
        <p className="link-row">
          <Link to={`/users/${user.handle}/moderation`}>{t('accounts.user.standingLink')}</Link>
          <Link to={`/audit?user=${user.handle}`}>{t('accounts.user.auditLink')}</Link>
        </p>
      </section>

      <section aria-labelledby="export-title" className="settings-section">
        <h2 id="export-title">{t('accounts.user.exportTitle')}</h2>
        <p>{t('accounts.user.exportText')}</p>
        <p>
          <a
            href={`/admin/users/${user.handle}/export`}
            className="button button-secondary"
            download
          >
            {t('accounts.user.export')}
          </a>
        </p>
      </section>
    </div>
  )
}
