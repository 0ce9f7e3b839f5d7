import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useDuration } from '~/components/duration'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getLanguage, getT } from '~/i18n/i18n.server'
import { localizeCategory } from '~/modules/categories/localize'
import { listSla } from '~/modules/escalation/sla.server'
import { DEFAULT_SLA, WEEKDAYS, type SlaSettings } from '~/modules/escalation/validation'
import { requireAllowed } from '~/utils/session.server'
import adminStyles from '~/styles/admin.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: adminStyles }]
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAllowed(request, 'sla.settings')
  const language = await getLanguage(request)
  return json({
    title: (await getT(request))('escalation.sla.title'),
    categories: listSla().map((c) => ({ ...c, name: localizeCategory(c, language).name })),
  })
}

/** "Mon–Sat 08:00–20:00"-like summary: each day's spans, days with equal hours run together. */
export function useHoursSummary() {
  const { t } = useTranslation()
  return (sla: SlaSettings) => {
    if (sla.clock === 'always') return t('escalation.sla.alwaysOpen')
    const parts: string[] = []
    let run: { from: string; to: string; hours: string } | null = null
    const flush = () => {
      if (!run) return
      const days =
        run.from === run.to
          ? t(`escalation.weekdays.${run.from as '1'}`)
          : `${t(`escalation.weekdays.${run.from as '1'}`)}–${t(`escalation.weekdays.${run.to as '1'}`)}`
      parts.push(`${days} ${run.hours}`)
      run = null
    }
    for (const day of WEEKDAYS) {
      const spans = sla.weeklyHours[day]
      const hours = spans?.map(([a, b]) => `${a}–${b}`).join(', ')
      if (!hours) {
        flush()
        continue
      }
      if (run && run.hours === hours) run.to = day
      else {
        flush()
        run = { from: day, to: day, hours }
      }
    }
    flush()
    return parts.length ? parts.join('; ') : t('escalation.sla.closedAllWeek')
  }
}

export default function SlaSettingsPage() {
  const { categories } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const { t } = useTranslation()
  const duration = useDuration()
  const hours = useHoursSummary()
  const saved = categories.find((c) => String(c.id) === params.get('saved'))
  return (
    <div>
      <p className="muted">
        <Link to="/admin">{t('escalation.admin.breadcrumb')}</Link>
      </p>
      <h1>{t('escalation.sla.heading')}</h1>
      <p className="lead">{t('escalation.sla.intro')}</p>
      {saved ? (
        <p className="notice" role="status">
          {t('escalation.sla.saved', { category: saved.name })}
        </p>
      ) : null}
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('escalation.sla.category')}</th>
            <th scope="col">{t('escalation.sla.target')}</th>
            <th scope="col">{t('escalation.sla.counted')}</th>
            <th scope="col">{t('escalation.sla.level2')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('escalation.sla.edit')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {categories.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.name}</th>
              <td data-label={t('escalation.sla.target')}>
                {duration(c.sla.firstResponseMinutes)}
              </td>
              <td data-label={t('escalation.sla.counted')}>
                {t(`escalation.clock.${c.sla.clock}`)}
                <br />
                <small>
                  {hours(c.sla)} · {c.sla.timeZone}
                </small>
              </td>
              <td data-label={t('escalation.sla.level2')}>{duration(c.sla.level2DelayMinutes)}</td>
              <td>
                <Link
                  to={`/admin/sla/${c.id}`}
                  aria-label={`${t('escalation.sla.edit')}: ${c.name}`}
                >
                  {t('escalation.sla.edit')}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        {t('escalation.sla.defaults', {
          target: duration(DEFAULT_SLA.firstResponseMinutes),
          clock: `${t('escalation.clock.business')}, ${hours(DEFAULT_SLA)}, ${DEFAULT_SLA.timeZone}`,
        })}
      </p>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
