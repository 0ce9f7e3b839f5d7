import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { z } from 'zod'
import { msg } from '~/i18n/message'
import { getUser } from '~/modules/auth/auth.server'
import { makeQuestionPublic, setPublishConsent } from '~/modules/privacy/privacy.server'
import { PUBLISH_INTENTS, publishIntentSchema } from '~/modules/privacy/validation'
import { getVisibleQuestion } from '~/modules/questions/questions.server'
import { NotFound } from '~/utils/domain-errors'
import { readForm } from '~/utils/form.server'
import { requireUser } from '~/utils/session.server'
import { threadPath } from '~/utils/slug'

// The values of the form's `intent` field this action takes (the forged-request test posts each).
export const intents = PUBLISH_INTENTS

function parseId(raw: string | undefined) {
  const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).safeParse(raw)
  if (!id.success) throw new NotFound('question')
  return id.data
}

/** Only forms post here; an address typed in goes to the question (or its 404). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request)
  const question = getVisibleQuestion(parseId(params.questionId), user)
  if (!question) throw new NotFound('question')
  return redirect(threadPath(question))
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const id = parseId(params.questionId)
  const intent = publishIntentSchema.safeParse((await readForm(request)).get('intent'))
  if (!intent.success) throw new Response(msg('privacy.errors.unknownAction'), { status: 400 })
  // Each command authorizes through the policy and 404s what the person may not see.
  if (intent.data === 'make-public') makeQuestionPublic(user, id)
  else setPublishConsent(user, id, intent.data === 'allow-publish')
  const question = getVisibleQuestion(id, user)
  if (!question) throw new NotFound('question')
  return redirect(threadPath({ id, title: question.title }))
}
