import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { SettingsNav } from '~/components/accounts/settings-nav'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { LANGUAGE_NAMES, LANGUAGES } from '~/i18n/config'
import { getLanguage, getT } from '~/i18n/i18n.server'
import accountStyles from '~/styles/accounts.css'
import { requireAllowed } from '~/utils/session.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: accountStyles }]
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAllowed(request, 'account.settings')
  return json({
    title: (await getT(request))('accounts.language.meta'),
    current: await getLanguage(request),
  })
}

/** The same choice as the footer's switcher, posted to the same place, kept on the account. */
export default function LanguageSettings() {
  const { current } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <div className="narrow">
      <SettingsNav />
      <h1>{t('accounts.language.title')}</h1>
      <Form method="post" action="/language" reloadDocument className="stack">
        <input type="hidden" name="returnTo" value="/settings/language" />
        <fieldset className="language-choices">
          <legend>{t('accounts.language.lead')}</legend>
          {LANGUAGES.map((lng) => (
            <label key={lng}>
              <input type="radio" name="language" value={lng} defaultChecked={lng === current} />{' '}
              <span lang={lng}>{LANGUAGE_NAMES[lng]}</span>
            </label>
          ))}
        </fieldset>
        <div>
          <button type="submit" className="button">
            {t('accounts.language.save')}
          </button>
        </div>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
