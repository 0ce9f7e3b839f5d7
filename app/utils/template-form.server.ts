import type { SaveResult as TemplateSaved } from '../modules/templates/templates.server'
import { templateFormSchema, type TemplateInput } from '../modules/templates/validation'
import { readForm } from './form.server'
import { formValues } from './http.server'
import { previewReply, saveForm } from './preview.server'

export const TEMPLATE_FIELDS = [
  'title',
  'category',
  'tags',
  'visibility',
  'language',
  'body',
  'submissionKey',
] as const

/**
 * The template editor's action, new and edit alike: "Preview" comes back with what was typed;
 * a valid form is saved and the editor goes back to the templates; anything else comes back
 * with its errors (an unknown variable, an article that is not there) and what was typed.
 */
export async function handleTemplateForm(
  request: Request,
  save: (input: TemplateInput, submissionKey: string) => TemplateSaved,
) {
  const form = await readForm(request)
  const values = formValues(form, TEMPLATE_FIELDS)
  if (form.get('intent') === 'preview') return previewReply(values)
  return saveForm(values, templateFormSchema, (input) => {
    const result = save(input, values.submissionKey)
    return result.ok ? { ok: true, location: `/templates?saved=${result.id}` } : result
  })
}
