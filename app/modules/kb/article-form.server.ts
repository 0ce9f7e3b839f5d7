import { readForm } from '../../utils/form.server'
import { formValues } from '../../utils/http.server'
import { previewReply, saveForm } from '../../utils/preview.server'
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
  const form = await readForm(request)
  const values = formValues(form, FIELDS)
  if (form.get('intent') === 'preview') return previewReply(values)
  return saveForm(values, articleSchema, (input) => {
    const result = save(input)
    return result.ok ? { ok: true, location: `/kb/${result.slug}` } : result
  })
}
