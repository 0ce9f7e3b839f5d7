import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormError, TextAreaField } from '~/components/forms'
import { can } from '~/modules/policy/policy'
import { changeSynonyms, isSearchIndexCurrent } from '~/modules/search/search-maintenance.server'
import {
  DEFAULT_SYNONYMS,
  getSynonymGroups,
  synonymsToText,
} from '~/modules/search/synonyms.server'
import { SYNONYMS_TEXT_MAX } from '~/modules/search/validation'
import { readForm } from '~/utils/form.server'
import { forbidden, formValues, invalid } from '~/utils/http.server'
import { requireUser } from '~/utils/session.server'

export const meta: MetaFunction = () => [{ title: 'Search synonyms · Tanya' }]

async function guard(request: Request) {
  const user = await requireUser(request)
  if (!can(user, 'search.settings', null)) forbidden()
  return user
}

export async function loader({ request }: LoaderFunctionArgs) {
  await guard(request)
  const { groups, custom } = getSynonymGroups()
  return json({ text: synonymsToText(groups), custom, indexCurrent: isSearchIndexCurrent() })
}

const intentSchema = z.enum(['save', 'reset'])
// The values of the form's `intent` field this action takes (the forged-request test posts each).
export const intents = intentSchema.options

export async function action({ request }: ActionFunctionArgs) {
  const user = await guard(request)
  const form = await readForm(request)
  const intent = intentSchema.safeParse(form.get('intent') ?? 'save')
  if (!intent.success) throw new Response('Unknown action', { status: 400 })
  const values = formValues(form, ['synonyms'] as const)
  const text = intent.data === 'reset' ? DEFAULT_SYNONYMS : values.synonyms
  const result = changeSynonyms(user, text)
  // What was typed comes back with the error, cut to what the field takes.
  if (!result.ok)
    return invalid(result.fieldErrors, { synonyms: values.synonyms.slice(0, SYNONYMS_TEXT_MAX) })
  return redirect('/settings/search?saved=1')
}

export default function SearchSettings() {
  const { text, custom, indexCurrent } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const [params] = useSearchParams()
  const errors: Partial<Record<string, string>> = data?.fieldErrors ?? {}
  return (
    <div className="narrow">
      <h1>Search synonyms</h1>
      <p className="lead">
        Words people use for the same thing. A search for any word of a group also finds posts with
        the others, in both directions: “ongkir” finds “ongkos kirim” and the other way round.
      </p>
      {params.get('saved') ? (
        <p className="notice" role="status">
          Saved. Searches use the new list now; threads already posted are re-indexed with it in the
          background, which takes a few seconds to a few minutes on a large site.
        </p>
      ) : null}
      {!params.get('saved') && !indexCurrent ? (
        <p className="notice" role="status">
          Threads are being re-indexed with the current list.
        </p>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <FormError message={errors.form} />
        <TextAreaField
          label="Synonym groups"
          name="synonyms"
          defaultValue={data?.values.synonyms ?? text}
          error={errors.synonyms}
          hint={`One group per line, its words or phrases separated by commas, e.g. “resi, nomor resi, tracking number”. Each word or phrase may be in one group only. ${custom ? 'This is your own list.' : 'This is the list Tanya ships with.'}`}
          rows={18}
          maxLength={SYNONYMS_TEXT_MAX}
          spellCheck={false}
        />
        <div className="form-actions">
          <button type="submit" name="intent" value="save" className="button">
            Save synonyms
          </button>
          <button type="submit" name="intent" value="reset" className="button button-secondary">
            Restore the shipped list
          </button>
        </div>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
