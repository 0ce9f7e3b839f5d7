import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useLocation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DeskFilterForm } from '~/components/desk/desk-filters'
import { DeskItem } from '~/components/desk/desk-item'
import { OnCall } from '~/components/desk/on-call'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Pagination } from '~/components/pagination'
import { useNumber } from '~/components/time'
import { getLanguage, getT } from '~/i18n/i18n.server'
import { msg } from '~/i18n/message'
import { useMessage } from '~/i18n/use-message'
import { listCategories } from '~/modules/categories/categories.server'
import { listAssignableStaff, listDesk } from '~/modules/escalation/desk.server'
import { deskFilters, staffIntent } from '~/modules/escalation/desk-validation'
import { onCallNow } from '~/modules/escalation/rota.server'
import { readForm } from '~/utils/form.server'
import { requireAllowed } from '~/utils/session.server'
import { conflictReply, runDeskIntent } from '~/utils/staff-intents.server'
import deskStyles from '~/styles/desk.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: deskStyles }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

const guard = (request: Request) => requireAllowed(request, 'desk.view')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await guard(request)
  const language = await getLanguage(request)
  const url = new URL(request.url)
  const filters = deskFilters.parse(Object.fromEntries(url.searchParams))
  return json({
    title: (await getT(request))('desk.meta.title'),
    desk: listDesk(user, filters, language),
    filters,
    categories: listCategories(language),
    staff: listAssignableStaff(),
    onCall: onCallNow(),
  })
}

// The values of the form's `intent` field this action takes (the forged-request test posts each).
export const intents = staffIntent.options.map((o) => o.shape.intent.value)

export async function action({ request }: ActionFunctionArgs) {
  const user = await guard(request)
  const parsed = staffIntent.safeParse(Object.fromEntries(await readForm(request)))
  if (!parsed.success) throw new Response(msg('errors.unknownAction'), { status: 400 })
  try {
    const { changed } = runDeskIntent(user, parsed.data)
    // Back to the same view of the desk, saying what happened.
    const back = new URL(request.url).searchParams
    back.set('done', changed ? parsed.data.intent : 'unchanged')
    return redirect(`/desk?${back.toString()}`)
  } catch (error) {
    return conflictReply(error)
  }
}

const DONE = ['claim', 'assign', 'acknowledge', 'resolve-escalation', 'unchanged'] as const
const doneKey = {
  claim: 'desk.done.claim',
  assign: 'desk.done.assign',
  acknowledge: 'desk.done.acknowledge',
  'resolve-escalation': 'desk.done.resolve',
  unchanged: 'desk.done.unchanged',
} as const

export default function Desk() {
  const { desk, filters, categories, staff, onCall } = useLoaderData<typeof loader>()
  const reply = useActionData() as { conflict?: string } | undefined
  const [params] = useSearchParams()
  const location = useLocation()
  const { t } = useTranslation()
  const message = useMessage()
  const number = useNumber()
  const done = DONE.find((d) => d === params.get('done'))
  // The forms post to this view of the desk, so a redirect comes back to it.
  const here = new URLSearchParams(location.search)
  here.delete('done')
  const query = here.toString()
  const action = `/desk${query ? `?${query}` : ''}`
  const filtered =
    filters.show !== 'all' || filters.category !== undefined || filters.level !== undefined
  return (
    <div className="desk">
      <div className="page-heading">
        <div>
          <h1>{t('desk.page.title')}</h1>
          <p className="lead">{t('desk.page.lead')}</p>
        </div>
      </div>
      <OnCall onCall={onCall} />
      {reply?.conflict ? (
        <div className="notice notice-warning" role="alert">
          <p>
            <strong>{t('desk.conflict.title')}</strong>
          </p>
          <p>{message(reply.conflict)}</p>
        </div>
      ) : done ? (
        <p className="notice" role="status">
          {t(doneKey[done])}
        </p>
      ) : null}
      <DeskFilterForm filters={filters} categories={categories} />
      <h2 className="desk-count">
        {t('desk.page.count', { count: desk.total, value: number(desk.total) })}
      </h2>
      {desk.items.length === 0 ? (
        <div className="empty-state">
          <h3>{filtered ? t('desk.empty.filtered') : t('desk.empty.title')}</h3>
          {filtered ? (
            <p>
              <Link to="/desk">{t('desk.empty.showAll')}</Link>
            </p>
          ) : (
            <p>{t('desk.empty.text')}</p>
          )}
        </div>
      ) : (
        <ol className="desk-list">
          {desk.items.map((item) => (
            <DeskItem key={item.id} item={item} staff={staff} action={action} />
          ))}
        </ol>
      )}
      <Pagination page={desk.page} pageCount={desk.pageCount} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
