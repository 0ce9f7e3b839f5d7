import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { TemplateForm } from '~/components/templates/template-form'
import { getLanguage, getT } from '~/i18n/i18n.server'
import { listCategories } from '~/modules/categories/categories.server'
import { newSubmissionKey } from '~/modules/submissions/submissions.server'
import { createTemplate } from '~/modules/templates/templates.server'
import { requireAllowed } from '~/utils/session.server'
import { handleTemplateForm } from '~/utils/template-form.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

const guard = (request: Request) => requireAllowed(request, 'template.manage')

export async function loader({ request }: LoaderFunctionArgs) {
  await guard(request)
  const language = await getLanguage(request)
  return json({
    title: (await getT(request))('replies.meta.new'),
    categories: listCategories(language),
    submissionKey: newSubmissionKey(),
    language,
  })
}

// The values of the form's `intent` field this action takes (the forged-request test posts each);
// "preview" shows the form again, anything else saves.
export const intents = ['preview', 'save'] as const

export async function action({ request }: ActionFunctionArgs) {
  const user = await guard(request)
  return handleTemplateForm(request, (input, key) => createTemplate(user, input, key))
}

export default function NewTemplate() {
  const { categories, submissionKey, language } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const { t } = useTranslation()
  return (
    <div className="narrow">
      <p>
        <Link to="/templates">{t('replies.page.back')}</Link>
      </p>
      <h1>{t('replies.page.newTitle')}</h1>
      <TemplateForm
        values={
          data?.values ?? {
            title: '',
            category: '',
            tags: '',
            visibility: 'public',
            language,
            body: '',
          }
        }
        fieldErrors={data?.fieldErrors ?? {}}
        preview={data && 'preview' in data ? data.preview : null}
        categories={categories}
        submissionKey={data?.values?.submissionKey || submissionKey}
        submitLabel={t('replies.form.create')}
      />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
