import { Link, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useNumber } from './time'

/** Page links that keep every other query parameter (filters, sort). */
export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const { t } = useTranslation()
  const number = useNumber()
  const location = useLocation()
  if (pageCount <= 1) return null
  const href = (p: number) => {
    const params = new URLSearchParams(location.search)
    if (p === 1) params.delete('page')
    else params.set('page', String(p))
    const qs = params.toString()
    return qs ? `?${qs}` : location.pathname
  }
  const pages = new Set(
    [1, page - 1, page, page + 1, pageCount].filter((p) => p >= 1 && p <= pageCount),
  )
  const list = [...pages].sort((a, b) => a - b)
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev">
          {t('pagination.previous')}
        </Link>
      ) : null}
      {list.map((p, i) => (
        <span key={p}>
          {i > 0 && p - list[i - 1] > 1 ? <span className="ellipsis">…</span> : null}
          {p === page ? (
            <span aria-current="page" className="current">
              {number(p)}
            </span>
          ) : (
            <Link to={href(p)} aria-label={t('pagination.page', { page: number(p) })}>
              {number(p)}
            </Link>
          )}
        </span>
      ))}
      {page < pageCount ? (
        <Link to={href(page + 1)} rel="next">
          {t('pagination.next')}
        </Link>
      ) : null}
    </nav>
  )
}
