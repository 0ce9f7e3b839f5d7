import type { SerializeFrom } from '@remix-run/node'
import { Form, Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { CategorySelect } from '~/components/category-select'
import { useDuration } from '~/components/duration'
import { formatDate, useIntlLocale, useNumber, usePercent } from '~/components/time'
import type { Dashboard, Figure, Filters } from '~/modules/metrics/dashboard.server'
import type { TableName } from '~/modules/metrics/validation'
import { shownName } from '~/modules/users/names'
import { TrendChart } from './trend-chart'

type Data = SerializeFrom<{ filters: Filters; dashboard: Dashboard }>

/** Formats of the dashboard's numbers in the page's language. */
export function useFormats() {
  const duration = useDuration()
  const number = useNumber()
  const percent = usePercent()
  return {
    number,
    ms: (ms: number | null) => (ms === null ? '—' : duration(Math.round(ms / 60_000))),
    percent,
  }
}

function query(filters: Data['filters'], extra: Record<string, string> = {}) {
  const q = new URLSearchParams({ from: filters.fromDate, to: filters.toDate })
  if (filters.category) q.set('category', filters.category.slug)
  if (filters.person) q.set('person', filters.person.handle)
  for (const [k, v] of Object.entries(extra)) q.set(k, v)
  return q.toString()
}

function Section({
  id,
  title,
  definition,
  table,
  filters,
  children,
}: {
  id: string
  title: string
  definition: string
  table: TableName
  filters: Data['filters']
  children: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <section className="dash-section" aria-labelledby={`${id}-title`}>
      <div className="dash-section-head">
        <h2 id={`${id}-title`}>{title}</h2>
        <a
          className="button button-secondary button-small"
          href={`/dashboard/csv?${query(filters, { table })}`}
        >
          {t('dashboard.page.csv')}
          <span className="visually-hidden"> — {title}</span>
        </a>
      </div>
      <p className="dash-definition">
        <strong>{t('dashboard.page.definition')}</strong> {definition}
      </p>
      {children}
    </section>
  )
}

function FigureCells({ f }: { f: SerializeFrom<Figure> }) {
  const { ms, number } = useFormats()
  return (
    <>
      <td>{ms(f.median)}</td>
      <td>{ms(f.p90)}</td>
      <td>{number(f.count)}</td>
      <td>{number(f.waiting)}</td>
    </>
  )
}

function FigureHead({ first, waiting }: { first: string; waiting: string }) {
  const { t } = useTranslation()
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col">{t('dashboard.table.median')}</th>
        <th scope="col">{t('dashboard.table.p90')}</th>
        <th scope="col">{t('dashboard.table.measured')}</th>
        <th scope="col">{waiting}</th>
      </tr>
    </thead>
  )
}

/** A few counts, one per row, each named in its row's header. */
function CountRows({ rows }: { rows: [string, number][] }) {
  const { number } = useFormats()
  return (
    <table className="dash-table">
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{number(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

type Person = { userId: number; handle: string; displayName: string }

/** People (linked to their profiles) with a count per column, or the empty state. */
function PeopleTable<P extends Person>({
  people,
  empty,
  columns,
}: {
  people: P[]
  empty: string
  columns: [string, (p: P) => number][]
}) {
  const { t } = useTranslation()
  const { number } = useFormats()
  if (people.length === 0) return <p className="empty">{empty}</p>
  return (
    <table className="dash-table">
      <thead>
        <tr>
          <th scope="col">{t('dashboard.table.person')}</th>
          {columns.map(([label]) => (
            <th key={label} scope="col">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {people.map((p) => (
          <tr key={p.userId}>
            <th scope="row">
              <Link to={`/users/${p.handle}`}>{shownName(t, p)}</Link>
            </th>
            {columns.map(([label, value]) => (
              <td key={label}>{number(value(p))}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function DashboardFilters({
  filters,
  categories,
}: {
  filters: Data['filters']
  categories: { slug: string; name: string }[]
}) {
  const { t } = useTranslation()
  return (
    <Form method="get" className="dash-filters" aria-label={t('dashboard.filters.label')}>
      <div className="field">
        <label htmlFor="dash-from">{t('dashboard.filters.from')}</label>
        <input id="dash-from" type="date" name="from" defaultValue={filters.fromDate} />
      </div>
      <div className="field">
        <label htmlFor="dash-to">{t('dashboard.filters.to')}</label>
        <input id="dash-to" type="date" name="to" defaultValue={filters.toDate} />
      </div>
      <div className="field">
        <label htmlFor="dash-category">{t('dashboard.filters.category')}</label>
        <CategorySelect
          id="dash-category"
          allLabel={t('dashboard.filters.allCategories')}
          categories={categories}
          defaultValue={filters.category?.slug}
        />
      </div>
      <div className="field">
        <label htmlFor="dash-person">{t('dashboard.filters.person')}</label>
        <input
          id="dash-person"
          name="person"
          maxLength={40}
          placeholder={t('dashboard.filters.personHint')}
          defaultValue={filters.person?.handle ?? ''}
        />
      </div>
      <button type="submit" className="button">
        {t('dashboard.filters.show')}
      </button>
    </Form>
  )
}

export function DashboardBody({ data }: { data: Data }) {
  const { t } = useTranslation()
  const { ms, percent, number } = useFormats()
  const locale = useIntlLocale()
  const { dashboard: d, filters } = data
  const who = {
    all: 'dashboard.frt.all',
    community: 'dashboard.frt.community',
    staff: 'dashboard.frt.staff',
  } as const
  const points = (pick: (r: Data['dashboard']['trend'][number]) => number | null) =>
    d.trend.map((r) => ({ label: formatDate(new Date(r.start), locale), value: pick(r) }))
  const all = d.firstResponse.find((r) => r.who === 'all')!
  return (
    <>
      <ul className="dash-cards" aria-label={t('dashboard.page.summary')}>
        <li>
          <span className="dash-card-label">{t('dashboard.cards.frt')}</span>
          <strong>{ms(all.always.median)}</strong>
          <span>
            {t('dashboard.cards.waiting', {
              count: all.always.waiting,
              value: number(all.always.waiting),
            })}
          </span>
        </li>
        <li>
          <span className="dash-card-label">{t('dashboard.cards.csat')}</span>
          <strong>{percent(d.csat.rate)}</strong>
          <span>
            {t('dashboard.cards.answers', { count: d.csat.count, value: number(d.csat.count) })}
          </span>
        </li>
        <li>
          <span className="dash-card-label">{t('dashboard.cards.resolution')}</span>
          <strong>{ms(d.resolution.median)}</strong>
          <span>
            {t('dashboard.cards.solved', {
              count: d.resolution.count,
              value: number(d.resolution.count),
            })}
          </span>
        </li>
        <li>
          <span className="dash-card-label">{t('dashboard.cards.automatic')}</span>
          <strong>{percent(d.automatic.rate)}</strong>
          <span>
            {t('dashboard.cards.ofSolved', {
              part: number(d.automatic.automatic),
              whole: number(d.automatic.solved),
            })}
          </span>
        </li>
        <li>
          <span className="dash-card-label">{t('dashboard.cards.deflection')}</span>
          <strong>{d.deflection ? percent(d.deflection.rate) : '—'}</strong>
          <span>
            {d.deflection
              ? t('dashboard.cards.visits', {
                  count: d.deflection.showedSuggestions,
                  value: number(d.deflection.showedSuggestions),
                })
              : t('dashboard.cards.notPersonal')}
          </span>
        </li>
        <li>
          <span className="dash-card-label">{t('dashboard.cards.escalations')}</span>
          <strong>{number(d.escalations.escalated)}</strong>
          <span>
            {t('dashboard.cards.breaches', {
              count: d.escalations.breaches,
              value: number(d.escalations.breaches),
            })}
          </span>
        </li>
      </ul>

      <Section
        id="frt"
        title={t('dashboard.frt.title')}
        definition={t('dashboard.definitions.frt')}
        table="first-response"
        filters={filters}
      >
        <div className="table-scroll">
          <table className="dash-table">
            <caption>
              {t('dashboard.frt.caption', { count: d.questions, value: number(d.questions) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.frt.who')}</th>
                <th scope="col">{t('dashboard.frt.medianAlways')}</th>
                <th scope="col">{t('dashboard.frt.p90Always')}</th>
                <th scope="col">{t('dashboard.frt.medianBusiness')}</th>
                <th scope="col">{t('dashboard.frt.p90Business')}</th>
                <th scope="col">{t('dashboard.table.measured')}</th>
                <th scope="col">{t('dashboard.frt.waiting')}</th>
              </tr>
            </thead>
            <tbody>
              {d.firstResponse.map((r) => (
                <tr key={r.who}>
                  <th scope="row">{t(who[r.who])}</th>
                  <td>{ms(r.always.median)}</td>
                  <td>{ms(r.always.p90)}</td>
                  <td>{ms(r.business.median)}</td>
                  <td>{ms(r.business.p90)}</td>
                  <td>{number(r.always.count)}</td>
                  <td>{number(r.always.waiting)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <TrendChart
          title={t('dashboard.charts.frtMedian')}
          points={points((r) => r.frtMedian)}
          format={ms}
        />
      </Section>

      <Section
        id="after-escalation"
        title={t('dashboard.escalated.title')}
        definition={t('dashboard.definitions.afterEscalation')}
        table="after-escalation"
        filters={filters}
      >
        <table className="dash-table">
          <FigureHead
            first={t('dashboard.table.figure')}
            waiting={t('dashboard.escalated.waiting')}
          />
          <tbody>
            <tr>
              <th scope="row">{t('dashboard.escalated.row')}</th>
              <FigureCells f={d.afterEscalation} />
            </tr>
          </tbody>
        </table>
      </Section>

      <Section
        id="resolution"
        title={t('dashboard.resolution.title')}
        definition={t('dashboard.definitions.resolution')}
        table="resolution"
        filters={filters}
      >
        <table className="dash-table">
          <FigureHead
            first={t('dashboard.table.figure')}
            waiting={t('dashboard.resolution.waiting')}
          />
          <tbody>
            <tr>
              <th scope="row">{t('dashboard.resolution.row')}</th>
              <FigureCells f={d.resolution} />
            </tr>
          </tbody>
        </table>
        <TrendChart
          title={t('dashboard.charts.resolutionMedian')}
          points={points((r) => r.resolutionMedian)}
          format={ms}
        />
      </Section>

      <Section
        id="csat"
        title={t('dashboard.csat.title')}
        definition={t('dashboard.definitions.csat')}
        table="csat"
        filters={filters}
      >
        <table className="dash-table">
          <caption>
            {t('dashboard.csat.caption', {
              rate: percent(d.csat.rate),
              count: d.csat.count,
              value: number(d.csat.count),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.csat.rating')}</th>
              <th scope="col">{t('dashboard.csat.answers')}</th>
            </tr>
          </thead>
          <tbody>
            {d.csat.byRating.map((n, i) => (
              <tr key={i}>
                <th scope="row">{`${i + 1} – ${t(`dashboard.survey.ratings.r${(i + 1) as 1 | 2 | 3 | 4 | 5}`)}`}</th>
                <td>{number(n)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <TrendChart
          title={t('dashboard.charts.csatRate')}
          points={points((r) => r.csatRate)}
          format={percent}
        />
      </Section>

      <Section
        id="automatic"
        title={t('dashboard.automatic.title')}
        definition={t('dashboard.definitions.automatic')}
        table="automatic"
        filters={filters}
      >
        <p className="dash-figure">
          {t('dashboard.automatic.figure', {
            rate: percent(d.automatic.rate),
            part: number(d.automatic.automatic),
            whole: number(d.automatic.solved),
          })}
        </p>
        <TrendChart
          title={t('dashboard.charts.automaticRate')}
          points={points((r) => r.automaticRate)}
          format={percent}
        />
      </Section>

      <Section
        id="deflection"
        title={t('dashboard.deflection.title')}
        definition={t('dashboard.definitions.deflection')}
        table="deflection"
        filters={filters}
      >
        {d.deflection ? (
          <p className="dash-figure">
            {t('dashboard.deflection.figure', {
              rate: percent(d.deflection.rate),
              part: number(d.deflection.deflected),
              whole: number(d.deflection.showedSuggestions),
              pending: number(d.deflection.pending),
            })}
          </p>
        ) : (
          <p className="dash-figure">{t('dashboard.cards.notPersonal')}</p>
        )}
        <TrendChart
          title={t('dashboard.charts.deflectionRate')}
          points={points((r) => r.deflectionRate)}
          format={percent}
        />
      </Section>

      <Section
        id="escalations"
        title={t('dashboard.escalations.title')}
        definition={t('dashboard.definitions.escalations')}
        table="escalations"
        filters={filters}
      >
        <CountRows
          rows={(['escalated', 'level2', 'breaches', 'acknowledged'] as const).map((k) => [
            t(`dashboard.escalations.${k}`),
            d.escalations[k],
          ])}
        />
        <TrendChart
          title={t('dashboard.charts.escalations')}
          points={points((r) => r.escalations)}
          format={(v) => number(v)}
          kind="bars"
        />
      </Section>

      <Section
        id="on-call"
        title={t('dashboard.onCall.title')}
        definition={t('dashboard.definitions.onCall')}
        table="on-call"
        filters={filters}
      >
        <PeopleTable
          people={d.onCall}
          empty={t('dashboard.onCall.empty')}
          columns={[
            [t('dashboard.onCall.escalated'), (p) => p.escalated],
            [t('dashboard.onCall.acknowledged'), (p) => p.acknowledged],
          ]}
        />
      </Section>

      <Section
        id="states"
        title={t('dashboard.states.title')}
        definition={t('dashboard.definitions.states')}
        table="states"
        filters={filters}
      >
        <CountRows
          rows={(['open', 'answered', 'solved', 'closed'] as const).map((k) => [
            t(`dashboard.states.${k}`),
            d.states[k],
          ])}
        />
        <TrendChart
          title={t('dashboard.charts.asked')}
          points={points((r) => r.asked)}
          format={(v) => number(v)}
          kind="bars"
        />
      </Section>

      <Section
        id="helpers"
        title={t('dashboard.helpers.title')}
        definition={t('dashboard.definitions.helpers')}
        table="helpers"
        filters={filters}
      >
        <PeopleTable
          people={d.helpers}
          empty={t('dashboard.helpers.empty')}
          columns={[
            [t('dashboard.helpers.accepted'), (p) => p.accepted],
            [t('dashboard.helpers.answers'), (p) => p.answers],
          ]}
        />
      </Section>
      <Section
        id="templates"
        title={t('dashboard.templates.title')}
        definition={t('dashboard.definitions.templates')}
        table="templates"
        filters={filters}
      >
        {d.templates.length === 0 ? (
          <p className="empty">{t('dashboard.templates.empty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="dash-table">
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.templates.template')}</th>
                  <th scope="col">{t('dashboard.templates.uses')}</th>
                  <th scope="col">{t('dashboard.templates.decided')}</th>
                  <th scope="col">{t('dashboard.templates.closureRate')}</th>
                  <th scope="col">{t('dashboard.templates.rating')}</th>
                </tr>
              </thead>
              <tbody>
                {d.templates.map((r) => (
                  <tr key={r.templateId}>
                    <th scope="row">{r.title}</th>
                    <td>{number(r.uses)}</td>
                    <td>{number(r.decided)}</td>
                    <td>
                      {percent(r.closureRate)}
                      {r.decided > 0 ? (
                        <span className="muted">
                          {' '}
                          ({number(r.closed)} / {number(r.decided)})
                        </span>
                      ) : null}
                    </td>
                    <td>
                      {r.averageRating === null
                        ? '—'
                        : number(Math.round(r.averageRating * 10) / 10)}
                      {r.ratings > 0 ? <span className="muted"> ({number(r.ratings)})</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
      <p className="dash-foot">
        <a href={`/dashboard/csv?${query(filters, { table: 'trend' })}`}>
          {t('dashboard.page.trendCsv')}
        </a>
      </p>
    </>
  )
}
