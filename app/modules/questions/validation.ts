import { z } from 'zod'
import { languageField, type LanguageChoice } from '../search/languages'

export const TITLE_MIN = 10
export const TITLE_MAX = 150
export const BODY_MAX = 30_000
export const ANSWER_MIN = 2
export const TAGS_MAX = 5
export const TAG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,28}[a-z0-9])?$/

export const QUESTION_SORTS = ['newest', 'active', 'votes'] as const
export type QuestionSort = (typeof QUESTION_SORTS)[number]

const body = (min: number, what: string) =>
  z
    .string()
    .trim()
    .min(min, `${what} must be at least ${min} characters`)
    .max(BODY_MAX, `${what} must be at most ${BODY_MAX.toLocaleString('en')} characters`)

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
    .max(200, 'Too many tags')
    .transform(splitTags)
    .pipe(
      z
        .array(
          z
            .string()
            .regex(
              TAG_PATTERN,
              'Tags use lowercase letters, digits and hyphens, up to 30 characters',
            ),
        )
        .min(min, 'Add at least one tag')
        .max(TAGS_MAX, `Use at most ${TAGS_MAX} tags`),
    )
}

export const questionSchema = z.object({
  title: z
    .string()
    .trim()
    .min(TITLE_MIN, `Titles must be at least ${TITLE_MIN} characters`)
    .max(TITLE_MAX, `Titles must be at most ${TITLE_MAX} characters`),
  body: body(20, 'The question'),
  category: z.string().min(1, 'Choose a category').max(60),
  tags: tagsField(1),
  language: languageField,
})
/** A question as commands take it; without a language, it is detected from the text. */
export type QuestionInput = Omit<z.infer<typeof questionSchema>, 'language'> & {
  language?: LanguageChoice
}

export const answerSchema = z.object({
  body: body(ANSWER_MIN, 'The answer'),
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
