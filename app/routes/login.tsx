import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getT } from '~/i18n/i18n.server'
import { CurrentPasswordField, EmailField, FormError } from '~/components/forms'
import { getAuth, logIn } from '~/modules/auth/auth.server'
import { loginSchema } from '~/modules/auth/validation'
import { fieldErrorsOf } from '~/modules/questions/validation'
import { readForm } from '~/utils/form.server'
import { formValues, invalid, safeRedirect } from '~/utils/http.server'

// The password is deliberately not among the values sent back to the page.
const FIELDS = ['email', 'redirectTo'] as const

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await getAuth(request)
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get('redirectTo'), '')
  if (user) throw redirect(redirectTo || '/')
  const t = await getT(request)
  const params = new URL(request.url).searchParams
  const signedOut = Number(params.get('signedOut'))
  return json({
    title: t('auth.logInMeta'),
    redirectTo,
    signedUp: params.get('signedUp') === '1',
    // How many sessions "log out everywhere" just ended.
    signedOut: Number.isInteger(signedOut) && signedOut > 0 ? Math.min(signedOut, 1000) : null,
  })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await getAuth(request)
  const form = await readForm(request)
  const values = formValues(form, FIELDS)
  if (user) throw redirect(safeRedirect(values.redirectTo))
  const password = form.get('password')
  const parsed = loginSchema.safeParse({
    ...values,
    password: typeof password === 'string' ? password : '',
  })
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error), values)
  const result = await logIn(parsed.data.email, parsed.data.password, context.clientIp)
  if (!result.ok) return invalid(result.fieldErrors, values, result.status)
  return redirect(safeRedirect(values.redirectTo), {
    headers: { 'Set-Cookie': result.setCookie },
  })
}

export default function LoginPage() {
  const { redirectTo, signedUp, signedOut } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const errors = data?.fieldErrors ?? {}
  const { t } = useTranslation()
  const signupHref = redirectTo ? `/signup?redirectTo=${encodeURIComponent(redirectTo)}` : '/signup'
  return (
    <div className="auth-card">
      <h1>{t('auth.logInTitle')}</h1>
      {signedOut && !data ? (
        <p className="notice" role="status">
          {t('auth.signedOut', { count: signedOut })}
        </p>
      ) : null}
      {signedUp && !data ? (
        // Worded for both cases on purpose: sign-up never says whether an e-mail had an account.
        <p className="notice" role="status">
          {t('auth.signedUp')}
        </p>
      ) : null}
      <Form method="post" className="stack">
        <FormError message={errors.form} />
        <input type="hidden" name="redirectTo" value={data?.values.redirectTo ?? redirectTo} />
        <EmailField
          label={t('auth.email')}
          name="email"
          defaultValue={data?.values.email}
          error={errors.email}
        />
        <CurrentPasswordField label={t('auth.password')} name="password" error={errors.password} />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('auth.loggingIn') : t('auth.logInButton')}
        </button>
      </Form>
      <p>
        <Link to="/forgot-password">{t('accounts.login.forgot')}</Link>
      </p>
      <p>
        <Trans i18nKey="auth.newHere" components={{ go: <Link to={signupHref} /> }} />
      </p>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
