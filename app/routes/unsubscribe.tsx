import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { TYPE_KEYS } from '~/components/mail/notification-types'
import { getT } from '~/i18n/i18n.server'
import { msg } from '~/i18n/message'
import { getUnsubscribePage, unsubscribe, type MailKind } from '~/modules/mail/unsubscribe.server'
import { readForm } from '~/utils/form.server'
import mailStyles from '~/styles/mail.css'

// No sign-in here: the signed token in the link is the authority, for one person and one kind
// of e-mail. Opening the link changes nothing (mail scanners open links); the button does.

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: mailStyles }]
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

const tokenOf = (request: Request) => new URL(request.url).searchParams.get('token') ?? ''

export async function loader({ request }: LoaderFunctionArgs) {
  const token = tokenOf(request)
  const page = getUnsubscribePage(token)
  const title = (await getT(request))('mail.unsubscribe.meta')
  return json(
    { title, token, page },
    { status: page ? 200 : 400, headers: { 'Cache-Control': 'no-store' } },
  )
}

const intentSchema = z.enum(['kind', 'all'])
// The values of the form's `intent` field this action takes (the forged-request test posts each).
export const intents = intentSchema.options

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request)
  const fromForm = form.get('token')
  const token = typeof fromForm === 'string' && fromForm ? fromForm : tokenOf(request)
  // RFC 8058: a mail client's one-click POST carries only this field.
  const oneClick = form.get('List-Unsubscribe') === 'One-Click'
  const intent = oneClick
    ? { success: true as const, data: 'kind' as const }
    : intentSchema.safeParse(form.get('intent') ?? 'kind')
  if (!intent.success) throw new Response(msg('errors.unknownAction'), { status: 400 })
  const done = unsubscribe(token, intent.data)
  if (!done) return json({ done: null, scope: intent.data, alwaysSent: false }, { status: 400 })
  return json({ done: done.kind, scope: intent.data, alwaysSent: done.alwaysSent })
}

function kindName(t: TFunction, kind: MailKind) {
  return kind === 'digest'
    ? t('mail.unsubscribe.digestKind')
    : t(`mail.types.${TYPE_KEYS[kind]}.label`)
}

export default function Unsubscribe() {
  const { token, page } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation()
  const invalid = !page || (result && result.done === null)
  return (
    <div className="narrow">
      <h1>{t('mail.unsubscribe.title')}</h1>
      {invalid ? (
        <p className="notice notice-warning" role="alert">
          {t('mail.unsubscribe.invalid')}
        </p>
      ) : result?.done ? (
        <p className="notice" role="status">
          {result.scope === 'all'
            ? t('mail.unsubscribe.doneAll')
            : result.alwaysSent
              ? t('mail.unsubscribe.alwaysSent', { kind: kindName(t, result.done) })
              : result.done === 'digest'
                ? t('mail.unsubscribe.doneDigest')
                : t('mail.unsubscribe.done', { kind: kindName(t, result.done) })}
        </p>
      ) : (
        <>
          <p className="lead">
            {page.alwaysSent
              ? t('mail.unsubscribe.alwaysSent', { kind: kindName(t, page.kind) })
              : page.kind === 'digest'
                ? t('mail.unsubscribe.confirmDigest', { email: page.email })
                : t('mail.unsubscribe.confirm', {
                    kind: kindName(t, page.kind),
                    email: page.email,
                  })}
          </p>
          <Form method="post" className="form-actions">
            <input type="hidden" name="token" value={token} />
            {page.alwaysSent ? null : (
              <button type="submit" name="intent" value="kind" className="button">
                {t('mail.unsubscribe.button')}
              </button>
            )}
            <button type="submit" name="intent" value="all" className="button button-secondary">
              {t('mail.unsubscribe.all')}
            </button>
          </Form>
          <p className="muted">{t('mail.unsubscribe.allHint')}</p>
        </>
      )}
      {page && result?.done && result.scope !== 'all' ? (
        <Form method="post">
          <input type="hidden" name="token" value={token} />
          <button type="submit" name="intent" value="all" className="button button-secondary">
            {t('mail.unsubscribe.all')}
          </button>
        </Form>
      ) : null}
      <p>
        <Link to="/settings/notifications">{t('mail.unsubscribe.manage')}</Link>
      </p>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
