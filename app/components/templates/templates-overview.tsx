import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { AutomationSettings } from '~/modules/templates/validation'
import type { TemplateRow } from '~/modules/templates/outcomes.server'
import { useMessage } from '~/i18n/use-message'
import { FormError, TextField } from '../forms'
import { RelativeTime, useNumber, usePercent } from '../time'
import { TrendChart } from './trend-chart'

type Notice = { at: string; title: string; rate: number }

/** The templates page: notices, the automation limits, and each template with its figures. */
export function TemplatesOverview({
  templates,
  settings,
  notices,
  refused,
  fieldErrors,
}: {
  templates: TemplateRow[]
  settings: AutomationSettings
  notices: Notice[]
  refused: { templateId: number; message: string } | null
  fieldErrors: Partial<Record<string, string>>
}) {
  const { t } = useTranslation()
  const percent = usePercent()
  return (
    <>
      {notices.length > 0 ? (
        <section className="template-notices" aria-labelledby="notices-title">
          <h2 id="notices-title">{t('replies.notices.title')}</h2>
          <ul>
            {notices.map((n) => (
              <li key={`${n.at}-${n.title}`}>
                {t('replies.notices.switchedOff', { title: n.title, rate: percent(n.rate / 100) })}{' '}
                <RelativeTime value={n.at} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {templates.length === 0 ? (
        <p className="empty">{t('replies.page.empty')}</p>
      ) : (
        <>
          <p className="muted">{t('replies.figures.definition')}</p>
          <ol className="template-rows">
            {templates.map((row) => (
              <TemplateItem
                key={row.id}
                row={row}
                settings={settings}
                refused={refused?.templateId === row.id ? refused.message : null}
              />
            ))}
          </ol>
        </>
      )}
      <section aria-labelledby="automation-title" className="automation-settings">
        <h2 id="automation-title">{t('replies.settings.title')}</h2>
        <p>{t('replies.settings.lead')}</p>
        <Form method="post" className="stack" noValidate>
          <FormError message={fieldErrors.form} />
          <div className="inline-fields">
            <TextField
              label={t('replies.settings.minRate')}
              name="minRate"
              inputMode="numeric"
              defaultValue={String(settings.minRate)}
              error={fieldErrors.minRate}
              maxLength={10}
            />
            <TextField
              label={t('replies.settings.minUses')}
              name="minUses"
              inputMode="numeric"
              defaultValue={String(settings.minUses)}
              error={fieldErrors.minUses}
              maxLength={10}
            />
          </div>
          <div className="form-actions">
            <button type="submit" name="intent" value="settings" className="button">
              {t('replies.settings.save')}
            </button>
          </div>
        </Form>
      </section>
    </>
  )
}

function TemplateItem({
  row,
  settings,
  refused,
}: {
  row: TemplateRow
  settings: AutomationSettings
  refused: string | null
}) {
  const { t } = useTranslation()
  const message = useMessage()
  const percent = usePercent()
  const number = useNumber()
  const s = row.stats
  const headingId = `template-${row.id}`
  return (
    <li className="template-row" aria-labelledby={headingId}>
      <div className="template-head">
        <h2 id={headingId}>
          <Link to={`/templates/${row.id}/edit`} lang={row.language}>
            {row.title}
          </Link>
        </h2>
        <p className="muted">
          {t(`replies.visibility.${row.visibility}`)}
          {row.category ? ` · ${row.category}` : ''}
          {row.tags.length ? ` · ${row.tags.join(', ')}` : ''}
          {row.shipped ? ` · ${t('replies.page.shipped')}` : ''}
        </p>
      </div>
      <dl className="template-figures">
        <div>
          <dt>{t('replies.figures.uses')}</dt>
          <dd>{number(s.uses)}</dd>
        </div>
        <div>
          <dt>{t('replies.figures.closureRate')}</dt>
          <dd>
            {percent(s.closureRate)}{' '}
            <span className="muted">{t('replies.figures.ofDecided', { count: s.decided })}</span>
          </dd>
        </div>
        <div>
          <dt>{t('replies.figures.rating')}</dt>
          <dd>
            {s.averageRating === null ? '—' : number(s.averageRating, 1)}{' '}
            <span className="muted">{t('replies.figures.ratings', { count: s.ratings })}</span>
          </dd>
        </div>
        <div>
          <dt>{t('replies.figures.edited')}</dt>
          <dd>{percent(s.averageEdited)}</dd>
        </div>
      </dl>
      <div className="template-automation">
        {row.automatic ? (
          <Form method="post">
            <input type="hidden" name="templateId" value={row.id} />
            <p>
              <strong>{t('replies.automation.on')}</strong>
            </p>
            <button
              type="submit"
              name="intent"
              value="stop-automation"
              className="button button-secondary button-small"
            >
              {t('replies.automation.stop')}
            </button>
          </Form>
        ) : (
          <Form method="post">
            <input type="hidden" name="templateId" value={row.id} />
            {row.gate.ok ? null : (
              <p className="muted">
                {t(`replies.automation.${row.gate.why}`, {
                  decided: s.decided,
                  minUses: settings.minUses,
                  rate: percent(s.closureRate ?? 0),
                  minRate: percent(settings.minRate / 100),
                })}
              </p>
            )}
            <button
              type="submit"
              name="intent"
              value="automate"
              className={
                row.gate.ok ? 'button button-small' : 'button button-secondary button-small'
              }
            >
              {t('replies.automation.start')}
            </button>
          </Form>
        )}
        {refused ? (
          <p className="field-error" role="alert">
            {message(refused)}
          </p>
        ) : null}
      </div>
      {s.uses > 0 ? <TrendChart title={row.title} trend={row.trend} /> : null}
      <section className="template-improve" aria-labelledby={`${headingId}-improve`}>
        <h3 id={`${headingId}-improve`}>{t('replies.improve.title')}</h3>
        {row.followUps.length === 0 ? (
          <p className="muted">{t('replies.improve.none')}</p>
        ) : (
          <ul>
            {row.followUps.map((f) => (
              <li key={`${f.questionId}-${f.at}`}>
                <Link to={`/questions/${f.questionId}`}>{f.questionTitle}</Link>: “{f.excerpt}”
              </li>
            ))}
          </ul>
        )}
      </section>
    </li>
  )
}
