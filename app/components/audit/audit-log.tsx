import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { AuditEntry } from '~/modules/audit/audit.server'
import { AUDIT_KIND_NAMES, KIND_LABELS, SANCTION_LABELS } from '~/modules/audit/kinds'
import type { MessageKey } from '~/i18n/keys'
import { shownName } from '~/modules/users/names'
import { RelativeTime } from '../time'

type Values = Partial<Record<'actor' | 'kind' | 'user' | 'question' | 'from' | 'to', string>>

/** The filters, as a GET form: every filter is a link that works without JavaScript. */
export function AuditFilters({
  values,
  errors,
}: {
  values: Values
  errors: Partial<Record<keyof Values, string>>
}) {
  const { t } = useTranslation()
  const field = (name: keyof Values, label: string, type = 'text') => (
    <div className={`field${errors[name] ? ' field-invalid' : ''}`}>
      <label htmlFor={`audit-${name}`}>{label}</label>
      <input
        id={`audit-${name}`}
        name={name}
        type={type}
        defaultValue={values[name] ?? ''}
        maxLength={40}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `audit-${name}-error` : undefined}
      />
      {errors[name] ? (
        <p className="field-error" id={`audit-${name}-error`}>
          {errors[name]}
        </p>
      ) : null}
    </div>
  )
  const filtered = Object.values(values).some(Boolean)
  return (
    <Form method="get" className="audit-filters" aria-label={t('audit.page.filters')}>
      {field('actor', t('audit.page.actor'))}
      <div className="field">
        <label htmlFor="audit-kind">{t('audit.page.kind')}</label>
        <select id="audit-kind" name="kind" defaultValue={values.kind ?? ''}>
          <option value="">{t('audit.page.anyKind')}</option>
          {AUDIT_KIND_NAMES.map((k) => (
            <option key={k} value={k}>
              {t(KIND_LABELS[k])}
            </option>
          ))}
        </select>
      </div>
      {field('user', t('audit.page.user'))}
      {values.question ? field('question', t('audit.page.question')) : null}
      {field('from', t('audit.page.from'), 'date')}
      {field('to', t('audit.page.to'), 'date')}
      <div className="audit-filter-actions">
        <button type="submit" className="button button-secondary">
          {t('audit.page.apply')}
        </button>
        {filtered ? <Link to="/audit">{t('audit.page.clear')}</Link> : null}
      </div>
    </Form>
  )
}

/** An entry's words: its describer's sentence, or its type's name when it has none. */
function useDescribe() {
  const { t } = useTranslation()
  return (e: AuditEntry) => {
    if ('raw' in e.description) return e.description.raw
    const values = { ...e.description.values }
    const sanction = SANCTION_LABELS[String(values.sanction ?? '')]
    if (sanction) values.sanction = t(sanction)
    return t(e.description.key, values)
  }
}

function Target({ e }: { e: AuditEntry }) {
  const { t } = useTranslation()
  const links = []
  if (e.question) {
    const label =
      e.answerId !== null
        ? t('audit.page.answerOn', { answer: e.answerId, id: e.question.id })
        : (e.question.title ?? t('audit.page.questionNumber', { id: e.question.id }))
    const hash = e.answerId !== null ? `#answer-${e.answerId}` : ''
    links.push(
      <Link key="q" to={`/questions/${e.question.id}${hash}`}>
        {label}
      </Link>,
    )
  }
  if (e.article)
    links.push(
      <Link key="a" to={`/kb/${e.article.slug}`}>
        {e.article.title}
      </Link>,
    )
  if (e.user)
    links.push(
      <Link key="u" to={`/users/${e.user.handle}/moderation`}>
        {shownName(t, e.user)} (@{e.user.handle})
      </Link>,
    )
  if (links.length === 0) return null
  return (
    <p className="audit-target">
      <span className="muted">{t('audit.page.target')}: </span>
      {links.reduce<React.ReactNode[]>((all, l, i) => (i ? [...all, ' · ', l] : [l]), [])}
    </p>
  )
}

/** The entries, newest first; each says who did what, to what, why and when. */
export function AuditList({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation()
  const describe = useDescribe()
  return (
    <ol className="audit-list">
      {entries.map((e) => (
        <li key={e.id} className="audit-entry">
          <p>
            <strong>
              {e.actor ? (
                <Link to={`/users/${e.actor.handle}`}>{shownName(t, e.actor)}</Link>
              ) : (
                t('audit.page.system')
              )}
            </strong>{' '}
            {describe(e)}
          </p>
          <Target e={e} />
          {e.reason.label || e.reason.note ? (
            <p className="audit-reason">
              <span className="muted">{t('audit.page.reason')}: </span>
              {[e.reason.label ? t(e.reason.label as MessageKey) : '', e.reason.note]
                .filter(Boolean)
                .join(' — ')}
            </p>
          ) : null}
          <p className="muted audit-time">
            <RelativeTime value={e.at} />
          </p>
        </li>
      ))}
    </ol>
  )
}

/** Keyset paging: older entries from the last one shown, and back to the newest. */
export function AuditPager({
  next,
  query,
  first,
}: {
  next: string | null
  query: string
  first: boolean
}) {
  const { t } = useTranslation()
  if (!next && first) return null
  const params = new URLSearchParams(query)
  params.delete('cursor')
  const base = params.toString()
  return (
    <nav className="pagination" aria-label={t('audit.page.heading')}>
      {!first ? <Link to={`?${base}`}>{t('audit.page.newest')}</Link> : null}
      {next ? (
        <Link to={`?${base ? `${base}&` : ''}cursor=${encodeURIComponent(next)}`} rel="next">
          {t('audit.page.older')}
        </Link>
      ) : null}
    </nav>
  )
}

/** A person's moderation history on their moderation page. */
export function PersonHistory({ entries, handle }: { entries: AuditEntry[]; handle: string }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="audit-history-title" className="narrow audit-history">
      <h2 id="audit-history-title">{t('audit.page.history')}</h2>
      <p className="muted">{t('audit.page.historyLead')}</p>
      {entries.length === 0 ? (
        <p className="empty-state">{t('audit.page.historyEmpty')}</p>
      ) : (
        <>
          <AuditList entries={entries} />
          <p>
            <Link to={`/audit?actor=${handle}`}>{t('audit.page.historyAll')}</Link>
          </p>
        </>
      )}
    </section>
  )
}
