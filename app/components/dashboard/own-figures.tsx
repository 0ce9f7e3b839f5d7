import type { SerializeFrom } from '@remix-run/node'
import { useTranslation } from 'react-i18next'
import type { PersonFigures } from '~/modules/metrics/dashboard.server'
import { useFormats } from './dashboard-page'

/** On a helper's own profile: how their help went over the last 90 days (seen by them alone). */
export function OwnFigures({ figures }: { figures: SerializeFrom<PersonFigures> | null }) {
  const { t } = useTranslation()
  const { ms, percent, number } = useFormats()
  if (!figures) return null
  return (
    <section className="own-figures" aria-labelledby="own-figures-title">
      <h2 id="own-figures-title">{t('dashboard.own.title', { days: figures.days })}</h2>
      <p className="muted">{t('dashboard.own.lead')}</p>
      <dl className="own-figures-list">
        <div>
          <dt>{t('dashboard.own.answers')}</dt>
          <dd>{number(figures.answers)}</dd>
        </div>
        <div>
          <dt>{t('dashboard.own.accepted')}</dt>
          <dd>{number(figures.accepted)}</dd>
        </div>
        <div>
          <dt>{t('dashboard.own.firstAnswer')}</dt>
          <dd>
            {ms(figures.firstAnswer.median)}
            <span className="muted"> · p90 {ms(figures.firstAnswer.p90)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('dashboard.own.csat')}</dt>
          <dd>
            {percent(figures.csat.rate)}
            <span className="muted">
              {' '}
              ·{' '}
              {t('dashboard.cards.answers', {
                count: figures.csat.count,
                value: number(figures.csat.count),
              })}
            </span>
          </dd>
        </div>
      </dl>
    </section>
  )
}
