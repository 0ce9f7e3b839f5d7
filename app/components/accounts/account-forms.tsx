import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CurrentPasswordField, EmailField, FormError, NewPasswordField } from '~/components/forms'

type Errors = Partial<Record<string, string>>
type Reply = { intent: string; fieldErrors: Errors; values: Record<string, string> } | undefined

/** Which form a reply belongs to: each shows only its own errors. */
const errorsFor = (reply: Reply, intent: string): Errors =>
  reply?.intent === intent ? reply.fieldErrors : {}

export function PasswordForm({ reply }: { reply: Reply }) {
  const { t } = useTranslation()
  const errors = errorsFor(reply, 'password')
  return (
    <section aria-labelledby="password-title" className="settings-section">
      <h2 id="password-title">{t('accounts.account.passwordTitle')}</h2>
      <Form method="post" className="stack">
        <FormError message={errors.form} />
        <CurrentPasswordField
          label={t('accounts.account.currentPassword')}
          name="currentPassword"
          error={errors.currentPassword}
        />
        <NewPasswordField
          label={t('accounts.account.newPassword')}
          name="newPassword"
          error={errors.newPassword}
        />
        <div>
          <button type="submit" name="intent" value="password" className="button">
            {t('accounts.account.changePassword')}
          </button>
        </div>
      </Form>
    </section>
  )
}

export function EmailForm({
  reply,
  email,
  pendingEmail,
}: {
  reply: Reply
  email: string
  pendingEmail: string | null
}) {
  const { t } = useTranslation()
  const errors = errorsFor(reply, 'email')
  return (
    <section aria-labelledby="email-title" className="settings-section">
      <h2 id="email-title">{t('accounts.account.emailTitle')}</h2>
      <p>{t('accounts.account.emailNow', { email })}</p>
      {pendingEmail ? (
        <p className="muted">{t('accounts.account.pending', { email: pendingEmail })}</p>
      ) : null}
      <Form method="post" className="stack">
        <FormError message={errors.form} />
        <EmailField
          label={t('accounts.account.newEmail')}
          name="newEmail"
          hint={t('accounts.account.newEmailHint')}
          defaultValue={reply?.intent === 'email' ? reply.values.newEmail : undefined}
          error={errors.newEmail}
        />
        <CurrentPasswordField
          label={t('accounts.account.currentPassword')}
          name="emailPassword"
          error={errors.emailPassword}
        />
        <div>
          <button type="submit" name="intent" value="email" className="button">
            {t('accounts.account.sendConfirmation')}
          </button>
        </div>
      </Form>
    </section>
  )
}

export function DeleteForm({ reply }: { reply: Reply }) {
  const { t } = useTranslation()
  const errors = errorsFor(reply, 'delete')
  return (
    <section aria-labelledby="delete-title" className="settings-section settings-danger">
      <h2 id="delete-title">{t('accounts.account.deleteTitle')}</h2>
      <p>{t('accounts.account.deleteText')}</p>
      <Form method="post" className="stack">
        <FormError message={errors.form} />
        <CurrentPasswordField
          label={t('accounts.account.deletePassword')}
          name="deletePassword"
          error={errors.deletePassword}
        />
        <div>
          <button type="submit" name="intent" value="delete" className="button button-danger">
            {t('accounts.account.delete')}
          </button>
        </div>
      </Form>
    </section>
  )
}
