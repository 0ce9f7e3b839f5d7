import { useTranslation } from 'react-i18next'
import type { TrendPoint } from '~/modules/templates/outcomes.server'
import { formatDate, useIntlLocale, useNumber } from '../time'

const W = 320
const H = 90
const PAD = 4

/**
 * A template's last weeks, drawn on the server: bars for uses, a line for the closure rate of
 * the week's decided uses. The same figures follow in a table for screen readers and anyone
 * who prefers numbers; the picture itself is hidden from assistive technology.
 */
export function TrendChart({ title, trend }: { title: string; trend: TrendPoint[] }) {
  const { t } = useTranslation()
  const locale = useIntlLocale()
  const number = useNumber()
  const most = Math.max(1, ...trend.map((p) => p.uses))
  const step = (W - 2 * PAD) / trend.length
  const y = (share: number) => H - PAD - share * (H - 2 * PAD)
  const points = trend
    .map((p, i) => (p.decided > 0 ? `${PAD + step * (i + 0.5)},${y(p.closed / p.decided)}` : null))
    .filter((p): p is string => p !== null)
  return (
    <figure className="trend">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        height={H}
        aria-hidden="true"
        focusable="false"
        className="trend-chart"
      >
        <line x1={PAD} x2={W - PAD} y1={y(0)} y2={y(0)} className="trend-axis" />
        {trend.map((p, i) => (
          <rect
            key={p.weekStart}
            x={PAD + step * i + 2}
            width={Math.max(1, step - 4)}
            y={y(p.uses / most)}
            height={y(0) - y(p.uses / most)}
            className="trend-bar"
          />
        ))}
        {points.length > 1 ? (
          <polyline points={points.join(' ')} className="trend-line" fill="none" />
        ) : null}
        {points.map((pt) => {
          const [cx, cy] = pt.split(',')
          return <circle key={pt} cx={cx} cy={cy} r={2.5} className="trend-dot" />
        })}
      </svg>
      <figcaption>{t('replies.trend.caption')}</figcaption>
      <details>
        <summary>{t('replies.trend.table')}</summary>
        <table className="trend-table">
          <caption className="visually-hidden">
            {t('replies.trend.tableCaption', { title })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('replies.trend.week')}</th>
              <th scope="col">{t('replies.trend.uses')}</th>
              <th scope="col">{t('replies.trend.closed')}</th>
            </tr>
          </thead>
          <tbody>
            {trend.map((p) => (
              <tr key={p.weekStart}>
                <th scope="row">
                  <time dateTime={p.weekStart}>{formatDate(new Date(p.weekStart), locale)}</time>
                </th>
                <td>{number(p.uses)}</td>
                <td>{p.decided > 0 ? `${number(p.closed)} / ${number(p.decided)}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}
