/** A person's standing: sanctions in force, their history, and the moderator's form. */
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { FormError, TextAreaField, TextField } from '~/components/forms'
import { formatDate, RelativeTime, useIntlLocale } from '~/components/time'
import { useMessage } from '~/i18n/use-message'
import { SANCTION_DAYS_MAX, SANCTION_REASON_MAX } from '~/modules/moderation/sanction-validation'
import { SANCTION_KINDS } from '../../../db/schema'

import type { action, loader } from '~/routes/users.$handle_.moderation'

export function SanctionsView() {
  const { own, person, standing, mayAct, sanctions } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const errors: Partial<Record<string, string>> = data?.fieldErrors ?? {}
  const values = data?.values
  const [params] = useSearchParams()
  const { t } = useTranslation()
  const message = useMessage()
  const locale = useIntlLocale()
  const done = params.get('done')
  const inForce = [
    standing.banned ? t('moderation.kinds.ban') : null,
    standing.suspendedUntil ? t('moderation.kinds.suspend') : null,
    standing.silencedUntil ? t('moderation.kinds.silence') : null,
  ].filter(Boolean)
  return (
    <div className="narrow">
      <p className="muted">
        <Link to={`/users/${person.handle}`}>{t('moderation.page.back')}</Link>
      </p>
      <h1>
        {own
          ? t('moderation.page.ownHeading')
          : t('moderation.page.heading', { name: person.displayName })}
      </h1>
      {done === 'lifted' || done === 'applied' ? (
        <p className="notice" role="status">
          {done === 'lifted' ? t('moderation.page.lifted') : t('moderation.page.applied')}
        </p>
      ) : null}
      <h2>{t('moderation.page.inForce')}</h2>
      <p>{inForce.length ? inForce.join(', ') : t('moderation.page.none')}</p>

      <h2>{t('moderation.page.history')}</h2>
      {sanctions.length === 0 ? (
        <p>{t('moderation.page.noHistory')}</p>
      ) : (
        <ul className="sanction-list">
          {sanctions.map((s) => {
            return (
              <li key={s.id}>
                <strong>{t(`moderation.kinds.${s.kind}`)}</strong> ·{' '}
                <RelativeTime value={s.createdAt} />
                {s.byName ? ` · ${t('moderation.page.by', { name: s.byName })}` : null}
                {s.kind === 'warn' ? null : (
                  <>
                    {' · '}
                    {s.liftedAt ? (
                      <Trans
                        i18nKey="moderation.page.liftedOn"
                        components={{ when: <RelativeTime value={s.liftedAt} /> }}
                      />
                    ) : s.endsAt ? (
                      s.running ? (
                        <Trans
                          i18nKey="moderation.page.until"
                          components={{ when: <RelativeTime value={s.endsAt} /> }}
                        />
                      ) : (
                        t('moderation.page.ended')
                      )
                    ) : (
                      t('moderation.page.forGood')
                    )}
                  </>
                )}
                <blockquote>{s.reason}</blockquote>
                {mayAct && s.running ? (
                  <Form method="post">
                    <input type="hidden" name="sanctionId" value={s.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="lift"
                      className="button button-secondary"
                      aria-label={t('moderation.page.liftLabel', {
                        kind: t(`moderation.kinds.${s.kind}`),
                        date: formatDate(new Date(s.createdAt), locale),
                      })}
                    >
                      {t('moderation.page.lift')}
                    </button>
                  </Form>
                ) : null}
              </li>
            )
          })}
        </ul>
      )}

      {mayAct ? (
        <>
          <h2>{t('moderation.page.newSanction')}</h2>
          <Form method="post" className="stack" noValidate>
            <FormError message={errors.form} />
            <fieldset className="field choice-field">
              <legend>{t('moderation.page.kind')}</legend>
              <div className="choice-cards">
                {SANCTION_KINDS.map((kind) => (
                  <label key={kind} className="choice-card">
                    <input
                      type="radio"
                      name="kind"
                      value={kind}
                      defaultChecked={(values?.kind ?? 'warn') === kind}
                      aria-describedby={`kind-${kind}-hint`}
                    />
                    <span className="choice-card-text">
                      <span className="choice-card-name">{t(`moderation.kinds.${kind}`)}</span>
                      <span className="choice-card-description" id={`kind-${kind}-hint`}>
                        {t(`moderation.kindHints.${kind}`)}
                      </span>
                    </span>
                  </label>
                ))}
              </div>
              {errors.kind ? (
                <p className="field-error" role="alert">
                  {message(errors.kind)}
                </p>
              ) : null}
            </fieldset>
            <TextField
              label={t('moderation.page.days')}
              hint={t('moderation.page.daysHint')}
              name="days"
              inputMode="numeric"
              defaultValue={values?.days ?? '7'}
              error={errors.days}
              maxLength={String(SANCTION_DAYS_MAX).length}
            />
            <TextAreaField
              label={t('moderation.page.reason')}
              hint={t('moderation.page.reasonHint')}
              name="reason"
              rows={3}
              defaultValue={values?.reason ?? ''}
              error={errors.reason}
              maxLength={SANCTION_REASON_MAX}
            />
            <div className="form-actions">
              <button type="submit" name="intent" value="sanction" className="button">
                {t('moderation.page.submit')}
              </button>
            </div>
          </Form>
        </>
      ) : null}
    </div>
  )
}
