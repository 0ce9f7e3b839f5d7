import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { TextAreaField } from '~/components/forms'
import { useNumber } from '~/components/time'
import { SANCTION_REASON_MAX } from '~/modules/moderation/sanction-validation'

type Preview = { reason: string; questions: number; answers: number; items: number }

/**
 * "Delete spammer" on a person's moderation page, in two steps that need no JavaScript: the
 * reason first, then what it will do (counted now) with the button that does it.
 */
export function SpammerForm({
  name,
  preview,
  typed,
  error,
}: {
  name: string
  preview: Preview | null
  typed: string
  error?: string
}) {
  const { t } = useTranslation()
  const number = useNumber()
  return (
    <section aria-labelledby="spammer-heading" className="spammer">
      <h2 id="spammer-heading">{t('moderation.spammer.heading')}</h2>
      {preview ? (
        <div className="notice notice-warning" role="alert">
          <p>
            <strong>{t('moderation.spammer.confirmTitle', { name })}</strong>
          </p>
          <ul>
            <li>
              {t('moderation.spammer.questions', {
                count: preview.questions,
                value: number(preview.questions),
              })}
            </li>
            <li>
              {t('moderation.spammer.answers', {
                count: preview.answers,
                value: number(preview.answers),
              })}
            </li>
            <li>
              {t('moderation.spammer.items', {
                count: preview.items,
                value: number(preview.items),
              })}
            </li>
            <li>{t('moderation.spammer.ban')}</li>
          </ul>
          <p>
            {t('moderation.spammer.reasonShown')} <q>{preview.reason}</q>
          </p>
          <Form method="post" className="form-actions">
            <input type="hidden" name="spammerReason" value={preview.reason} />
            <input type="hidden" name="confirm" value="yes" />
            <button type="submit" name="intent" value="spammer" className="button button-danger">
              {t('moderation.spammer.confirm')}
            </button>
            <Link to="." className="button button-secondary">
              {t('moderation.spammer.cancel')}
            </Link>
          </Form>
        </div>
      ) : (
        <Form method="post" className="stack" noValidate>
          <p>{t('moderation.spammer.intro', { name })}</p>
          <TextAreaField
            label={t('moderation.spammer.reason')}
            hint={t('moderation.spammer.reasonHint')}
            name="spammerReason"
            rows={2}
            required
            maxLength={SANCTION_REASON_MAX}
            defaultValue={typed}
            error={error}
          />
          <div className="form-actions">
            <button type="submit" name="intent" value="spammer" className="button button-danger">
              {t('moderation.spammer.next')}
            </button>
          </div>
        </Form>
      )}
    </section>
  )
}
