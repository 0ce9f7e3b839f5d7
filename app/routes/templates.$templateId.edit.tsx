import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { TemplateForm } from '~/components/templates/template-form'
import { getLanguage, getT } from '~/i18n/i18n.server'
import { listCategories } from '~/modules/categories/categories.server'
import { getTemplateForEdit, updateTemplate } from '~/modules/templates/templates.server'
import { NotFound } from '~/utils/domain-errors'
import { requireAllowed } from '~/utils/session.server'
import { handleTemplateForm } from '~/utils/template-form.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

async function guard(request: Request, raw: string | undefined) {
  const user = await requireAllowed(request, 'template.manage')
  const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).safeParse(raw)
  if (!id.success) throw new NotFound('page')
  return { user, id: id.data }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, id } = await guard(request, params.templateId)
  const template = getTemplateForEdit(user, id)
  return json({
    title: (await getT(request))('replies.meta.edit', { title: template.title }),
    categories: listCategories(await getLanguage(request)),
    template: {
      id: template.id,
      title: template.title,
      category: template.category,
      tags: template.tags.join(' '),
      visibility: template.visibility,
      language: template.language,
      body: template.bodyMd,
      shipped: template.slug !== null,
    },
  })
}

// The values of the form's `intent` field this action takes (the forged-request test posts each);
// "preview" shows the form again, anything else saves.
export const intents = ['preview', 'save'] as const

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, id } = await guard(request, params.templateId)
  return handleTemplateForm(request, (input) => updateTemplate(user, id, input))
}

export default function EditTemplate() {
  const { template, categories } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const { t } = useTranslation()
  return (
    <div className="narrow">
      <p>
        <Link to="/templates">{t('replies.page.back')}</Link>
      </p>
      <h1>{t('replies.page.editTitle')}</h1>
      {template.shipped ? <p className="muted">{t('replies.page.shippedHint')}</p> : null}
      <TemplateForm
        values={data?.values ?? template}
        fieldErrors={data?.fieldErrors ?? {}}
        preview={data && 'preview' in data ? data.preview : null}
        categories={categories}
        submitLabel={t('replies.form.save')}
      />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
