import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormError, NewPasswordField } from '~/components/forms'
import { getLanguage, getT } from '~/i18n/i18n.server'
import { isResetTokenUsable, resetPassword } from '~/modules/accounts/password-reset.server'
import { resetPasswordSchema } from '~/modules/accounts/validation'
import { fieldErrorsOf } from '~/modules/questions/validation'
import { readForm } from '~/utils/form.server'
import { invalid } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

// The link from the e-mail: the token is the authority, signed in or not. Opening it changes
// nothing (mail scanners open links); the form's POST does.
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams
  const token = (params.get('token') ?? '').slice(0, 100)
  const state = params.get('done') ? 'done' : isResetTokenUsable(token) ? 'form' : 'expired'
  return json({
    title: (await getT(request))('accounts.reset.meta'),
    state,
    token: state === 'form' ? token : '',
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request)
  const token = String(form.get('token') ?? '').slice(0, 100)
  const password = form.get('password')
  const parsed = resetPasswordSchema.safeParse({
    token,
    password: typeof password === 'string' ? password : '',
  })
  // The password is never sent back to the page.
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error), { token })
  const result = await resetPassword(
    parsed.data.token,
    parsed.data.password,
    await getLanguage(request),
  )
  if (!result.ok) return invalid({ form: result.form }, { token })
  // Every session ended; logging in again is where a sanction still keeps someone out.
  return redirect('/reset-password?done=1')
}

export default function ResetPasswordPage() {
  const { state, token } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const { t } = useTranslation()
  const errors = data?.fieldErrors ?? {}
  return (
    <div className="auth-card">
      <h1>{t('accounts.reset.title')}</h1>
      {state === 'done' ? (
        <>
          <p className="notice" role="status">
            {t('accounts.reset.done')}
          </p>
          <p>
            <Link to="/login" className="button">
              {t('accounts.reset.logIn')}
            </Link>
          </p>
        </>
      ) : state === 'expired' ? (
        <>
          <p className="notice notice-warning">{t('accounts.reset.expired')}</p>
          <p>
            <Link to="/forgot-password">{t('accounts.reset.askAgain')}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{t('accounts.reset.lead')}</p>
          <Form method="post" className="stack">
            <FormError message={errors.form} />
            <input type="hidden" name="token" value={data?.values.token ?? token} />
            <NewPasswordField
              label={t('accounts.reset.newPassword')}
              name="password"
              error={errors.password}
            />
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('accounts.reset.saving') : t('accounts.reset.save')}
            </button>
          </Form>
          {errors.form ? (
            <p>
              <Link to="/forgot-password">{t('accounts.reset.askAgain')}</Link>
            </p>
          ) : null}
        </>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
