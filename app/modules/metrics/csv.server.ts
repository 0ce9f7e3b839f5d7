/**
 * Each dashboard table as CSV, headed in the reader's language. Durations are in minutes and
 * shares are fractions, so a spreadsheet can compute with them.
 */
import type { TFunction } from 'i18next'
import type { Dashboard, Figure } from './dashboard.server'
import type { TableName } from './validation'

type Cell = string | number | null

/** A cell a spreadsheet reads as text, never as a formula (names come from people). */
function cell(value: Cell): string {
  if (value === null) return ''
  if (typeof value === 'number') return String(Math.round(value * 1000) / 1000)
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

const minutes = (ms: number | null) => (ms === null ? null : ms / 60_000)
const figureCells = (f: Figure): Cell[] => [minutes(f.median), minutes(f.p90), f.count, f.waiting]

export function dashboardCsv(d: Dashboard, table: TableName, t: TFunction): string {
  const figureHead = (waiting: string) => [
    t('dashboard.csv.medianMinutes'),
    t('dashboard.csv.p90Minutes'),
    t('dashboard.table.measured'),
    waiting,
  ]
  let rows: Cell[][]
  switch (table) {
    case 'first-response':
      rows = [
        [
          t('dashboard.frt.who'),
          t('dashboard.csv.clock'),
          ...figureHead(t('dashboard.frt.waiting')),
        ],
        ...d.firstResponse.flatMap((r) => [
          [r.who, 'always', ...figureCells(r.always)],
          [r.who, 'business', ...figureCells(r.business)],
        ]),
      ]
      break
    case 'after-escalation':
      rows = [figureHead(t('dashboard.escalated.waiting')), figureCells(d.afterEscalation)]
      break
    case 'resolution':
      rows = [figureHead(t('dashboard.resolution.waiting')), figureCells(d.resolution)]
      break
    case 'csat':
      rows = [
        [t('dashboard.csat.rating'), t('dashboard.csat.answers')],
        ...d.csat.byRating.map((n, i): Cell[] => [i + 1, n]),
        [t('dashboard.csv.satisfiedShare'), d.csat.rate],
      ]
      break
    case 'automatic':
      rows = [
        [t('dashboard.csv.solved'), t('dashboard.csv.automatic'), t('dashboard.csv.share')],
        [d.automatic.solved, d.automatic.automatic, d.automatic.rate],
      ]
      break
    case 'deflection':
      rows = [
        [
          t('dashboard.csv.visits'),
          t('dashboard.csv.showed'),
          t('dashboard.csv.deflected'),
          t('dashboard.csv.pending'),
          t('dashboard.csv.share'),
        ],
        d.deflection
          ? [
              d.deflection.visits,
              d.deflection.showedSuggestions,
              d.deflection.deflected,
              d.deflection.pending,
              d.deflection.rate,
            ]
          : [null, null, null, null, null],
      ]
      break
    case 'escalations':
      rows = [
        [
          t('dashboard.escalations.escalated'),
          t('dashboard.escalations.level2'),
          t('dashboard.escalations.breaches'),
          t('dashboard.escalations.acknowledged'),
        ],
        [
          d.escalations.escalated,
          d.escalations.level2,
          d.escalations.breaches,
          d.escalations.acknowledged,
        ],
      ]
      break
    case 'on-call':
      rows = [
        [
          t('dashboard.csv.handle'),
          t('dashboard.table.person'),
          t('dashboard.onCall.escalated'),
          t('dashboard.onCall.acknowledged'),
        ],
        ...d.onCall.map((p): Cell[] => [p.handle, p.displayName, p.escalated, p.acknowledged]),
      ]
      break
    case 'states':
      rows = [
        [t('dashboard.csv.state'), t('dashboard.csv.questions')],
        ...(['open', 'answered', 'solved', 'closed'] as const).map((s): Cell[] => [s, d.states[s]]),
      ]
      break
    case 'helpers':
      rows = [
        [
          t('dashboard.csv.handle'),
          t('dashboard.table.person'),
          t('dashboard.helpers.accepted'),
          t('dashboard.helpers.answers'),
        ],
        ...d.helpers.map((p): Cell[] => [p.handle, p.displayName, p.accepted, p.answers]),
      ]
      break
    case 'templates':
      rows = [
        [
          t('dashboard.templates.template'),
          t('dashboard.templates.uses'),
          t('dashboard.templates.decided'),
          t('dashboard.templates.closed'),
          t('dashboard.csv.closureShare'),
          t('dashboard.templates.rating'),
          t('dashboard.templates.ratings'),
        ],
        ...d.templates.map((r): Cell[] => [
          r.title,
          r.uses,
          r.decided,
          r.closed,
          r.closureRate,
          r.averageRating,
          r.ratings,
        ]),
      ]
      break
    case 'trend':
      rows = [
        [
          t('dashboard.chart.period'),
          t('dashboard.charts.asked'),
          t('dashboard.csv.frtMedianMinutes'),
          t('dashboard.csv.resolutionMedianMinutes'),
          t('dashboard.charts.csatRate'),
          t('dashboard.csat.answers'),
          t('dashboard.charts.automaticRate'),
          t('dashboard.charts.deflectionRate'),
          t('dashboard.charts.escalations'),
        ],
        ...d.trend.map((r): Cell[] => [
          r.start,
          r.asked,
          minutes(r.frtMedian),
          minutes(r.resolutionMedian),
          r.csatRate,
          r.csatCount,
          r.automaticRate,
          r.deflectionRate,
          r.escalations,
        ]),
      ]
      break
  }
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}
