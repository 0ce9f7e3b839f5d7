import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormError, TextField } from '~/components/forms'
import { getAuth, logIn } from '~/modules/auth/auth.server'
import { loginSchema } from '~/modules/auth/validation'
import { fieldErrorsOf } from '~/modules/questions/validation'
import { readForm } from '~/utils/form.server'
import { formValues, invalid, safeRedirect } from '~/utils/http.server'

// The password is deliberately not among the values sent back to the page.
const FIELDS = ['email', 'redirectTo'] as const

export const meta: MetaFunction = () => [{ title: 'Log in · Tanya' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await getAuth(request)
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get('redirectTo'), '')
  if (user) throw redirect(redirectTo || '/')
  const params = new URL(request.url).searchParams
  const signedOut = Number(params.get('signedOut'))
  return json({
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
  const signupHref = redirectTo ? `/signup?redirectTo=${encodeURIComponent(redirectTo)}` : '/signup'
  return (
    <div className="auth-card">
      <h1>Log in</h1>
      {signedOut && !data ? (
        <p className="notice" role="status">
          You are logged out everywhere: {signedOut} {signedOut === 1 ? 'session' : 'sessions'}{' '}
          ended.
        </p>
      ) : null}
      {signedUp && !data ? (
        // Worded for both cases on purpose: sign-up never says whether an e-mail had an account.
        <p className="notice" role="status">
          Your account is ready: log in with your e-mail and the password you chose. If that e-mail
          already had an account, log in with its password.
        </p>
      ) : null}
      <Form method="post" className="stack">
        <FormError message={errors.form} />
        <input type="hidden" name="redirectTo" value={data?.values.redirectTo ?? redirectTo} />
        <TextField
          label="E-mail"
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          defaultValue={data?.values.email}
          error={errors.email}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={200}
          error={errors.password}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </Form>
      <p>
        New here? <Link to={signupHref}>Create an account</Link>
      </p>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
