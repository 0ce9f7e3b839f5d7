import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormError } from '~/components/forms'
import { getLanguage, getT } from '~/i18n/i18n.server'
import { msg } from '~/i18n/message'
import { confirmEmailChange, getEmailChange } from '~/modules/accounts/settings.server'
import { readForm } from '~/utils/form.server'
import { invalid } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

// The link sent to the new address: the token is the authority, signed in or not. Opening it
// only asks; the button's POST changes the address (mail scanners open links on their own).
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams
  const token = (params.get('token') ?? '').slice(0, 100)
  const done = params.get('done')
  const change = done ? null : getEmailChange(token)
  return json({
    title: (await getT(request))('accounts.confirm.meta'),
    state: done ? ('done' as const) : change ? ('ask' as const) : ('expired' as const),
    token: change ? token : '',
    newEmail: change?.newEmail ?? '',
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const token = String((await readForm(request)).get('token') ?? '').slice(0, 100)
  const result = confirmEmailChange(token, await getLanguage(request))
  if (!result.ok)
    return invalid(
      {
        form: msg(
          result.reason === 'taken' ? 'accounts.confirm.taken' : 'accounts.confirm.expired',
        ),
      },
      { token },
      result.reason === 'taken' ? 409 : 400,
    )
  return redirect('/confirm-email?done=1')
}

export default function ConfirmEmailPage() {
  const { state, token, newEmail } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const { t } = useTranslation()
  return (
    <div className="auth-card">
      <h1>{t('accounts.confirm.title')}</h1>
      {data ? <FormError message={data.fieldErrors.form} /> : null}
      {state === 'done' ? (
        <p className="notice" role="status">
          {t('accounts.confirm.done')}
        </p>
      ) : state === 'expired' ? (
        <p className="notice notice-warning">{t('accounts.confirm.expired')}</p>
      ) : data ? null : (
        <Form method="post" className="stack">
          <p>{t('accounts.confirm.question', { email: newEmail })}</p>
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="button" disabled={busy}>
            {t('accounts.confirm.confirm')}
          </button>
        </Form>
      )}
      <p>
        <Link to="/settings/account">{t('accounts.confirm.settings')}</Link>
      </p>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
