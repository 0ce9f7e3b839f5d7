import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormError, TextField } from '~/components/forms'
import { LanguageSelect } from '~/components/language-select'
import { MarkdownEditor } from '~/components/markdown-editor'
import { PersonalDataGuard } from '~/components/threads/personal-data-guard'
import { choiceOf, warnOfPersonalData } from '~/modules/personal-data/guard'
import { getT } from '~/i18n/i18n.server'
import { msg } from '~/i18n/message'
import { getVisibleAnswer, updateAnswer } from '~/modules/answers/answers.server'
import { requireUser } from '~/utils/session.server'
import { can } from '~/modules/policy/policy'
import { answerSchema } from '~/modules/questions/validation'
import { readForm } from '~/utils/form.server'
import { newAccountLimit } from '~/utils/route-errors.server'
import { forbidden, formValues, notFound } from '~/utils/http.server'
import { previewReply, saveForm } from '~/utils/preview.server'
import { threadPath } from '~/utils/slug'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

async function guard(request: Request, rawId: string | undefined) {
  const user = await requireUser(request)
  const id = z.coerce.number().int().positive().safeParse(rawId)
  if (!id.success) notFound(msg('errors.notFound.answer'))
  const found = getVisibleAnswer(id.data, user)
  if (!found) notFound(msg('errors.notFound.answer'))
  if (!can(user, 'answer.edit', found.target)) forbidden()
  return { user, id: id.data, found }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { found } = await guard(request, params.answerId)
  const t = await getT(request)
  return json({
    title: t('questions.edit.answerMeta'),
    answerId: found.answer.id,
    body: found.answer.bodyMd,
    language: found.answer.language,
    question: { id: found.question.id, title: found.question.title },
    isPublic: found.question.visibility === 'public',
  })
}

// The values of the form's `intent` field this action takes (the forged-request test posts each).
export const intents = ['preview', 'save'] as const

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, id, found } = await guard(request, params.answerId)
  const form = await readForm(request)
  const values = formValues(form, ['body', 'language', 'comment'] as const)
  if (form.get('intent') === 'preview') return previewReply(values)
  const personalData =
    found.question.visibility === 'public' &&
    warnOfPersonalData({ body: values.body }, choiceOf(request.url))
  if (personalData) return json({ ok: false as const, fieldErrors: {}, values, personalData })
  return saveForm(values, answerSchema, async (input) => {
    // Too many links or images for the person's trust level: the form says when that lifts.
    const limited = await updateAnswer(
      user,
      id,
      input.body,
      values.comment.slice(0, 200),
      input.language,
    )
      .then(() => null)
      .catch(newAccountLimit)
    if (limited) return { ok: false, fieldErrors: { body: limited.limited } }
    const thread = threadPath(found.question)
    return { ok: true, location: `${thread}#answer-${id}` }
  })
}

export default function EditAnswer() {
  const { body, language, question, isPublic, answerId } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const errors: Record<string, string | undefined> = data?.fieldErrors ?? {}
  const { t } = useTranslation()
  return (
    <div className="narrow">
      <p>
        <Link to={threadPath(question)}>← {question.title}</Link>
      </p>
      <h1>{t('questions.edit.answerTitle')}</h1>
      <Form method="post" className="stack" noValidate>
        <FormError message={errors.form} />
        <MarkdownEditor
          name="body"
          label={t('questions.answer.label')}
          defaultValue={data?.values.body ?? body}
          error={errors.body}
          serverPreview={data && 'preview' in data ? data.preview : null}
          rows={12}
        />
        {isPublic ? (
          <PersonalDataGuard
            warning={data && 'personalData' in data ? data.personalData : null}
            watch={['body']}
            action={`/answers/${answerId}/edit`}
            intent="save"
          />
        ) : null}
        <LanguageSelect defaultValue={data?.values.language ?? language} error={errors.language} />
        <TextField
          label={t('questions.form.comment')}
          name="comment"
          hint={t('questions.form.commentHint')}
          maxLength={200}
          defaultValue={data?.values.comment}
        />
        <div className="form-actions">
          <button type="submit" name="intent" value="save" className="button">
            {t('questions.form.saveChanges')}
          </button>
        </div>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
