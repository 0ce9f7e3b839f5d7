import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { VisibilityChoice } from '~/components/privacy/visibility-choice'
import { QuestionForm } from '~/components/question-form'
import { AskPersonalDataGuard } from '~/components/threads/personal-data-guard'
import { getLanguage, getT } from '~/i18n/i18n.server'
import { msg } from '~/i18n/message'
import { requireUser } from '~/utils/session.server'
import { listCategories } from '~/modules/categories/categories.server'
import { can } from '~/modules/policy/policy'
import { visibilityField } from '~/modules/privacy/validation'
import { guardQuestion, type PersonalDataWarning } from '~/modules/personal-data/guard'
import { createQuestion } from '~/modules/questions/questions.server'
import { suggestAutomatically } from '~/modules/templates/autorespond.server'
import { newAccountLimit } from '~/utils/route-errors.server'
import { EXISTING_TAGS_SHOWN, listTags } from '~/modules/questions/tags.server'
import { fieldErrorsOf, questionSchema, TITLE_MAX } from '~/modules/questions/validation'
import {
  getAskVisit,
  logSuggestionsShown,
  markAskVisitPosted,
  startAskVisit,
  suggestForAsk,
} from '~/modules/search/search.server'
import type { Suggestions } from '~/modules/search/validation'
import { Forbidden } from '~/utils/domain-errors'
import { readForm } from '~/utils/form.server'
import { formValues } from '~/utils/http.server'
import { renderPreview } from '~/utils/preview.server'
import { threadPath } from '~/utils/slug'
import searchStyles from '~/styles/search.css'

const FIELDS = ['title', 'body', 'category', 'tags', 'language', 'visibility'] as const

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: searchStyles }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  if (!can(user, 'question.create', null)) throw new Forbidden('question.create')
  const url = new URL(request.url)
  const category = url.searchParams.get('category') ?? ''
  // "Ask the community" from a search that found nothing starts with the search as the title.
  const draftTitle = (url.searchParams.get('title') ?? '').slice(0, TITLE_MAX)
  // Every visit to the form is one ask visit (the unit of deflection). A form posted without
  // JavaScript is rendered again in the same request: it keeps the visit its action saw.
  const visitId = getAskVisit(context.askVisitId, user.id)?.id ?? startAskVisit(user.id)
  const t = await getT(request)
  return json({
    title: t('questions.ask.meta'),
    categories: listCategories(await getLanguage(request)),
    existingTags: listTags(EXISTING_TAGS_SHOWN),
    category,
    draftTitle,
    visitId,
  })
}

/** The form posts data back to itself; a new loader run would start a second visit. */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formMethod,
  defaultShouldRevalidate,
}) => (formMethod && formMethod.toUpperCase() !== 'GET' ? false : defaultShouldRevalidate)

const intentSchema = z.enum(['save', 'preview', 'check'])
// The values of the form's `intent` field this action takes (the forged-request test posts each).
export const intents = intentSchema.options

/** The form shown again: what was typed, plus a preview or suggestions when asked for. */
function showAgain(
  values: Record<(typeof FIELDS)[number], string>,
  extra: { fieldErrors?: Record<string, string>; preview?: string; suggestions?: Suggestions } & {
    personalData?: PersonalDataWarning
  },
  status = 200,
) {
  return json(
    {
      ok: false as const,
      fieldErrors: extra.fieldErrors ?? {},
      values,
      preview: extra.preview ?? null,
      suggestions: extra.suggestions ?? null,
      personalData: extra.personalData ?? null,
    },
    { status },
  )
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  if (!can(user, 'question.create', null)) throw new Forbidden('question.create')
  const form = await readForm(request)
  const values = formValues(form, FIELDS)
  const intent = intentSchema.safeParse(form.get('intent') ?? 'save')
  if (!intent.success) throw new Response(msg('errors.unknownAction'), { status: 400 })
  const visit = getAskVisit(String(form.get('visit') ?? ''), user.id)
  if (visit) context.askVisitId = visit.id

  switch (intent.data) {
    case 'preview':
      return showAgain(values, { preview: await renderPreview(values.body) })
    case 'check': {
      if (!/[\p{L}\p{N}]/u.test(values.title))
        return showAgain(values, {
          fieldErrors: { title: msg('questions.validation.titleFirst') },
        })
      const suggestions = await suggestForAsk(values.title, values.body, {
        language: await getLanguage(request),
      })
      logSuggestionsShown(visit?.id, values.title, suggestions, user.id)
      return showAgain(values, { suggestions })
    }
    case 'save': {
      const parsed = questionSchema.extend({ visibility: visibilityField }).safeParse(values)
      if (!parsed.success)
        return showAgain(values, { fieldErrors: fieldErrorsOf(parsed.error) }, 400)
      // A public question is read by everyone: personal data in it gets a warning first.
      const guard = guardQuestion(request.url, parsed.data.visibility, values)
      parsed.data.visibility = guard.visibility
      if (guard.warning) return showAgain(values, { personalData: guard.warning })
      // The visit is the form's one-time key: sending it twice asks once.
      const result = await createQuestion(user, parsed.data, visit?.id).catch(newAccountLimit)
      if ('limited' in result)
        return showAgain(values, { fieldErrors: { body: result.limited } }, result.status)
      if (!result.ok) return showAgain(values, { fieldErrors: result.fieldErrors }, 400)
      markAskVisitPosted(visit?.id, result.id, user.id)
      void suggestAutomatically(result.id)
      return redirect(threadPath({ id: result.id, title: parsed.data.title }))
    }
  }
}

export default function AskPage() {
  const { categories, existingTags, category, draftTitle, visitId } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const suggestions = data?.suggestions ?? null
  const { t } = useTranslation()
  return (
    <div className="narrow">
      <h1>{t('questions.ask.title')}</h1>
      <p className="lead">{t('questions.ask.lead')}</p>
      <QuestionForm
        categories={categories}
        existingTags={existingTags}
        values={
          data?.values ?? { title: draftTitle, body: '', category, tags: '', language: 'auto' }
        }
        afterBody={<AskPersonalDataGuard warning={data?.personalData} />}
        extraFields={
          <VisibilityChoice
            defaultValue={data?.values.visibility}
            error={data?.fieldErrors.visibility}
          />
        }
        fieldErrors={data?.fieldErrors}
        preview={data?.preview ?? null}
        submitLabel={t('questions.ask.submit')}
        askVisit={{ id: visitId, suggestions, checked: suggestions !== null }}
      />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
