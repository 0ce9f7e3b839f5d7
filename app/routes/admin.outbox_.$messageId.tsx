import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { OutboxMeta } from '~/components/mail/outbox-item'
import { getT } from '~/i18n/i18n.server'
import { getOutboxMessage } from '~/modules/mail/outbox.server'
import { NotFound } from '~/utils/domain-errors'
import { requireAllowed } from '~/utils/session.server'
import mailStyles from '~/styles/mail.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: mailStyles }]
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireAllowed(request, 'outbox.view')
  const id = z.coerce
    .number()
    .int()
    .positive()
    .max(Number.MAX_SAFE_INTEGER)
    .safeParse(params.messageId)
  if (!id.success) throw new NotFound('page')
  const message = getOutboxMessage(user, id.data)
  const t = await getT(request)
  return json({ title: `${message.subject} · ${t('mail.outbox.meta')}`, message })
}

export default function OutboxMessage() {
  const { message: m } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <div className="narrow">
      <p>
        <Link to="/admin/outbox">← {t('mail.outbox.back')}</Link>
      </p>
      <h1>{m.subject}</h1>
      <OutboxMeta m={m} returnTo={`/admin/outbox/${m.id}`} detailed />

      <h2>{t('mail.outbox.htmlVersion')}</h2>
      {/* A sandbox with no permissions: the message cannot run scripts, read this page or navigate it. */}
      <iframe
        title={t('mail.outbox.htmlVersion')}
        className="mail-preview"
        sandbox=""
        srcDoc={m.html}
      />
      <h2>{t('mail.outbox.textVersion')}</h2>
      <pre className="mail-text">{m.text}</pre>
      <h2>{t('mail.outbox.headers')}</h2>
      <pre className="mail-text">
        {Object.entries(m.headers)
          .map(([k, v]) => `${k}: ${v}`)
          .join('\n')}
      </pre>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
