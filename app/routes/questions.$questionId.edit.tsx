import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { QuestionForm } from '~/components/question-form'
import { PersonalDataGuard } from '~/components/threads/personal-data-guard'
import { choiceOf, warnOfPersonalData } from '~/modules/personal-data/guard'
import { getLanguage, getT } from '~/i18n/i18n.server'
import { msg } from '~/i18n/message'
import { requireUser } from '~/utils/session.server'
import { listCategories } from '~/modules/categories/categories.server'
import { can } from '~/modules/policy/policy'
import {
  getQuestionForEdit,
  questionTarget,
  updateQuestion,
} from '~/modules/questions/questions.server'
import { EXISTING_TAGS_SHOWN, listTags } from '~/modules/questions/tags.server'
import { questionSchema } from '~/modules/questions/validation'
import { readForm } from '~/utils/form.server'
import { newAccountLimit } from '~/utils/route-errors.server'
import { forbidden, formValues, notFound } from '~/utils/http.server'
import { previewReply, saveForm } from '~/utils/preview.server'
import { threadPath } from '~/utils/slug'

const FIELDS = ['title', 'body', 'category', 'tags', 'language', 'comment'] as const

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

async function guard(request: Request, rawId: string | undefined) {
  const user = await requireUser(request)
  const id = z.coerce.number().int().positive().safeParse(rawId)
  if (!id.success) notFound(msg('errors.notFound.question'))
  const found = getQuestionForEdit(id.data, user)
  if (!found) notFound(msg('errors.notFound.question'))
  if (!can(user, 'question.edit', questionTarget(found.question))) forbidden()
  return { user, id: id.data, found }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { id, found } = await guard(request, params.questionId)
  const t = await getT(request)
  return json({
    title: t('questions.edit.meta'),
    id,
    values: found.values,
    isPublic: found.question.visibility === 'public',
    categories: listCategories(await getLanguage(request)),
    existingTags: listTags(EXISTING_TAGS_SHOWN),
  })
}

// The values of the form's `intent` field this action takes (the forged-request test posts each).
export const intents = ['preview', 'save'] as const

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, id, found } = await guard(request, params.questionId)
  const form = await readForm(request)
  const values = formValues(form, FIELDS)
  if (form.get('intent') === 'preview') return previewReply(values)
  const personalData =
    found.question.visibility === 'public' &&
    warnOfPersonalData({ title: values.title, body: values.body }, choiceOf(request.url))
  if (personalData) return json({ ok: false as const, fieldErrors: {}, values, personalData })
  return saveForm(values, questionSchema, async (input) => {
    // Too many links or images for the person's trust level: the form says when that lifts.
    const result = await updateQuestion(user, id, {
      ...input,
      comment: values.comment.slice(0, 200),
    }).catch(newAccountLimit)
    if ('limited' in result) return { ok: false, fieldErrors: { body: result.limited } }
    return result.ok ? { ok: true, location: threadPath({ id, title: input.title }) } : result
  })
}

export default function EditQuestion() {
  const { id, values, categories, existingTags, isPublic } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const { t } = useTranslation()
  return (
    <div className="narrow">
      <p>
        <Link to={`/questions/${id}`}>{t('questions.edit.back')}</Link>
      </p>
      <h1>{t('questions.edit.title')}</h1>
      <p className="muted">{t('questions.edit.lead')}</p>
      <QuestionForm
        categories={categories}
        existingTags={existingTags}
        values={data?.values ?? values}
        fieldErrors={data?.fieldErrors}
        preview={data && 'preview' in data ? data.preview : null}
        submitLabel={t('questions.form.saveChanges')}
        withComment
        afterBody={
          isPublic ? (
            <PersonalDataGuard
              warning={data && 'personalData' in data ? data.personalData : null}
              watch={['title', 'body']}
              action={`/questions/${id}/edit`}
              intent="save"
            />
          ) : null
        }
      />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
