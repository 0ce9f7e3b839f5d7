import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { PersonHistory } from '~/components/audit/audit-log'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { SanctionsView } from '~/components/moderation/sanctions-page'
import { TrustControls } from '~/components/trust/trust-controls'
import { getT } from '~/i18n/i18n.server'
import { msg } from '~/i18n/message'
import { listPersonHistory } from '~/modules/audit/audit.server'
import { HANDLE_PATTERN } from '~/modules/auth/validation'
import { listSanctions, standingOf } from '~/modules/moderation/sanctions.server'
import { atLeast, can } from '~/modules/policy/policy'
import { now } from '~/utils/clock.server'
import { db } from '~/utils/db.server'
import { readForm } from '~/utils/form.server'
import { forbidden, notFound } from '~/utils/http.server'
import { personSanctionAction } from '~/utils/person-moderation.server'
import { personTrust, personTrustAction } from '~/utils/person-trust.server'
import { requireUser } from '~/utils/session.server'
import { users } from '../../db/schema'
import moderationStyles from '~/styles/moderation.css'
import auditStyles from '~/styles/audit.css'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: moderationStyles },
  { rel: 'stylesheet', href: auditStyles },
]
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

/** The person, seen by themselves or by a moderator; anyone else is refused. */
async function guard(request: Request, handle: string | undefined) {
  const viewer = await requireUser(request)
  const h = (handle ?? '').toLowerCase()
  if (!HANDLE_PATTERN.test(h)) notFound(msg('community.profile.notFound'))
  const person = db
    .select({
      id: users.id,
      role: users.role,
      handle: users.handle,
      displayName: users.displayName,
      silencedUntil: users.silencedUntil,
      suspendedUntil: users.suspendedUntil,
      bannedAt: users.bannedAt,
      deletedAt: users.deletedAt,
      trustLevel: users.trustLevel,
      trustLocked: users.trustLocked,
    })
    .from(users)
    .where(eq(users.handle, h))
    .get()
  if (!person || person.deletedAt) notFound(msg('community.profile.notFound'))
  const own = viewer.id === person.id
  if (!own && !atLeast(viewer, 'moderator')) forbidden()
  return { viewer, person, own }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, person, own } = await guard(request, params.handle)
  const t = await getT(request)
  const standing = standingOf(person)
  return json({
    title: own
      ? `${t('moderation.page.ownHeading')} · Tanya`
      : t('moderation.page.title', { name: person.displayName }),
    own,
    person: { handle: person.handle, displayName: person.displayName },
    standing: {
      silencedUntil: standing.silencedUntil?.toISOString() ?? null,
      suspendedUntil: standing.suspendedUntil?.toISOString() ?? null,
      banned: standing.banned,
    },
    mayAct: can(viewer, 'user.sanction', person),
    // "delete spammer" from here too: the queue's steps, keyed by the person
    maySpammer: can(viewer, 'user.sanction', person) && can(viewer, 'review.decide', null),
    trust: own ? null : personTrust(viewer, person),
    // in force by the server's clock, not the browser's
    sanctions: listSanctions(person.id).map((s) => ({
      ...s,
      running: s.kind !== 'warn' && !s.liftedAt && (!s.endsAt || s.endsAt > now()),
    })),
    // as actor and as target: for those who may read the audit log
    history: can(viewer, 'audit.view', null) ? listPersonHistory(viewer, person.id).entries : null,
  })
}

const intentSchema = z.enum(['sanction', 'lift', 'trust', 'helper', 'spammer'])
export const intents = intentSchema.options

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, person } = await guard(request, params.handle)
  const form = await readForm(request)
  const intent = intentSchema.safeParse(form.get('intent'))
  if (!intent.success) throw new Response(msg('errors.unknownAction'), { status: 400 })
  if (intent.data === 'trust' || intent.data === 'helper')
    return personTrustAction(viewer, person, intent.data, form)
  return personSanctionAction(viewer, person, intent.data, form)
}

export default function ModerationPage() {
  const { history, person, trust } = useLoaderData<typeof loader>()
  return (
    <div className="person-moderation">
      <SanctionsView />
      {trust ? <TrustControls trust={trust} /> : null}
      {history ? <PersonHistory entries={history} handle={person.handle} /> : null}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
