import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Link, useLoaderData, useLocation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { OutboxItem } from '~/components/mail/outbox-item'
import { Pagination } from '~/components/pagination'
import { useNumber } from '~/components/time'
import { getT } from '~/i18n/i18n.server'
import { msg } from '~/i18n/message'
import { countOutbox, listOutbox, retryOutboxMessage } from '~/modules/mail/outbox.server'
import { env } from '~/utils/env.server'
import { readForm } from '~/utils/form.server'
import { safeRedirect } from '~/utils/http.server'
import { requireAllowed } from '~/utils/session.server'
import mailStyles from '~/styles/mail.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: mailStyles }]
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

const guard = (request: Request) => requireAllowed(request, 'outbox.view')

const STATUSES = ['pending', 'sent', 'dead'] as const
const filterSchema = z.object({
  status: z.enum(STATUSES).nullable().catch(null),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await guard(request)
  const params = new URL(request.url).searchParams
  const filter = filterSchema.parse({ status: params.get('status'), page: params.get('page') ?? 1 })
  return json({
    title: (await getT(request))('mail.outbox.meta'),
    status: filter.status,
    counts: countOutbox(user),
    result: listOutbox(user, filter),
    smtp: Boolean(env().SMTP_URL),
  })
}

const retrySchema = z.object({
  intent: z.literal('retry'),
  messageId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  returnTo: z.string().max(2000).optional(),
})
// The values of the form's `intent` field this action takes (the forged-request test posts each).
export const intents = ['retry'] as const

export async function action({ request }: ActionFunctionArgs) {
  const user = await guard(request)
  const parsed = retrySchema.safeParse(Object.fromEntries(await readForm(request)))
  if (!parsed.success) throw new Response(msg('errors.unknownAction'), { status: 400 })
  retryOutboxMessage(user, parsed.data.messageId)
  const back = new URL(safeRedirect(parsed.data.returnTo, '/admin/outbox'), 'http://x')
  back.searchParams.set('retried', String(parsed.data.messageId))
  return redirect(`${back.pathname}${back.search}`)
}

export default function Outbox() {
  const { status, counts, result, smtp } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const number = useNumber()
  const [params] = useSearchParams()
  const location = useLocation()
  const all = counts.pending + counts.sent + counts.dead
  const here = `${location.pathname}${location.search}`
  return (
    <div>
      <h1>{t('mail.outbox.title')}</h1>
      <p className="lead">{t('mail.outbox.lead')}</p>
      {!smtp ? <p className="notice notice-warning">{t('mail.outbox.noSmtp')}</p> : null}
      {params.get('retried') ? (
        <p className="notice" role="status">
          {t('mail.outbox.retried')}
        </p>
      ) : null}
      <nav aria-label={t('mail.outbox.counts')}>
        <ul className="outbox-counts">
          <li>
            <Link to="/admin/outbox" aria-current={status === null ? 'page' : undefined}>
              {t('mail.outbox.all')} ({number(all)})
            </Link>
          </li>
          {STATUSES.map((s) => (
            <li key={s}>
              <Link
                to={`/admin/outbox?status=${s}`}
                aria-current={status === s ? 'page' : undefined}
              >
                {t(`mail.outbox.statuses.${s}`)} ({number(counts[s])})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {result.items.length === 0 ? (
        <p className="empty">{t('mail.outbox.empty')}</p>
      ) : (
        <ul className="outbox-list">
          {result.items.map((m) => (
            <OutboxItem key={m.id} m={m} returnTo={here} />
          ))}
        </ul>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
