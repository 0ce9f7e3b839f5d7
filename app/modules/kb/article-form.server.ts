import { json, redirect } from '@remix-run/node'
import { formValues, invalid } from '../../utils/http.server'
import { renderPreview } from '../../utils/preview.server'
import { fieldErrorsOf } from '../questions/validation'
import type { KbCommandResult } from './kb.server'
import { articleSchema, type ArticleInput } from './validation'

const FIELDS = ['title', 'summary', 'body', 'category', 'tags', 'status', 'comment'] as const

/**
 * The article editor's action, for a new article and an edit alike: a preview comes back with
 * what was typed; a valid form is saved by `save` and the editor goes to the article; anything
 * else comes back with its errors and what was typed.
 */
export async function handleArticleForm(
  request: Request,
  save: (input: ArticleInput) => KbCommandResult,
) {
  const form = await request.formData()
  const values = formValues(form, FIELDS)
  if (form.get('intent') === 'preview')
    return json({
      ok: false as const,
      fieldErrors: {},
      values,
      preview: renderPreview(values.body),
    })
  const parsed = articleSchema.safeParse(values)
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error), values)
  const result = save(parsed.data)
  if (!result.ok) return invalid(result.fieldErrors, values)
  return redirect(`/kb/${result.slug}`)
}
