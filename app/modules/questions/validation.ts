import { z } from 'zod'
import { languageField, type LanguageChoice } from '../search/languages'
import { msg } from '../../i18n/message'
import type { MessageKey } from '../../i18n/keys'

export const TITLE_MIN = 10
export const TITLE_MAX = 150
export const BODY_MAX = 30_000
export const ANSWER_MIN = 2
export const TAGS_MAX = 5
export const TAG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,28}[a-z0-9])?$/

export const QUESTION_SORTS = ['newest', 'active', 'votes'] as const
export type QuestionSort = (typeof QUESTION_SORTS)[number]

const body = (min: number, messages: { min: MessageKey; max: MessageKey }) =>
  z
    .string()
    .trim()
    .min(min, msg(messages.min, { min }))
    .max(BODY_MAX, msg(messages.max, { max: BODY_MAX }))

/** "Coffee, grinder  espresso" → ['coffee', 'grinder', 'espresso'] */
export function splitTags(raw: string): string[] {
  const seen = new Set<string>()
  for (const part of raw.toLowerCase().split(/[\s,]+/)) {
    const tag = part.trim().replace(/^#/, '')
    if (tag) seen.add(tag)
  }
  return [...seen]
}

/** Tags typed into one field: split, normalised and checked one by one; at least `min`. */
export function tagsField(min: number) {
  return z
    .string()
    .max(200, msg('questions.validation.tagsTooLong'))
    .transform(splitTags)
    .pipe(
      z
        .array(z.string().regex(TAG_PATTERN, msg('questions.validation.tagPattern')))
        .min(min, msg('questions.validation.tagsMin'))
        .max(TAGS_MAX, msg('questions.validation.tagsMax', { max: TAGS_MAX })),
    )
}

export const questionSchema = z.object({
  title: z
    .string()
    .trim()
    .min(TITLE_MIN, msg('questions.validation.titleMin', { min: TITLE_MIN }))
    .max(TITLE_MAX, msg('questions.validation.titleMax', { max: TITLE_MAX })),
  body: body(20, {
    min: 'questions.validation.questionMin',
    max: 'questions.validation.questionMax',
  }),
  category: z.string().min(1, msg('questions.validation.chooseCategory')).max(60),
  tags: tagsField(1),
  language: languageField,
})
/** A question as commands take it; without a language, it is detected from the text. */
export type QuestionInput = Omit<z.infer<typeof questionSchema>, 'language'> & {
  language?: LanguageChoice
}

export const answerSchema = z.object({
  body: body(ANSWER_MIN, {
    min: 'questions.validation.answerMin',
    max: 'questions.validation.answerMax',
  }),
  language: languageField,
})
export type AnswerInput = z.infer<typeof answerSchema>

export const QUESTION_STATUS_FILTERS = ['open', 'answered', 'solved'] as const

const listFilterFields = {
  category: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  tag: z.string().trim().min(1).max(30).toLowerCase().regex(TAG_PATTERN).optional(),
  status: z.enum(QUESTION_STATUS_FILTERS).optional(),
  sort: z.enum(QUESTION_SORTS).default('newest'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
}
export const listFiltersSchema = z.object(listFilterFields)
export type ListFilters = z.infer<typeof listFiltersSchema>

export type ListFilterName = keyof typeof listFilterFields

/**
 * The list's filters from a query string. A value that is not one we know is left out and
 * named in `rejected`, so the page can say "there is no status “weird”" instead of silently
 * showing everything. An empty value is simply no filter.
 */
export function parseListFilters(params: URLSearchParams): {
  filters: ListFilters
  rejected: { name: ListFilterName; value: string }[]
} {
  const raw: Partial<Record<ListFilterName, string>> = {}
  const rejected: { name: ListFilterName; value: string }[] = []
  for (const name of Object.keys(listFilterFields) as ListFilterName[]) {
    const values = params.getAll(name)
    const value = values[0]?.trim()
    if (!value) continue
    const one = listFilterFields[name].safeParse(value)
    if (values.length > 1 || !one.success) rejected.push({ name, value: value.slice(0, 60) })
    else raw[name] = value
  }
  return { filters: listFiltersSchema.parse(raw), rejected }
}

/** Turns zod issues into one message per field, the first one winning. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form')
    out[key] ??= issue.message
  }
  return out
}
