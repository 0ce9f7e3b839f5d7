import { z } from 'zod'

/** Client-safe: the search page's parameters and the links that log a click-through. */

export const SEARCH_TYPES = ['all', 'kb', 'threads'] as const
export type SearchType = (typeof SEARCH_TYPES)[number]
export const SOLVED_FILTERS = ['solved', 'unsolved'] as const

/** Anything longer is cut here; only the first words are ever searched for anyway. */
export const QUERY_MAX = 2000
export const SUGGEST_TITLE_MAX = 300
export const SUGGEST_BODY_MAX = 2000

const optionalName = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || null)
    .nullable()
    .catch(null)

/** Bad parameters fall back to defaults: a search URL never fails because of how it was typed. */
export const searchParamsSchema = z.object({
  q: z
    .string()
    .catch('')
    .transform((v) => v.slice(0, QUERY_MAX).trim()),
  type: z.enum(SEARCH_TYPES).catch('all'),
  category: optionalName(80),
  tag: optionalName(60),
  solved: z.enum(SOLVED_FILTERS).nullable().catch(null),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
})
export type SearchParams = z.infer<typeof searchParamsSchema>

export function parseSearchParams(params: URLSearchParams): SearchParams {
  return searchParamsSchema.parse({
    q: params.get('q') ?? '',
    type: params.get('type') ?? 'all',
    category: params.get('category'),
    tag: params.get('tag'),
    solved: params.get('solved') || null,
    page: params.get('page') ?? 1,
  })
}

export const TARGET_TYPES = ['kb', 'question'] as const
export type TargetType = (typeof TARGET_TYPES)[number]
export const OPEN_SOURCES = ['search', 'suggest'] as const
export type OpenSource = (typeof OPEN_SOURCES)[number]

/** The logged click-through: names a target by type and id, never by URL (no open redirect). */
export const openParamsSchema = z.object({
  type: z.enum(TARGET_TYPES),
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  from: z.enum(OPEN_SOURCES).catch('search'),
  visit: z.string().max(64).optional().catch(undefined),
  q: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => v?.slice(0, 200)),
})

export function openHref(target: {
  type: TargetType
  id: number
  from: OpenSource
  visit?: string | null
  q?: string | null
}) {
  const params = new URLSearchParams({
    type: target.type,
    id: String(target.id),
    from: target.from,
  })
  if (target.visit) params.set('visit', target.visit)
  if (target.q) params.set('q', target.q.slice(0, 200))
  return `/go?${params.toString()}`
}

export const suggestParamsSchema = z.object({
  title: z
    .string()
    .catch('')
    .transform((v) => v.slice(0, SUGGEST_TITLE_MAX)),
  body: z
    .string()
    .catch('')
    .transform((v) => v.slice(0, SUGGEST_BODY_MAX)),
  visit: z.string().max(64).optional().catch(undefined),
})

/** What the ask form shows under the title; the same shape from the JSON route and the action. */
export type Suggestion = {
  type: TargetType
  id: number
  title: string
  /** Safe HTML: escaped text with our own <mark> tags. */
  titleHtml: string
  /** what the title (and an article's summary, its detail) is written in */
  language: string
  detail: string
  status: 'open' | 'answered' | 'solved' | null
}
export type Suggestions = { kb: Suggestion[]; threads: Suggestion[] }

/** The staff's synonym list (see synonyms.server.ts): limits the form shows and the server keeps. */
export const SYNONYMS_TEXT_MAX = 20_000
export const SYNONYM_GROUPS_MAX = 300
export const SYNONYM_MEMBERS_MAX = 12
export const SYNONYM_MEMBER_MAX = 60
export const SYNONYM_MEMBER_WORDS_MAX = 4

/**
 * The header's suggestions while typing (/search/suggest?q=): the header box holds at most this
 * much, and a longer q is refused (400) rather than searched.
 */
export const QUICK_QUERY_MAX = 200
/** Fewer characters than this suggest nothing: one letter matches half the site. */
export const QUICK_QUERY_MIN = 2

export const quickParamsSchema = z.object({
  q: z.string().max(QUICK_QUERY_MAX),
})

/** One suggestion under the header's search box: a thread or an article, its title marked. */
export type QuickSuggestion = {
  type: TargetType
  id: number
  /** Safe HTML: escaped text with our own <mark> tags. */
  titleHtml: string
  title: string
}
export type QuickSuggestions = { q: string; kb: QuickSuggestion[]; threads: QuickSuggestion[] }
