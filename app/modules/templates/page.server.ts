/**
 * What the question page needs from templates: the templates the viewer may insert, the one
 * chosen (filled in for this question), and which answers are automatic suggestions.
 */
import type { Actor } from '../policy/policy'
import { getSuggestions, type SuggestionView } from './autorespond.server'
import { getFilledTemplate, listUsableTemplates, type FilledTemplate } from './templates.server'

export type AnswerReplies = {
  templates: { id: number; title: string; category: string; tags: string[]; language: string }[]
  chosen: FilledTemplate | null
  suggestions: SuggestionView[]
}

/** `template` is the `?template=` of the page's address (a chosen template), if any. */
export function getAnswerReplies(
  viewer: Actor | null,
  questionId: number,
  template: string | null,
): AnswerReplies {
  const templates = listUsableTemplates(viewer).map((t) => ({
    id: t.id,
    title: t.title,
    category: t.category,
    tags: t.tags,
    language: t.language,
  }))
  const id = Number(template)
  const chosen =
    viewer && Number.isSafeInteger(id) && templates.some((t) => t.id === id)
      ? getFilledTemplate(viewer, id, questionId)
      : null
  return { templates, chosen, suggestions: getSuggestions(questionId) }
}
