import { useId } from 'react'
import { useTranslation } from 'react-i18next'

export type Point = { label: string; value: number | null }

const W = 600
const H = 180
const PAD = { top: 24, right: 12, bottom: 28, left: 36 }

/**
 * A trend as an SVG drawn on the server (a line, or bars for counts), readable without
 * JavaScript, with the same numbers in a table behind it for screen readers and for reading.
 */
export function TrendChart({
  title,
  points,
  format,
  kind = 'line',
}: {
  title: string
  points: Point[]
  format: (value: number) => string
  kind?: 'line' | 'bars'
}) {
  const { t } = useTranslation()
  const id = useId()
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]))
  const max = Math.max(1e-9, ...values)
  const innerW = W - PAD.left - PAD.right
  const innerH = H - PAD.top - PAD.bottom
  const step = points.length > 1 ? innerW / (points.length - 1) : innerW
  const x = (i: number) => PAD.left + (points.length > 1 ? i * step : innerW / 2)
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH
  // Lines break where a bucket has no value (nothing to measure then).
  const segments: string[] = []
  let current = ''
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current) segments.push(current)
      current = ''
      return
    }
    current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`
  })
  if (current) segments.push(current)
  const barW = Math.max(2, Math.min(24, (innerW / Math.max(1, points.length)) * 0.7))
  const summary =
    values.length === 0
      ? t('dashboard.chart.empty')
      : t('dashboard.chart.summary', {
          first: points[0]?.label ?? '',
          last: points[points.length - 1]?.label ?? '',
          max: format(Math.max(...values)),
        })
  return (
    <figure className="trend">
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="trend-svg"
      >
        <desc id={`${id}-desc`}>{summary}</desc>
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={PAD.top + innerH}
          y2={PAD.top + innerH}
          className="trend-axis"
        />
        <line x1={PAD.left} x2={W - PAD.right} y1={PAD.top} y2={PAD.top} className="trend-grid" />
        <text x={PAD.left + 4} y={PAD.top - 8} className="trend-label">
          {values.length ? format(max) : ''}
        </text>
        <text x={PAD.left - 6} y={PAD.top + innerH} textAnchor="end" className="trend-label">
          0
        </text>
        {points.length ? (
          <>
            <text x={PAD.left} y={H - 8} className="trend-label">
              {points[0].label}
            </text>
            <text x={W - PAD.right} y={H - 8} textAnchor="end" className="trend-label">
              {points[points.length - 1].label}
            </text>
          </>
        ) : null}
        {kind === 'bars'
          ? points.map((p, i) =>
              p.value === null || p.value === 0 ? null : (
                <rect
                  key={p.label}
                  x={x(i) - barW / 2}
                  y={y(p.value)}
                  width={barW}
                  height={PAD.top + innerH - y(p.value)}
                  className="trend-bar"
                />
              ),
            )
          : segments.map((d) => <path key={d} d={d} className="trend-line" />)}
        {kind === 'line'
          ? points.map((p, i) =>
              p.value === null ? null : (
                <circle key={p.label} cx={x(i)} cy={y(p.value)} r={2.5} className="trend-dot" />
              ),
            )
          : null}
      </svg>
      <details className="trend-table">
        <summary>{t('dashboard.chart.showTable')}</summary>
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.chart.period')}</th>
              <th scope="col">{t('dashboard.chart.value')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.label}>
                <th scope="row">{p.label}</th>
                <td>{p.value === null ? '—' : format(p.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}
