import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getT } from '~/i18n/i18n.server'
import { msg } from '~/i18n/message'
import { FormError, TextAreaField } from '~/components/forms'
import { changeSynonyms, isSearchIndexCurrent } from '~/modules/search/search-maintenance.server'
import {
  DEFAULT_SYNONYMS,
  getSynonymGroups,
  synonymsToText,
} from '~/modules/search/synonyms.server'
import { SYNONYMS_TEXT_MAX } from '~/modules/search/validation'
import { readForm } from '~/utils/form.server'
import { formValues, invalid } from '~/utils/http.server'
import { requireAllowed } from '~/utils/session.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tanya' }]

const guard = (request: Request) => requireAllowed(request, 'search.settings')

export async function loader({ request }: LoaderFunctionArgs) {
  await guard(request)
  const { groups, custom } = getSynonymGroups()
  return json({
    title: (await getT(request))('search.synonyms.meta'),
    text: synonymsToText(groups),
    custom,
    indexCurrent: isSearchIndexCurrent(),
  })
}

const intentSchema = z.enum(['save', 'reset'])
// The values of the form's `intent` field this action takes (the forged-request test posts each).
export const intents = intentSchema.options

export async function action({ request }: ActionFunctionArgs) {
  const user = await guard(request)
  const form = await readForm(request)
  const intent = intentSchema.safeParse(form.get('intent') ?? 'save')
  if (!intent.success) throw new Response(msg('errors.unknownAction'), { status: 400 })
  const values = formValues(form, ['synonyms'] as const)
  const text = intent.data === 'reset' ? DEFAULT_SYNONYMS : values.synonyms
  const result = changeSynonyms(user, text)
  // What was typed comes back with the error, all of it, as every form here does.
  if (!result.ok) return invalid(result.fieldErrors, { synonyms: values.synonyms })
  return redirect('/settings/search?saved=1')
}

export default function SearchSettings() {
  const { text, custom, indexCurrent } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const [params] = useSearchParams()
  const errors: Partial<Record<string, string>> = data?.fieldErrors ?? {}
  const { t } = useTranslation()
  return (
    <div className="narrow">
      <h1>{t('search.synonyms.title')}</h1>
      <p className="lead">{t('search.synonyms.lead')}</p>
      {params.get('saved') ? (
        <p className="notice" role="status">
          {t('search.synonyms.saved')}
        </p>
      ) : null}
      {!params.get('saved') && !indexCurrent ? (
        <p className="notice" role="status">
          {t('search.synonyms.reindexing')}
        </p>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <FormError message={errors.form} />
        <TextAreaField
          label={t('search.synonyms.label')}
          name="synonyms"
          defaultValue={data?.values.synonyms ?? text}
          error={errors.synonyms}
          hint={`${t('search.synonyms.hint')} ${custom ? t('search.synonyms.custom') : t('search.synonyms.shipped')}`}
          rows={18}
          maxLength={SYNONYMS_TEXT_MAX}
          spellCheck={false}
        />
        <div className="form-actions">
          <button type="submit" name="intent" value="save" className="button">
            {t('search.synonyms.save')}
          </button>
          <button type="submit" name="intent" value="reset" className="button button-secondary">
            {t('search.synonyms.reset')}
          </button>
        </div>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
