import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getT } from '~/i18n/i18n.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

/** Where deleting one's account ends: a page for anyone, since nobody is signed in any more. */
export async function loader({ request }: LoaderFunctionArgs) {
  return json({ title: (await getT(request))('accounts.goodbye.meta') })
}

export default function Goodbye() {
  const { t } = useTranslation()
  return (
    <div className="auth-card">
      <h1>{t('accounts.goodbye.title')}</h1>
      <p>{t('accounts.goodbye.text')}</p>
      <p>
        <Link to="/">{t('accounts.goodbye.home')}</Link>
      </p>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
