import crypto from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { isbot } from 'isbot'
import { askVisits, kbArticles, questions, searchEvents } from '../../../db/schema'
import { DEFAULT_LANGUAGE, type Language } from '../../i18n/config'
import { msg } from '../../i18n/message'
import { listCategories } from '../categories/categories.server'
import { listed } from '../policy/visibility.server'
import { TITLE_MIN } from '../questions/validation'
import { now } from '../../utils/clock.server'
import { db, sqlite, write } from '../../utils/db.server'
import { singleton } from '../../utils/singleton.server'
import { threadPath } from '../../utils/slug'
import { searchKb, type KbHit } from './kb-index.server'
import { correctQuery } from './did-you-mean.server'
import { parseQuery } from './normalize.server'
import { currentSynonyms } from './synonyms.server'
import {
  findSimilarQuestionIds,
  searchThreads,
  searchTitleAndBody,
  summarizeQuestions,
  THREAD_PAGE_SIZE,
  type SimilarQuestion,
  type SolvedFilter,
  type ThreadHit,
  type ThreadSearchOptions,
} from './thread-search.server'
import {
  QUICK_QUERY_MIN,
  type QuickSuggestions,
  type SearchType,
  type Suggestion,
  type Suggestions,
  type TargetType,
} from './validation'

/**
 * The one search module routes use: the knowledge base (lunr, in memory) and the threads
 * (FTS5, in the database) behind one call, KB results first; suggestions for the ask form;
 * and the log that deflection (see the README) is computed from.
 */

/** A search finding fewer results than this gets a "did you mean" when a word looks misspelt. */
const FEW_RESULTS = 3

/** KB articles shown above the threads on the first page of an "all" search. */
const KB_ON_ALL = 3
const KB_PAGE_SIZE = 10

export type SearchInput = {
  q: string
  type?: SearchType
  category?: string | null
  tag?: string | null
  solved?: SolvedFilter | null
  page?: number
  /** The language results name their categories in; English when left out. */
  language?: Language
}

export type SearchSection<T> = { items: T[]; total: number; page: number; pageCount: number }

export type SearchOutcome =
  | { status: 'empty' }
  | { status: 'unusable'; message: string }
  | {
      status: 'ok'
      words: string[]
      /** Notes to show above the results (long query cut, any-word matching). */
      notices: string[]
      kb: SearchSection<KbHit> | null
      threads: SearchSection<ThreadHit> | null
      /** Results on this page and the totals over all pages, for the log. */
      total: number
      /** "Did you mean": the query with its misspelt words corrected, when it found little. */
      correction: string | null
    }

export async function search(input: SearchInput): Promise<SearchOutcome> {
  const q = input.q.trim()
  if (!q) return { status: 'empty' }
  const type = input.type ?? 'all'
  const page = Math.max(1, input.page ?? 1)
  const language = input.language ?? DEFAULT_LANGUAGE
  const notices: string[] = []

  let kb: SearchSection<KbHit> | null = null
  /** The word matched as the start of longer words, when either engine had to. */
  let prefixWord: string | null = null
  // On an "all" search the articles lead the first page; later pages are threads only.
  if (type === 'kb' || (type === 'all' && page === 1)) {
    const size = type === 'kb' ? KB_PAGE_SIZE : KB_ON_ALL
    const kbPage = type === 'kb' ? page : 1
    const kbOptions = {
      limit: size,
      offset: (kbPage - 1) * size,
      category: input.category,
      tag: input.tag,
    }
    let result = await searchKb(q, kbOptions)
    // Nothing has the words whole, and the last may be the start of one ("gopa"): as threads do.
    if (result.ok && result.total === 0) {
      const widened = await searchKb(q, { ...kbOptions, prefix: true })
      if (widened.ok && widened.total > 0) {
        result = widened
        prefixWord = widened.words.at(-1) ?? ''
      }
    }
    if (result.ok) {
      const pageCount = Math.max(1, Math.ceil(result.total / size))
      kb = { items: namedIn(language, result.items), total: result.total, page: kbPage, pageCount }
      if (type === 'kb' && kbPage > pageCount && result.total > 0) {
        const last = await searchKb(q, {
          ...kbOptions,
          offset: (pageCount - 1) * size,
          prefix: prefixWord !== null,
        })
        if (last.ok) kb = { ...kb, items: namedIn(language, last.items), page: pageCount }
      }
    } else if (result.reason !== 'no-words') {
      notices.push(result.message)
      kb = { items: [], total: 0, page: 1, pageCount: 1 }
    }
  }

  let threads: SearchSection<ThreadHit> | null = null
  if (type === 'all' || type === 'threads') {
    const result = searchThreads(q, {
      category: input.category,
      tag: input.tag,
      solved: input.solved,
      page,
      pageSize: THREAD_PAGE_SIZE,
      language,
    })
    if (!result.ok) {
      if (!kb || kb.total === 0) return { status: 'unusable', message: result.message }
    } else {
      threads = {
        items: result.items,
        total: result.total,
        page: result.page,
        pageCount: result.pageCount,
      }
      if (result.matched === 'any' && result.total > 0)
        notices.push(anyWordNotice(result.matchedAll))
      if (result.prefixUsed && result.total > 0) prefixWord = result.words.at(-1) ?? ''
    }
  }
  if (prefixWord !== null) notices.push(msg('search.notices.prefixUsed', { word: prefixWord }))

  const synonyms = currentSynonyms()
  const parsed = parseQuery(q, synonyms)
  if (parsed.terms.length === 0) return { status: 'unusable', message: unusableMessage() }
  if (parsed.truncated)
    notices.unshift(msg('search.notices.longQuery', { count: parsed.terms.length }))
  const total = (kb?.total ?? 0) + (threads?.total ?? 0)
  return {
    status: 'ok',
    words: parsed.terms.map((t) => t.text),
    notices,
    kb,
    threads,
    total,
    correction: total < FEW_RESULTS && page === 1 ? correctQuery(q, synonyms) : null,
  }
}

/**
 * Articles with their categories named in `language`. The index keeps the names it was built
 * with; the categories' current words are read by slug (an article's category that has gone
 * keeps the name it had).
 */
function namedIn(language: Language, items: KbHit[]): KbHit[] {
  if (!items.some((a) => a.category)) return items
  const names = new Map(listCategories(language).map((c) => [c.slug, c.name]))
  return items.map((a) =>
    a.category
      ? { ...a, category: { ...a.category, name: names.get(a.category.slug) ?? a.category.name } }
      : a,
  )
}

// Notices and messages are descriptors (../../i18n/message.ts), shown in the reader's language.
function anyWordNotice(matchedAll: number) {
  if (matchedAll === 0) return msg('search.notices.noneHasAll')
  return msg('search.notices.fewHaveAll', { count: matchedAll })
}

function unusableMessage() {
  return msg('search.notices.noWords')
}

// ── Ask-form suggestions ─────────────────────────────────────────────────────────────────

const SUGGEST_KB = 3
const SUGGEST_THREADS = 5

/**
 * What might already answer a question being typed: up to 3 KB articles and 5 answered or
 * solved threads, titles compared with titles first. A thread closed as a duplicate is never
 * shown: when its words match, its original takes its place. Once details are typed, threads
 * are also ranked by their rarest words (see searchTitleAndBody); KB articles by the details
 * only while the title is too short to say much on its own.
 */
export async function suggestForAsk(
  title: string,
  body = '',
  {
    threadLimit = SUGGEST_THREADS,
    language = DEFAULT_LANGUAGE,
  }: { threadLimit?: number; language?: Language } = {},
): Promise<Suggestions> {
  // A title too short to be a question says too little to match on: no guesses.
  if (title.trim().length < TITLE_MIN) return { kb: [], threads: [] }
  const synonyms = currentSynonyms()
  const useBody = parseQuery(title, synonyms).terms.length < 3 && body.trim().length > 0
  const query = useBody ? `${title}\n${body.slice(0, 600)}` : title
  if (parseQuery(query, synonyms).terms.length === 0) return { kb: [], threads: [] }
  const prefix = !useBody
  const kb = await searchKb(query, { limit: SUGGEST_KB, prefix })
  const options: ThreadSearchOptions = {
    pageSize: threadLimit,
    prefix,
    excludeDuplicates: true,
    answeredOnly: true,
    match: 'any',
    language,
  }
  // Once details are typed, their rarest words rank threads too, beside the title's ranking.
  const details = body.trim().slice(0, 600)
  const threads = details
    ? searchTitleAndBody(title, details, { ...options, prefix: false })
    : ((r) => (r.ok ? r.items : []))(searchThreads(query, options))
  return {
    kb: kb.ok
      ? kb.items.map((a) => ({
          type: 'kb' as const,
          id: a.id,
          title: a.title,
          titleHtml: a.titleHtml,
          language: a.language,
          detail: a.summary,
          status: null,
        }))
      : [],
    threads: threads.map((t) => ({
      type: 'question' as const,
      id: t.id,
      title: t.title,
      titleHtml: t.titleHtml,
      language: t.language,
      detail: msg('search.suggest.threadDetail', {
        category: t.category.name,
        count: t.answerCount,
      }),
      status: t.status,
    })),
  }
}

// ── Header suggestions ───────────────────────────────────────────────────────────────────

const QUICK_KB = 4
const QUICK_THREADS = 5

/**
 * What the header's search box lists while a person types: a few articles and threads whose
 * titles hold every word, the last one also as the start of a word ("gopa" → GoPay). Both
 * engines hold only visible, published content; a thread closed as a duplicate brings its
 * original instead, as on the ask form.
 */
export async function suggestWhileTyping(
  input: string,
  { language = DEFAULT_LANGUAGE }: { language?: Language } = {},
): Promise<QuickSuggestions> {
  const q = input.trim()
  if (q.length < QUICK_QUERY_MIN) return { q, kb: [], threads: [] }
  const kb = await searchKb(q, { limit: QUICK_KB, prefix: true })
  const threads = searchThreads(q, {
    pageSize: QUICK_THREADS,
    prefix: true,
    excludeDuplicates: true,
    language,
  })
  const brief = (type: TargetType) => (hit: { id: number; title: string; titleHtml: string }) => ({
    type,
    id: hit.id,
    title: hit.title,
    titleHtml: hit.titleHtml,
  })
  return {
    q,
    kb: kb.ok ? kb.items.map(brief('kb')) : [],
    threads: threads.ok ? threads.items.map(brief('question')) : [],
  }
}

// Similar questions are asked for on every thread view; their ranking is kept for a while per
// question (until a new question is posted, at most 10 minutes), their visibility never is.
const SIMILAR_TTL_MS = 10 * 60_000
const SIMILAR_CACHE_MAX = 5_000
const similarCache = singleton(
  'similarQuestions',
  () => new Map<string, { ids: number[]; at: number }>(),
)

const newestStatement = () =>
  singleton('newestQuestionId', () =>
    sqlite.prepare<[], { n: number | null }>('select max(id) as n from questions'),
  )
const newestQuestionId = () => {
  return newestStatement().get()?.n ?? 0
}

/** Similar questions for a thread page: visible ones only, with their current titles. */
export function getSimilarQuestions(questionId: number, limit = 5) {
  const newest = newestQuestionId()
  const key = `${questionId}:${limit}:${newest}`
  const t = performance.now()
  let cached = similarCache.get(key)
  if (!cached || t - cached.at > SIMILAR_TTL_MS) {
    // A few spare candidates, in case some are hidden before the entry expires.
    cached = { ids: findSimilarQuestionIds(questionId, limit + 3), at: t }
    if (similarCache.size >= SIMILAR_CACHE_MAX)
      similarCache.delete(similarCache.keys().next().value!)
    similarCache.set(key, cached)
  }
  return summarizeQuestions(cached.ids)
    .slice(0, limit)
    .map((q: SimilarQuestion) => ({ ...q, href: threadPath(q) }))
}
export type SimilarQuestionLink = ReturnType<typeof getSimilarQuestions>[number]

/**
 * Where a search result or suggestion lives, or null when it is not public (hidden, deleted,
 * unpublished): the logged click-through only ever redirects to one of these paths.
 */
export function resolveTarget(type: TargetType, id: number): string | null {
  if (type === 'question') {
    const q = db
      .select({ title: questions.title })
      .from(questions)
      .where(and(eq(questions.id, id), listed(questions)))
      .get()
    return q ? threadPath({ id, title: q.title }) : null
  }
  const a = db
    .select({ slug: kbArticles.slug })
    .from(kbArticles)
    .where(and(eq(kbArticles.id, id), eq(kbArticles.status, 'published')))
    .get()
  return a ? `/kb/${a.slug}` : null
}

// ── The log ──────────────────────────────────────────────────────────────────────────────

const LOGGED_QUERY_MAX = 200
const DAY_MS = 24 * 60 * 60_000

/** A new ask-form visit; its random id travels in the form and in suggestion links. */
export function startAskVisit(userId: number | null): string {
  const id = crypto.randomBytes(18).toString('base64url')
  write((tx) => tx.insert(askVisits).values({ id, userId, startedAt: now() }).run(), {
    pagesUnchanged: true,
  })
  return id
}

/**
 * The visit when it belongs to this person (ids are random, but a link passed to someone
 * else must not log in the owner's name). Visits of signed-out visitors have no owner.
 */
export function getAskVisit(visitId: string | null | undefined, userId: number | null) {
  if (!visitId) return null
  const visit = db.select().from(askVisits).where(eq(askVisits.id, visitId)).get()
  if (!visit || visit.userId !== userId) return null
  return visit
}

/** Suggestions were shown on the ask form; a visit "showed suggestions" once one was listed. */
export function logSuggestionsShown(
  visitId: string | null | undefined,
  query: string,
  results: Suggestions,
  userId: number | null,
): boolean {
  const visit = getAskVisit(visitId, userId)
  if (!visit) return false
  const count = results.kb.length + results.threads.length
  write(
    (tx) => {
      tx.insert(searchEvents)
        .values({
          kind: 'suggest_shown',
          askVisitId: visit.id,
          userId,
          query: query.slice(0, LOGGED_QUERY_MAX),
          resultCount: count,
        })
        .run()
      if (count > 0)
        tx.update(askVisits)
          .set({ firstShownAt: now() })
          .where(and(eq(askVisits.id, visit.id), isNull(askVisits.firstShownAt)))
          .run()
    },
    { pagesUnchanged: true },
  )
  return true
}

/** The visitor opened a suggestion (through the logged click-through). */
export function logSuggestionOpened(
  visitId: string | null | undefined,
  targetType: TargetType,
  targetId: number,
  userId: number | null,
): boolean {
  const visit = getAskVisit(visitId, userId)
  if (!visit) return false
  write(
    (tx) => {
      tx.insert(searchEvents)
        .values({ kind: 'suggest_opened', askVisitId: visit.id, userId, targetType, targetId })
        .run()
      tx.update(askVisits)
        .set({ firstOpenedAt: now() })
        .where(and(eq(askVisits.id, visit.id), isNull(askVisits.firstOpenedAt)))
        .run()
    },
    { pagesUnchanged: true },
  )
  return true
}

/** The question this visit ended in; the first one counts if the form is posted twice. */
export function markAskVisitPosted(
  visitId: string | null | undefined,
  questionId: number,
  userId: number | null,
): boolean {
  const visit = getAskVisit(visitId, userId)
  if (!visit) return false
  write(
    (tx) =>
      tx
        .update(askVisits)
        .set({ questionId, postedAt: now() })
        .where(and(eq(askVisits.id, visit.id), isNull(askVisits.postedAt)))
        .run(),
    { pagesUnchanged: true },
  )
  return true
}

/**
 * A search was made: its first page was shown to a person (later pages are the same search,
 * and crawlers do not search). The search page's loader calls this, and so does the page cache for every
 * page it serves in the loader's place.
 */
export function logSearch(entry: {
  userId: number | null
  query: string
  page: number
  resultCount: number
  userAgent: string | null | undefined
}): boolean {
  if (entry.page !== 1 || !entry.query || isbot(entry.userAgent ?? '')) return false
  write(
    (tx) =>
      tx
        .insert(searchEvents)
        .values({
          kind: 'search',
          userId: entry.userId,
          query: entry.query.slice(0, LOGGED_QUERY_MAX),
          resultCount: entry.resultCount,
        })
        .run(),
    { pagesUnchanged: true },
  )
  return true
}

export function logResultOpened(entry: {
  userId: number | null
  query: string
  targetType: TargetType
  targetId: number
}) {
  write(
    (tx) =>
      tx
        .insert(searchEvents)
        .values({
          kind: 'result_opened',
          userId: entry.userId,
          query: entry.query.slice(0, LOGGED_QUERY_MAX),
          targetType: entry.targetType,
          targetId: entry.targetId,
        })
        .run(),
    { pagesUnchanged: true },
  )
}

export type Deflection = {
  /** Ask-form visits started in the range. */
  visits: number
  /** Of those, visits that showed at least one suggestion and whose 24 h window has closed. */
  showedSuggestions: number
  /** Of those, visits where a suggestion was opened and the visitor posted no question in 24 h. */
  deflected: number
  /** Visits that showed suggestions less than 24 h ago: not counted yet either way. */
  pending: number
  /** deflected ÷ showedSuggestions, or null when nothing is countable. */
  rate: number | null
}

/**
 * Deflection (defined in the README): ask-form visits where the visitor opened a suggestion and posted no
 * question within 24 h, ÷ all ask-form visits that showed suggestions — over visits started
 * in [from, to). A visit counts once its 24 h have passed; younger ones are `pending`.
 * "Posted" means any question by that visitor created within 24 h of the visit's start (from
 * this form or another tab), or, when the account is gone, the question stamped on the visit.
 */
export function getDeflection(from: Date, to: Date): Deflection {
  const closedBefore = now().getTime() - DAY_MS
  const row = db.get<{
    visits: number
    showed: number | null
    deflected: number | null
    pending: number | null
  }>(sql`
    select
      count(*) as visits,
      sum(v.first_shown_at is not null and v.started_at <= ${closedBefore}) as showed,
      sum(v.first_shown_at is not null and v.started_at <= ${closedBefore}
        and v.first_opened_at is not null
        and not (v.posted_at is not null and v.posted_at <= v.started_at + ${DAY_MS})
        and not exists (
          select 1 from questions q
          where q.author_id = v.user_id
            and q.created_at >= v.started_at and q.created_at <= v.started_at + ${DAY_MS})
      ) as deflected,
      sum(v.first_shown_at is not null and v.started_at > ${closedBefore}) as pending
    from ask_visits v
    where v.started_at >= ${from.getTime()} and v.started_at < ${to.getTime()}`)
  const showed = row.showed ?? 0
  const deflected = row.deflected ?? 0
  return {
    visits: row.visits,
    showedSuggestions: showed,
    deflected,
    pending: row.pending ?? 0,
    rate: showed > 0 ? deflected / showed : null,
  }
}

export type { KbHit, ThreadHit, Suggestion }
