import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormError, TextField } from '~/components/forms'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getT } from '~/i18n/i18n.server'
import { fieldErrorsOf } from '~/modules/questions/validation'
import { solvedCloseDays, updateSolvedCloseDays } from '~/modules/surveys/settings.server'
import { closeSettingsSchema, SOLVED_CLOSE_DAYS_MAX } from '~/modules/surveys/validation'
import { readForm } from '~/utils/form.server'
import { formValues, invalid } from '~/utils/http.server'
import { requireAllowed } from '~/utils/session.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

const guard = (request: Request) => requireAllowed(request, 'dashboard.settings')

export async function loader({ request }: LoaderFunctionArgs) {
  await guard(request)
  return json({
    title: (await getT(request))('dashboard.settings.meta'),
    solvedCloseDays: solvedCloseDays(),
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await guard(request)
  const values = formValues(await readForm(request), ['solvedCloseDays'] as const)
  const parsed = closeSettingsSchema.safeParse(values)
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error), values)
  updateSolvedCloseDays(user, parsed.data)
  return redirect('/dashboard/settings?saved=1')
}

export default function DashboardSettings() {
  const { solvedCloseDays: days } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const [params] = useSearchParams()
  const { t } = useTranslation()
  return (
    <div className="narrow">
      <p>
        <Link to="/dashboard">{t('dashboard.settings.back')}</Link>
      </p>
      <h1>{t('dashboard.settings.title')}</h1>
      {params.get('saved') ? (
        <p className="notice" role="status">
          {t('dashboard.settings.saved')}
        </p>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <FormError message={data?.fieldErrors.form} />
        <TextField
          label={t('dashboard.settings.solvedCloseDays')}
          hint={t('dashboard.settings.solvedCloseDaysHint')}
          name="solvedCloseDays"
          type="number"
          inputMode="numeric"
          min={0}
          max={SOLVED_CLOSE_DAYS_MAX}
          defaultValue={data?.values.solvedCloseDays ?? String(days)}
          error={data?.fieldErrors.solvedCloseDays}
        />
        <div className="form-actions">
          <button type="submit" className="button">
            {t('dashboard.settings.save')}
          </button>
        </div>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
