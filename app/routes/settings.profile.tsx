import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ProfileForm } from '~/components/accounts/profile-form'
import { SettingsNav } from '~/components/accounts/settings-nav'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getT } from '~/i18n/i18n.server'
import { getAccountSettings, updateProfile } from '~/modules/accounts/settings.server'
import { profileSchema } from '~/modules/accounts/validation'
import { can } from '~/modules/policy/policy'
import { fieldErrorsOf } from '~/modules/questions/validation'
import accountStyles from '~/styles/accounts.css'
import { readForm } from '~/utils/form.server'
import { formValues, invalid } from '~/utils/http.server'
import { requireAllowed } from '~/utils/session.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: accountStyles }]
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

const FIELDS = ['displayName', 'bio', 'avatarColour'] as const

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAllowed(request, 'account.settings')
  const account = getAccountSettings(user)
  return json({
    title: (await getT(request))('accounts.profile.meta'),
    handle: account.handle,
    values: {
      displayName: account.displayName,
      bio: account.bio,
      avatarColour: account.avatarColour ?? '',
    },
    // A silenced account sees its profile but may not change it.
    mayEdit: can(user, 'profile.edit', null),
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAllowed(request, 'profile.edit')
  const values = formValues(await readForm(request), FIELDS)
  const parsed = profileSchema.safeParse(values)
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error), values)
  updateProfile(user, parsed.data)
  return redirect('/settings/profile?saved=1')
}

export default function ProfileSettings() {
  const { handle, values, mayEdit } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const [params] = useSearchParams()
  const { t } = useTranslation()
  return (
    <div className="narrow">
      <SettingsNav />
      <h1>{t('accounts.profile.title')}</h1>
      <p className="lead">{t('accounts.profile.lead')}</p>
      {params.get('saved') && !data ? (
        <p className="notice" role="status">
          {t('accounts.profile.saved')}
        </p>
      ) : null}
      {!mayEdit ? <p className="notice notice-warning">{t('accounts.profile.readOnly')}</p> : null}
      <ProfileForm
        handle={handle}
        values={data?.values ?? values}
        errors={data?.fieldErrors ?? {}}
        disabled={!mayEdit}
      />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
