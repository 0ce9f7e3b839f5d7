import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getLanguage, getT } from '~/i18n/i18n.server'
import { EmailField, FormError, NewPasswordField, TextField } from '~/components/forms'
import { getAuth, signUp } from '~/modules/auth/auth.server'
import { signupSchema } from '~/modules/auth/validation'
import { fieldErrorsOf } from '~/modules/questions/validation'
import { readForm } from '~/utils/form.server'
import { formValues, invalid, safeRedirect } from '~/utils/http.server'

// The password is deliberately not among the values sent back to the page.
const FIELDS = ['email', 'handle', 'displayName', 'redirectTo'] as const

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await getAuth(request)
  if (user) throw redirect('/')
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get('redirectTo'), '')
  return json({ title: (await getT(request))('auth.signUpMeta'), redirectTo })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await getAuth(request)
  if (user) throw redirect('/')
  const form = await readForm(request)
  const values = formValues(form, FIELDS)
  const password = form.get('password')
  const parsed = signupSchema.safeParse({
    ...values,
    password: typeof password === 'string' ? password : '',
  })
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error), values)
  const result = await signUp(parsed.data, context.clientIp, await getLanguage(request))
  if (!result.ok) return invalid(result.fieldErrors, values, result.status)
  // The same reply whether the e-mail was new or already had an account (see signUp).
  const next = safeRedirect(values.redirectTo, '')
  return redirect(`/login?signedUp=1${next ? `&redirectTo=${encodeURIComponent(next)}` : ''}`)
}

export default function SignupPage() {
  const { redirectTo } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const errors = data?.fieldErrors ?? {}
  const { t } = useTranslation()
  const loginHref = redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : '/login'
  return (
    <div className="auth-card">
      <h1>{t('auth.signUpTitle')}</h1>
      <p className="lead">{t('auth.signUpLead')}</p>
      <Form method="post" className="stack">
        <FormError message={errors.form} />
        <input type="hidden" name="redirectTo" value={data?.values.redirectTo ?? redirectTo} />
        <EmailField
          label={t('auth.email')}
          name="email"
          defaultValue={data?.values.email}
          error={errors.email}
        />
        <TextField
          label={t('auth.handle')}
          name="handle"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          minLength={3}
          maxLength={20}
          hint={t('auth.handleHint')}
          defaultValue={data?.values.handle}
          error={errors.handle}
        />
        <TextField
          label={t('auth.displayName')}
          name="displayName"
          autoComplete="name"
          required
          maxLength={50}
          hint={t('auth.displayNameHint')}
          defaultValue={data?.values.displayName}
          error={errors.displayName}
        />
        <NewPasswordField label={t('auth.password')} name="password" error={errors.password} />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('auth.creatingAccount') : t('auth.createAccount')}
        </button>
      </Form>
      <p>
        <Trans i18nKey="auth.haveAccount" components={{ go: <Link to={loginHref} /> }} />
      </p>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
