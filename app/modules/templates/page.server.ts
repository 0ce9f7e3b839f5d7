/**
 * What the question page needs from templates: the templates the viewer may insert, the one
 * chosen (filled in for this question), and which answers are automatic suggestions.
 */
import type { Actor } from '../policy/policy'
import { getSuggestions, SYSTEM_HANDLE, type SuggestionView } from './autorespond.server'
import { getFilledTemplate, listUsableTemplates, type FilledTemplate } from './templates.server'

export type AnswerReplies = {
  templates: { id: number; title: string; category: string; tags: string[]; language: string }[]
  chosen: FilledTemplate | null
  suggestions: SuggestionView[]
}

type Page = { question: { id: number }; answers: { author: { handle: string } }[] }

/**
 * `template` is the `?template=` of the page's address (a chosen template), if any. Only a page
 * with an answer by the assistant asks which answers are suggestions: no statement otherwise.
 */
export function getAnswerReplies(
  viewer: Actor | null,
  page: Page,
  template: string | null,
): AnswerReplies {
  const questionId = page.question.id
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
  const suggested = page.answers.some((a) => a.author.handle === SYSTEM_HANDLE)
  return { templates, chosen, suggestions: suggested ? getSuggestions(questionId) : [] }
}
