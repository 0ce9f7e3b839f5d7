import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { SpamSettingsForm } from '~/components/trust/spam-settings'
import { getT } from '~/i18n/i18n.server'
import { msg } from '~/i18n/message'
import { BLOCKED_WORDS_MAX, BLOCKED_WORDS_TEXT_MAX } from '~/modules/trust/rules'
import { getSpamSettings, saveSpamSettings } from '~/modules/trust/spam.server'
import { isDomainError, type Invalid } from '~/utils/domain-errors'
import { readForm } from '~/utils/form.server'
import { formValues, invalid } from '~/utils/http.server'
import { requireAllowed } from '~/utils/session.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

const guard = (request: Request) => requireAllowed(request, 'spam.settings')

export async function loader({ request }: LoaderFunctionArgs) {
  await guard(request)
  const settings = getSpamSettings()
  return json({
    title: (await getT(request))('trust.spam.title'),
    holdFirstPosts: settings.holdFirstPosts,
    words: settings.blockedWords.join('\n'),
    max: BLOCKED_WORDS_MAX,
  })
}

const intentSchema = z.enum(['save'])
// The values of the form's `intent` field this action takes (the forged-request test posts each).
export const intents = intentSchema.options

export async function action({ request }: ActionFunctionArgs) {
  const user = await guard(request)
  const form = await readForm(request)
  const intent = intentSchema.safeParse(form.get('intent') ?? 'save')
  if (!intent.success) throw new Response(msg('errors.unknownAction'), { status: 400 })
  const values = formValues(form, ['words', 'holdFirstPosts'] as const)
  if (values.words.length > BLOCKED_WORDS_TEXT_MAX)
    return invalid(
      { words: msg('trust.spam.validation.tooMany', { max: BLOCKED_WORDS_MAX }) },
      values,
    )
  try {
    saveSpamSettings(user, { holdFirstPosts: values.holdFirstPosts === 'on', words: values.words })
  } catch (error) {
    if (isDomainError(error) && error.kind === 'invalid')
      return invalid((error as Invalid).fieldErrors, values)
    throw error
  }
  return redirect('/settings/spam?saved=1')
}

export default function SpamSettings() {
  const data = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const [params] = useSearchParams()
  return (
    <SpamSettingsForm
      settings={data}
      saved={params.get('saved') === '1'}
      errors={reply?.fieldErrors ?? {}}
      values={reply?.values ?? null}
    />
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
