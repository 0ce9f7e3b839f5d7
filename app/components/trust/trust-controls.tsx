/** A person's trust level and helper role, as moderators set them on the moderation page. */
import { Form, useActionData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { SelectField } from '~/components/forms'
import { TRUST_LEVELS } from '~/modules/trust/levels'
import { ReasonField } from '../audit/reason-field'

type Trust = {
  level: number
  locked: number | null
  helper: boolean
  mayLock: boolean
  mayHelper: boolean
}

export function TrustControls({ trust }: { trust: Trust }) {
  const { t } = useTranslation()
  const reply = useActionData() as
    | { fieldErrors?: Partial<Record<string, string>>; values?: Partial<Record<string, string>> }
    | undefined
  const typed = (form: string, field: string) =>
    reply?.values?.form === form
      ? { defaultValue: reply.values[field] ?? '', error: reply.fieldErrors?.[field] }
      : {}
  const [params] = useSearchParams()
  const done = params.get('done')
  const name = t(`trust.levels.${trust.level as 0}`)
  if (!trust.mayLock && !trust.mayHelper) return null
  return (
    <section className="narrow" aria-labelledby="trust-heading">
      <h2 id="trust-heading">{t('trust.manage.heading')}</h2>
      {done === 'trust' || done === 'helper' ? (
        <p className="notice" role="status">
          {t(done === 'trust' ? 'trust.manage.saved' : 'trust.manage.helperSaved')}
        </p>
      ) : null}
      <p>
        {trust.locked === null
          ? t('trust.manage.current', { level: trust.level, name })
          : t('trust.manage.locked', { level: trust.level, name })}
      </p>
      {trust.mayLock ? (
        <Form method="post" className="stack">
          <SelectField
            label={t('trust.manage.level')}
            name="level"
            defaultValue={trust.locked === null ? '' : String(trust.locked)}
            options={[
              { value: '', label: t('trust.manage.unlock') },
              ...TRUST_LEVELS.map((l) => ({
                value: String(l),
                label: `${l} · ${t(`trust.levels.${l}`)}`,
              })),
            ]}
          />
          <ReasonField name="trustReason" {...typed('trust', 'trustReason')} />
          <div className="form-actions">
            <button type="submit" name="intent" value="trust" className="button">
              {t('trust.manage.submit')}
            </button>
          </div>
        </Form>
      ) : null}
      {trust.mayHelper ? (
        <>
          <h2>{t('trust.manage.helperHeading')}</h2>
          <p>{t(trust.helper ? 'trust.manage.isHelper' : 'trust.manage.notHelper')}</p>
          <Form method="post" className="bring-back" noValidate>
            <input type="hidden" name="helper" value={trust.helper ? '0' : '1'} />
            <ReasonField brief name="helperReason" {...typed('helper', 'helperReason')} />
            <button
              type="submit"
              name="intent"
              value="helper"
              className={trust.helper ? 'button button-secondary' : 'button'}
            >
              {t(trust.helper ? 'trust.manage.removeHelper' : 'trust.manage.makeHelper')}
            </button>
          </Form>
        </>
      ) : null}
    </section>
  )
}
