import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DeleteForm, EmailForm, PasswordForm } from '~/components/accounts/account-forms'
import { SettingsNav } from '~/components/accounts/settings-nav'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getLanguage, getT } from '~/i18n/i18n.server'
import { msg } from '~/i18n/message'
import {
  changePassword,
  deleteOwnAccount,
  getAccountSettings,
  requestEmailChange,
} from '~/modules/accounts/settings.server'
import { ACCOUNT_INTENTS, accountFormSchema } from '~/modules/accounts/validation'
import { logOut } from '~/modules/auth/auth.server'
import { fieldErrorsOf } from '~/modules/questions/validation'
import accountStyles from '~/styles/accounts.css'
import { readForm } from '~/utils/form.server'
import { requireAllowed } from '~/utils/session.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: accountStyles }]
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

const guard = (request: Request) => requireAllowed(request, 'account.settings')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await guard(request)
  const { email, pendingEmail } = getAccountSettings(user)
  return json({ title: (await getT(request))('accounts.account.meta'), email, pendingEmail })
}

// The values of the form's `intent` field this action takes (the forged-request test posts each).
export const intents = ACCOUNT_INTENTS

export async function action({ request }: ActionFunctionArgs) {
  const user = await guard(request)
  const form = Object.fromEntries(await readForm(request))
  const intent = ACCOUNT_INTENTS.find((i) => i === form.intent)
  if (!intent) throw new Response(msg('errors.unknownAction'), { status: 400 })
  // Only the new address comes back to the page: never a password.
  const values = { newEmail: typeof form.newEmail === 'string' ? form.newEmail : '' }
  const refuse = (fieldErrors: Record<string, string>, status = 400) =>
    json({ intent, fieldErrors, values }, { status })
  const parsed = accountFormSchema.safeParse(form)
  if (!parsed.success) return refuse(fieldErrorsOf(parsed.error))
  const input = parsed.data
  if (input.intent === 'password') {
    const result = await changePassword(
      user,
      input.currentPassword,
      input.newPassword,
      await getLanguage(request),
    )
    if (!result.ok) return refuse(result.fieldErrors, result.status)
    return redirect(`/settings/account?passwordChanged=${result.sessionsEnded}`, {
      headers: { 'Set-Cookie': result.setCookie },
    })
  }
  if (input.intent === 'email') {
    const result = await requestEmailChange(
      user,
      input.newEmail,
      input.emailPassword,
      await getLanguage(request),
    )
    if (!result.ok) return refuse(result.fieldErrors, result.status)
    return redirect('/settings/account?emailSent=1')
  }
  const result = await deleteOwnAccount(user, input.deletePassword)
  if (!result.ok) return refuse(result.fieldErrors, result.status)
  return redirect('/goodbye', { headers: { 'Set-Cookie': await logOut(request) } })
}

export default function AccountSettings() {
  const { email, pendingEmail } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const [params] = useSearchParams()
  const { t } = useTranslation()
  const ended = Number(params.get('passwordChanged'))
  return (
    <div className="narrow">
      <SettingsNav />
      <h1>{t('accounts.account.title')}</h1>
      {!reply && params.has('passwordChanged') && Number.isInteger(ended) && ended >= 0 ? (
        <p className="notice" role="status">
          {t('accounts.account.passwordChanged', { count: Math.min(ended, 1000) })}
        </p>
      ) : null}
      {!reply && params.get('emailSent') ? (
        <p className="notice" role="status">
          {t('accounts.account.emailSent')}
        </p>
      ) : null}
      <PasswordForm reply={reply} />
      <EmailForm reply={reply} email={email} pendingEmail={pendingEmail} />
      <DeleteForm reply={reply} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
