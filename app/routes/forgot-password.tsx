import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { EmailField, FormError } from '~/components/forms'
import { getLanguage, getT } from '~/i18n/i18n.server'
import { requestPasswordReset } from '~/modules/accounts/password-reset.server'
import { forgotPasswordSchema } from '~/modules/accounts/validation'
import { fieldErrorsOf } from '~/modules/questions/validation'
import { readForm } from '~/utils/form.server'
import { formValues, invalid } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

// Open to everyone: someone signed in on one device may have forgotten it on another.
export async function loader({ request }: LoaderFunctionArgs) {
  return json({ title: (await getT(request))('accounts.forgot.meta') })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await readForm(request), ['email'] as const)
  const parsed = forgotPasswordSchema.safeParse(values)
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error), values)
  const result = requestPasswordReset(
    parsed.data.email,
    context.clientIp,
    await getLanguage(request),
  )
  if (!result.ok) return invalid({ form: result.form }, values, result.status)
  // The same answer whether or not the address has an account.
  return redirect('/forgot-password?sent=1')
}

export default function ForgotPasswordPage() {
  const data = useActionData<typeof action>()
  const [params] = useSearchParams()
  const busy = useNavigation().state === 'submitting'
  const { t } = useTranslation()
  const errors = data?.fieldErrors ?? {}
  return (
    <div className="auth-card">
      <h1>{t('accounts.forgot.title')}</h1>
      {params.get('sent') && !data ? (
        <p className="notice" role="status">
          {t('accounts.forgot.sent')}
        </p>
      ) : (
        <p className="lead">{t('accounts.forgot.lead')}</p>
      )}
      <Form method="post" className="stack">
        <FormError message={errors.form} />
        <EmailField
          label={t('auth.email')}
          name="email"
          defaultValue={data?.values.email}
          error={errors.email}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('accounts.forgot.sending') : t('accounts.forgot.send')}
        </button>
      </Form>
      <p>
        <Trans i18nKey="accounts.forgot.back" components={{ go: <Link to="/login" /> }} />
      </p>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
