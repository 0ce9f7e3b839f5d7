import { formValues } from './http.server'
import { readForm } from './form.server'
import { previewReply, saveForm } from './preview.server'
import type { KbCommandResult } from '../modules/kb/kb.server'
import { articleSchema, type ArticleInput } from '../modules/kb/validation'

const FIELDS = [
  'title',
  'summary',
  'body',
  'category',
  'tags',
  'status',
  'language',
  'comment',
] as const

/**
 * The article editor's action, for a new article and an edit alike: a preview comes back with
 * what was typed; a valid form is saved by `save` and the editor goes to the article; anything
 * else comes back with its errors and what was typed.
 */
export async function handleArticleForm(
  request: Request,
  save: (input: ArticleInput) => Promise<KbCommandResult>,
) {
  const form = await readForm(request)
  const values = formValues(form, FIELDS)
  if (form.get('intent') === 'preview') return previewReply(values)
  return saveForm(values, articleSchema, async (input) => {
    const result = await save(input)
    return result.ok ? { ok: true, location: `/kb/${result.slug}` } : result
  })
}
