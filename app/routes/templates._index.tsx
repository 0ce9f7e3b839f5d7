import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { TemplatesOverview } from '~/components/templates/templates-overview'
import { getT } from '~/i18n/i18n.server'
import { msg } from '~/i18n/message'
import { fieldErrorsOf } from '~/modules/questions/validation'
import {
  automateTemplate,
  getTemplatesOverview,
  saveAutomationSettings,
  stopAutomation,
} from '~/modules/templates/outcomes.server'
import {
  automationSettingsSchema,
  TEMPLATES_INTENTS,
  templatesIntent,
} from '~/modules/templates/validation'
import { readForm } from '~/utils/form.server'
import { invalid } from '~/utils/http.server'
import { requireAllowed } from '~/utils/session.server'
import templateStyles from '~/styles/templates.css'

export const links = () => [{ rel: 'stylesheet', href: templateStyles }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

const guard = (request: Request) => requireAllowed(request, 'template.manage')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await guard(request)
  return json({
    title: (await getT(request))('replies.meta.list'),
    ...getTemplatesOverview(user),
  })
}

// The values of the form's `intent` field this action takes (the forged-request test posts each).
export const intents = TEMPLATES_INTENTS

export async function action({ request }: ActionFunctionArgs) {
  const user = await guard(request)
  const parsed = templatesIntent.safeParse(Object.fromEntries(await readForm(request)))
  if (!parsed.success) throw new Response(msg('errors.unknownAction'), { status: 400 })
  const input = parsed.data
  switch (input.intent) {
    case 'automate': {
      const gate = automateTemplate(user, input.templateId)
      if (gate.ok) return redirect('/templates')
      // the page again, with why (also written under the template before anyone asks)
      return json({
        refused: { templateId: input.templateId, message: msg(`replies.refused.${gate.why}`) },
      })
    }
    case 'stop-automation':
      stopAutomation(user, input.templateId)
      return redirect('/templates')
    case 'settings': {
      const values = { minRate: input.minRate, minUses: input.minUses }
      const settings = automationSettingsSchema.safeParse(values)
      if (!settings.success) return invalid(fieldErrorsOf(settings.error), values)
      saveAutomationSettings(user, settings.data)
      return redirect('/templates')
    }
  }
}

export default function TemplatesPage() {
  const { templates, settings, notices } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const { t } = useTranslation()
  return (
    <div>
      <div className="page-heading">
        <h1>{t('replies.page.title')}</h1>
        <Link to="/templates/new" className="button">
          {t('replies.page.new')}
        </Link>
      </div>
      <p className="lead">{t('replies.page.lead')}</p>
      <TemplatesOverview
        templates={templates}
        settings={settings}
        notices={notices}
        refused={data && 'refused' in data ? data.refused : null}
        fieldErrors={data && 'fieldErrors' in data ? data.fieldErrors : {}}
      />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
