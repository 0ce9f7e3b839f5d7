import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { SettingsNav } from '~/components/accounts/settings-nav'
import { NotificationChoices } from '~/components/mail/notification-choices'
import { getLanguage, getT } from '~/i18n/i18n.server'
import { msg } from '~/i18n/message'
import { getRecipient } from '~/modules/mail/mail.server'
import { readChoices } from '~/modules/notifications/choices-form.server'
import { listFollows, unfollow } from '~/modules/notifications/follows.server'
import {
  choiceTypesFor,
  getPreferences,
  saveNotificationPreferences,
} from '~/modules/notifications/preferences.server'
import { db } from '~/utils/db.server'
import { readForm } from '~/utils/form.server'
import accountStyles from '~/styles/accounts.css'
import mailStyles from '~/styles/mail.css'
import { requireAllowed } from '~/utils/session.server'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: mailStyles },
  { rel: 'stylesheet', href: accountStyles },
]
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

const guard = (request: Request) => requireAllowed(request, 'account.notifications')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await guard(request)
  const prefs = getPreferences(user.id)
  const types = choiceTypesFor(user)
  return json({
    title: (await getT(request))('mail.settings.meta'),
    choices: types.map((type) => ({ type, ...prefs[type] })),
    follows: listFollows(user, await getLanguage(request)),
    hasEmail: getRecipient(db, user.id) !== null,
  })
}

const intentSchema = z.enum(['save', 'unfollow'])
// The values of the form's `intent` field this action takes (the forged-request test posts each).
export const intents = intentSchema.options
const unfollowSchema = z.object({
  targetType: z.enum(['question', 'tag', 'category']),
  targetId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
})

export async function action({ request }: ActionFunctionArgs) {
  const user = await guard(request)
  const form = await readForm(request)
  const intent = intentSchema.safeParse(form.get('intent') ?? 'save')
  if (!intent.success) throw new Response(msg('errors.unknownAction'), { status: 400 })
  if (intent.data === 'unfollow') {
    const ref = unfollowSchema.safeParse(Object.fromEntries(form))
    if (!ref.success) throw new Response(msg('errors.unknownAction'), { status: 400 })
    unfollow(user, { type: ref.data.targetType, id: ref.data.targetId })
    return redirect('/settings/notifications?unfollowed=1')
  }
  const read = readChoices(form, choiceTypesFor(user))
  if (!read.ok) return json({ invalid: read.bad, values: read.values }, { status: 400 })
  saveNotificationPreferences(user, read.choices)
  return redirect('/settings/notifications?saved=1')
}

export default function NotificationSettings() {
  const { choices, follows, hasEmail } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const [params] = useSearchParams()
  const { t } = useTranslation()
  // A refused form shows what was posted, not what is stored.
  const shown = data
    ? choices.map((c) => ({
        ...c,
        inApp: data.values[`inApp:${c.type}`] === 'on',
        email:
          (['instant', 'digest', 'off'] as const).find(
            (v) => v === data.values[`email:${c.type}`],
          ) ?? c.email,
      }))
    : choices
  return (
    <div className="narrow">
      <SettingsNav />
      <h1>{t('mail.settings.title')}</h1>
      <p className="lead">{t('mail.settings.lead')}</p>
      {params.get('saved') ? (
        <p className="notice" role="status">
          {t('mail.settings.saved')}
        </p>
      ) : null}
      {data ? (
        <div className="form-error" role="alert">
          {t('mail.settings.invalid')}
        </div>
      ) : null}
      {!hasEmail ? <p className="notice notice-warning">{t('mail.settings.noEmail')}</p> : null}
      <NotificationChoices choices={shown} invalid={data?.invalid ?? []} />

      <section aria-labelledby="follows-title" className="follows">
        <h2 id="follows-title">{t('mail.settings.follows')}</h2>
        <p className="muted">{t('mail.settings.followsLead')}</p>
        {follows.length === 0 ? (
          <p className="empty">{t('mail.settings.followsEmpty')}</p>
        ) : (
          <ul className="follow-list">
            {follows.map((f) => (
              <li key={`${f.type}:${f.id}`}>
                <span className="muted">
                  {t(`mail.settings.${f.type === 'question' ? 'thread' : f.type}`)}
                </span>{' '}
                <Link to={f.href}>{f.name}</Link>
                <Form method="post">
                  <input type="hidden" name="targetType" value={f.type} />
                  <input type="hidden" name="targetId" value={f.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="unfollow"
                    className="button button-secondary button-small"
                    aria-label={t('mail.settings.unfollowNamed', { name: f.name })}
                  >
                    {t('mail.settings.unfollow')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
