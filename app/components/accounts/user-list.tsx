import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Pagination } from '~/components/pagination'
import { Avatar } from '~/components/post-meta'
import { useIntlLocale, useNumber } from '~/components/time'
import { ROLE_NAMES } from '~/modules/accounts/validation'
import { shownName } from '~/modules/users/names'

type Person = {
  id: number
  handle: string
  displayName: string
  email: string
  role: (typeof ROLE_NAMES)[number]
  avatarColour: string | null
  createdAt: string
}

/** The search form (a GET that works without JavaScript), the matches, and their pages. */
export function UserList({
  filters,
  result,
}: {
  filters: { q: string; role?: string }
  result: { items: Person[]; total: number; page: number; pageCount: number }
}) {
  const { t } = useTranslation()
  const number = useNumber()
  const date = new Intl.DateTimeFormat(useIntlLocale(), { dateStyle: 'medium', timeZone: 'UTC' })
  return (
    <>
      <Form method="get" className="user-filters" role="search">
        <div className="field">
          <label htmlFor="user-q">{t('accounts.users.search')}</label>
          <input id="user-q" type="search" name="q" maxLength={100} defaultValue={filters.q} />
        </div>
        <div className="field">
          <label htmlFor="user-role">{t('accounts.users.role')}</label>
          <select id="user-role" name="role" defaultValue={filters.role ?? ''}>
            <option value="">{t('accounts.users.anyRole')}</option>
            {ROLE_NAMES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          {t('accounts.users.submit')}
        </button>
      </Form>
      <p className="muted" role="status">
        {t('accounts.users.count', { count: result.total, value: number(result.total) })}
      </p>
      {result.items.length === 0 ? (
        <p className="empty-state">{t('accounts.users.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="user-table">
            <caption className="visually-hidden">{t('accounts.users.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('accounts.users.person')}</th>
                <th scope="col">{t('accounts.users.email')}</th>
                <th scope="col">{t('accounts.users.role')}</th>
                <th scope="col">{t('accounts.users.joined')}</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((u) => (
                <tr key={u.id}>
                  <td>
                    <span className="user-cell">
                      <Avatar person={u} size={28} />
                      <span>
                        <Link to={`/admin/users/${u.handle}`}>{shownName(t, u)}</Link>
                        <br />
                        <span className="muted">@{u.handle}</span>
                      </span>
                    </span>
                  </td>
                  <td className="user-email">{u.email}</td>
                  <td>
                    <span className="role-pill">{t(`roles.${u.role}`)}</span>
                  </td>
                  <td>
                    <time dateTime={u.createdAt}>{date.format(new Date(u.createdAt))}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} />
    </>
  )
}
