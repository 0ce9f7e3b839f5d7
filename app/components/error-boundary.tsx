import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { useMessage } from '~/i18n/use-message'

const KNOWN = [400, 403, 404, 409, 415, 429] as const
type Known = (typeof KNOWN)[number]
const isKnown = (status: number): status is Known => (KNOWN as readonly number[]).includes(status)

/** Expected failures show their own message; anything else is a 500 without internals. */
export function GeneralErrorBoundary() {
  const { t } = useTranslation()
  const translate = useMessage()
  const error = useRouteError()
  let status = 500
  let detail: string | null = null
  if (isRouteErrorResponse(error)) {
    status = error.status
    if (typeof error.data === 'string' && error.data.length < 200) detail = error.data
  }
  const title = isKnown(status) ? t(`errors.title${status}`) : t('errors.title500')
  const text = isKnown(status) ? t(`errors.text${status}`) : t('errors.text500')
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-code">{status}</p>
      <h1 id="error-title">{title}</h1>
      <p>{status !== 500 && detail ? translate(detail) : text}</p>
      <p>
        <Trans
          i18nKey="errors.homeOrBrowse"
          components={{ home: <Link to="/" />, browse: <Link to="/questions" /> }}
        />
      </p>
    </section>
  )
}
