import { performance } from 'node:perf_hooks'
import { sql, type SQL } from 'drizzle-orm'
import { DEFAULT_LANGUAGE, type Language } from '../../i18n/config'
import { msg } from '../../i18n/message'
import { db, sqlite } from '../../utils/db.server'
import { markdownToText } from '../../utils/markdown-text.server'
import { localizeCategory } from '../categories/localize'
import { listedSql } from '../policy/visibility.server'
import { singleton } from '../../utils/singleton.server'
import { tagsByQuestion } from '../questions/tags.server'
import { buildMatch, buildSimilarMatch, termExpression } from './fts-query.server'
import { highlightWords, snippetHtml } from './query-text.server'
import {
  MAX_QUERY_TERMS,
  parseQuery,
  wordMatcher,
  withSynonymTokensOnly,
  type CompiledSynonyms,
  type ParsedQuery,
  type QueryTerm,
} from './normalize.server'
import { isSearchIndexCurrent } from './search-maintenance.server'
import { currentSynonyms } from './synonyms.server'
import type { PostLanguage } from './languages'

/**
 * Thread search over questions_fts (migration 0007; kept in sync by syncQuestionSearch in the
 * same transaction as every write). Columns: title, tags, body, answer (the accepted answer),
 * related (titles of the questions closed as its duplicates), each holding normalised words
 * (normalize.server.ts); rowid = questions.id. Hidden and deleted questions have no row, so a
 * match is visible by construction. The table keeps no text of its own: titles and snippets
 * are read from the posts and marked here, by the same word forms the query matched.
 *
 * Ranking touches the FTS table only: bm25 costs about a microsecond per matching row, while
 * joining every match to `questions` costs several. Filters become `+rowid IN (…)` sets built
 * from covering indexes (the `+` keeps SQLite from driving the full-text query row by row from
 * the set), and only the page's ten rows are joined for their details.
 */

/** bm25 weights in column order. A title (or a duplicate's title) matching says the most. */
const WEIGHTS = { title: 10, tags: 4, body: 1, answer: 1.5, related: 8 }
const BM25 = sql.raw(
  `bm25(questions_fts, ${WEIGHTS.title}, ${WEIGHTS.tags}, ${WEIGHTS.body}, ${WEIGHTS.answer}, ${WEIGHTS.related})`,
)
/**
 * Suggestions and similar questions: a question's title is the query, so titles (and the titles
 * of duplicates) count most, yet less steeply than on the search page, where a body or a long
 * accepted answer that happens to share a word would otherwise lose to a short title.
 */
const BM25_SIMILAR = sql.raw('bm25(questions_fts, 4, 2, 1, 0.5, 3)')

/** When every word together finds fewer than this, any word will do (best matches first). */
const AND_MINIMUM = 3
/**
 * bm25 costs about a microsecond per matching row, so a query matching a quarter of the site
 * ranks only its newest RANK_WINDOW matches (more when paging deep); the total stays exact.
 */
const RANK_WINDOW = 1_000
const SUGGEST_WINDOW = 10_000
/**
 * Any-word queries leave out words found in more threads than this (the two rarest words always
 * stay): such a word adds little to bm25 but makes the query rank a large part of the site. On
 * a small site nothing is left out.
 */
const COMMON_WORD_THREADS = 2_000
export const THREAD_PAGE_SIZE = 10

export type SolvedFilter = 'solved' | 'unsolved'

export type ThreadSearchOptions = {
  category?: string | null
  tag?: string | null
  solved?: SolvedFilter | null
  page?: number
  pageSize?: number
  /** The last word is still being typed: also match it as a prefix. */
  prefix?: boolean
  /**
   * Suggestions: a question closed as a duplicate is never shown; its original (at the end of a
   * chain of duplicates) is offered in its place, since that is where the answer is.
   */
  excludeDuplicates?: boolean
  /** Suggestions: only threads that have a response. */
  answeredOnly?: boolean
  excludeIds?: number[]
  /** 'auto' = every word first, any word when that finds too little; 'any' = any word. */
  match?: 'auto' | 'any'
  /**
   * Suggestions and similar questions rank more matches while too few pass the relevance
   * floor; with this, only the first few dozen (a body's words match many threads whose titles
   * the floor then turns away, and ranking them all costs more than it finds).
   */
  firstWindowOnly?: boolean
  /** The language the hits' categories are named in; English when left out. */
  language?: Language
}

export type ThreadHit = {
  id: number
  title: string
  titleHtml: string
  /** what the question is written in, and its snippet (the accepted answer's, from it) */
  language: PostLanguage
  snippetLanguage: PostLanguage
  snippetHtml: string
  /** Where the snippet comes from: the question itself or its accepted answer. */
  snippetFrom: 'question' | 'answer'
  status: 'open' | 'answered' | 'solved'
  closedReason: string | null
  answerCount: number
  score: number
  createdAt: Date
  category: { slug: string; name: string }
  tags: string[]
}

export type ThreadSearchResult =
  | {
      ok: true
      items: ThreadHit[]
      /** Every match with the page's filters; suggestion calls (post-filtered) count their items. */
      total: number
      page: number
      pageCount: number
      /** 'all' when every word matched; 'any' when results with some of the words are shown. */
      matched: 'all' | 'any'
      /** With 'any': how many of the results hold every word (they come first). */
      matchedAll: number
      words: string[]
      truncated: boolean
      /** The last word was also matched as the start of longer words (nothing matched it whole). */
      prefixUsed: boolean
    }
  | { ok: false; reason: 'no-words' | 'failed'; message: string }

export const NO_WORDS_MESSAGE = msg('search.notices.noWords')
const FAILED_MESSAGE = msg('search.notices.failed')

const idList = (ids: number[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )

/** The search page's filters, as sets of question ids read from covering indexes. */
function setFilters(options: ThreadSearchOptions): SQL[] {
  const parts: SQL[] = []
  if (options.category)
    parts.push(sql`+rowid in (select id from questions
      where category_id = (select id from categories where slug = ${options.category}))`)
  if (options.tag)
    parts.push(sql`+rowid in (select question_id from question_tags
      where tag_id = (select id from tags where name = ${options.tag}))`)
  if (options.solved === 'solved')
    parts.push(sql`+rowid in (select id from questions where status = 'solved')`)
  if (options.solved === 'unsolved')
    parts.push(sql`+rowid in (select id from questions where status in ('open', 'answered'))`)
  if (options.excludeIds?.length) parts.push(sql`+rowid not in (${idList(options.excludeIds)})`)
  return parts
}

const hasPostFilters = (o: ThreadSearchOptions) => Boolean(o.answeredOnly || o.excludeDuplicates)

type Ranked = { id: number; rank: number }

function countMatches(match: string, filters: SQL[]) {
  return db.get<{ n: number }>(sql`select count(*) as n from questions_fts
    where questions_fts match ${match}${sql.join(
      filters.map((f) => sql` and ${f}`),
      sql``,
    )}`).n
}

/** Best first. With `boostAll`, rows containing every word rank before rows with only some. */
function rankMatches(
  match: string,
  filters: SQL[],
  rank: SQL,
  offset: number,
  limit: number,
  boostAll: string | null,
  floor: number | null,
) {
  const order = boostAll
    ? sql`(rowid in (select rowid from questions_fts where questions_fts match ${boostAll})) desc, rank`
    : sql`rank`
  return db.all<Ranked>(sql`select rowid as id, ${rank} as rank from questions_fts
    where questions_fts match ${match}${sql.join(
      filters.map((f) => sql` and ${f}`),
      sql``,
    )}${floor === null ? sql`` : sql` and rowid >= ${floor}`}
    order by ${order}, rowid desc limit ${limit} offset ${offset}`)
}

/**
 * The lowest rowid among the newest `window` matches, or null when there are fewer. Doclists
 * are in rowid order, so this reads only as far as it needs.
 */
function newestFloor(match: string, filters: SQL[], window: number) {
  return (
    db.get<{ id: number } | undefined>(sql`select rowid as id from questions_fts
      where questions_fts match ${match}${sql.join(
        filters.map((f) => sql` and ${f}`),
        sql``,
      )}
      order by rowid desc limit 1 offset ${window - 1}`)?.id ?? null
  )
}

// How many threads contain a word, and how many threads there are: cached, since a stale
// count only shifts which words an any-word query leaves out.
const COUNT_TTL_MS = 10 * 60_000
const wordCounts = singleton('ftsWordCounts', () => new Map<string, { n: number; at: number }>())

function cachedCount(key: string, count: () => number) {
  const t = performance.now()
  const hit = wordCounts.get(key)
  if (hit && t - hit.at < COUNT_TTL_MS) return hit.n
  if (wordCounts.size >= 20_000) wordCounts.delete(wordCounts.keys().next().value!)
  const n = count()
  wordCounts.set(key, { n, at: t })
  return n
}

/**
 * The terms worth an any-word query: very common ones add little to bm25 but make the query
 * read (and rank) a large part of the site, so they are left out while rarer ones remain.
 */
function informativeTerms(parsed: ParsedQuery): ParsedQuery {
  if (parsed.terms.length <= 2) return parsed
  const counted = parsed.terms.map((term) => {
    const expression = termExpression(term, false)
    return {
      term,
      n: term.partial ? 0 : cachedCount(expression, () => countMatches(expression, [])),
    }
  })
  const rarest = new Set(
    [...counted]
      .sort((a, b) => a.n - b.n)
      .slice(0, 2)
      .map((c) => c.term),
  )
  const kept = counted
    .filter((c) => c.n <= COMMON_WORD_THREADS || rarest.has(c.term))
    .map((c) => c.term)
  return { ...parsed, terms: kept }
}

/** How far a chain of duplicates (a duplicate of a duplicate of …) is followed to its original. */
const MAX_DUPLICATE_HOPS = 10

/**
 * What a suggestion shows for each of these matches, in one lookup: the match itself, or, for a
 * question closed as a duplicate, the original at the end of its chain (the duplicate's words
 * found it, but the original holds the answers). A match whose shown question is hidden, deleted,
 * unanswered (with `answeredOnly`) or excluded maps to nothing.
 */
function suggestionTargets(ids: number[], options: ThreadSearchOptions) {
  if (ids.length === 0) return new Map<number, number>()
  const follow = options.excludeDuplicates === true
  // `+` keeps these conditions off the status indexes: the id list is the way in.
  const rows = db.all<{ start: number; id: number }>(sql`
    with recursive chain(start, id, hops) as (
      select id, id, 0 from questions where id in (${idList(ids)})
      ${
        follow
          ? sql`union all
      select chain.start, q.duplicate_of_id, chain.hops + 1 from chain join questions q on q.id = chain.id
      where +q.closed_reason = 'duplicate' and q.duplicate_of_id is not null
        and chain.hops < ${MAX_DUPLICATE_HOPS}`
          : sql``
      }
    )
    select chain.start, q.id from chain join questions q on q.id = chain.id
    where ${sql.raw(listedSql('q', 'question', { unindexed: true }))}
    ${options.answeredOnly ? sql`and +q.status in ('answered', 'solved')` : sql``}
    ${follow ? sql`and (+q.closed_reason is null or q.closed_reason <> 'duplicate')` : sql``}
    ${options.excludeIds?.length ? sql`and q.id not in (${idList(options.excludeIds)})` : sql``}`)
  return new Map(rows.map((r) => [r.start, r.id]))
}

/** Each match replaced by what a suggestion shows for it, in rank order, each question once. */
function toSuggestions(ranked: Ranked[], options: ThreadSearchOptions): Ranked[] {
  const targets = suggestionTargets(
    ranked.map((r) => r.id),
    options,
  )
  const seen = new Set<number>()
  return ranked.flatMap(({ id, rank }) => {
    const shown = targets.get(id)
    if (shown === undefined || seen.has(shown)) return []
    seen.add(shown)
    return [{ id: shown, rank }]
  })
}

/**
 * The best `limit` suggestions, looking further down the ranking (20, 200, 2000 rows, then all)
 * only while too few of the first ones pass the suggestion filters.
 */
function rankPostFiltered(
  match: string,
  filters: SQL[],
  rank: SQL,
  limit: number,
  options: ThreadSearchOptions,
) {
  const floor = newestFloor(match, filters, SUGGEST_WINDOW)
  for (let window = limit * 4; ; window *= 10) {
    const ranked = rankMatches(match, filters, rank, 0, window, null, floor)
    const kept = toSuggestions(aboveFloor(match, ranked), options)
    if (kept.length >= limit || ranked.length < window || options.firstWindowOnly)
      return kept.slice(0, limit)
  }
}

/**
 * How close to the best title match a thread that shares words with the query only in its
 * body must score (bm25, best is most negative) to be shown beside it.
 */
const BODY_ONLY_FLOOR = 0.6

/**
 * The relevance floor of suggestions and similar questions. A thread whose title, tags or
 * duplicates' titles share a word with the query is shown; one that shares words only in its
 * body reads, from its title, as unrelated, so it is shown only when it scores nearly as well
 * as the best of those, and never when none of them do. Showing fewer beats showing noise.
 */
function aboveFloor(match: string, ranked: Ranked[]): Ranked[] {
  if (ranked.length === 0) return ranked
  const rows = db.all<{ id: number }>(sql`select rowid as id from questions_fts
    where questions_fts match ${`{title tags related} : (${match})`}
      and +rowid in (${idList(ranked.map((r) => r.id))})`)
  const titled = new Set(rows.map((r) => r.id))
  const best = ranked.find((r) => titled.has(r.id))
  if (!best) return []
  return ranked.filter((r) => titled.has(r.id) || r.rank <= best.rank * BODY_ONLY_FLOOR)
}

type DetailRow = {
  id: number
  title: string
  language: PostLanguage
  answer_language: PostLanguage
  status: ThreadHit['status']
  closed_reason: string | null
  answer_count: number
  score: number
  created_at: number
  category_slug: string
  category_name: string
  /** The category's translations column, as text. */
  category_translations: string
  body: string
  answer: string
}

/** Characters of a body read for its snippet: a match further down is rare, and costly to find. */
const SNIPPET_SOURCE = 12_000

function details(ids: number[], withBodies: boolean) {
  if (ids.length === 0) return new Map<number, DetailRow>()
  const bodies = withBodies
    ? sql`substr(q.body_md, 1, ${SNIPPET_SOURCE}) as body,
      coalesce((select substr(a.body_md, 1, ${SNIPPET_SOURCE}) from answers a
        where a.id = q.accepted_answer_id and ${sql.raw(listedSql('a', 'answer', { unindexed: true }))}), '') as answer,
      coalesce((select a.language from answers a where a.id = q.accepted_answer_id), q.language)
        as answer_language`
    : sql`'' as body, '' as answer, q.language as answer_language`
  const rows = db.all<DetailRow>(sql`
    select q.id, q.title, q.language, q.status, q.closed_reason, q.answer_count, q.score, q.created_at,
      c.slug as category_slug, c.name as category_name,
      c.translations as category_translations, ${bodies}
    from questions q join categories c on c.id = q.category_id
    where q.id in (${idList(ids)}) and ${sql.raw(listedSql('q', 'question', { unindexed: true }))}`)
  return new Map(rows.map((r) => [r.id, r]))
}

/**
 * The page's rows with their details; `brief` (suggestions) skips body snippets and tags. Titles
 * and snippets are marked where a word has one of the query's forms (or is a synonym of one),
 * so "pengiriman" is marked for a search for "kirim".
 */
function toHits(
  ranked: Ranked[],
  terms: QueryTerm[],
  synonyms: CompiledSynonyms,
  language: Language,
  brief = false,
): ThreadHit[] {
  const ids = ranked.map((r) => r.id)
  const rows = details(ids, !brief)
  const tagMap = brief ? new Map<number, string[]>() : tagsByQuestion(ids)
  const matches = wordMatcher(terms, synonyms)
  return ranked.flatMap(({ id }) => {
    const r = rows.get(id)
    if (!r) return []
    const question = brief ? null : snippetHtml(markdownToText(r.body), matches)
    // The question's own words first; the accepted answer when only it contains the words.
    const answer =
      question && !question.found && r.answer
        ? snippetHtml(markdownToText(r.answer), matches)
        : null
    const fromAnswer = answer !== null && answer.found
    return [
      {
        id,
        title: r.title,
        titleHtml: highlightWords(r.title, matches, 1000),
        language: r.language,
        snippetLanguage: fromAnswer ? r.answer_language : r.language,
        snippetHtml: (fromAnswer ? answer.html : question?.html) ?? '',
        snippetFrom: fromAnswer ? ('answer' as const) : ('question' as const),
        status: r.status,
        closedReason: r.closed_reason,
        answerCount: r.answer_count,
        score: r.score,
        createdAt: new Date(r.created_at),
        category: localizeCategory(
          { slug: r.category_slug, name: r.category_name, translations: r.category_translations },
          language,
        ),
        tags: tagMap.get(id) ?? [],
      },
    ]
  })
}

/**
 * Searches visible questions. Never throws on what a person typed: a query without words, or
 * one the engine refuses, comes back as `{ ok: false, message }` to show as it is.
 */
export function searchThreads(
  query: string,
  options: ThreadSearchOptions = {},
): ThreadSearchResult {
  const synonyms = currentSynonyms()
  const language = options.language ?? DEFAULT_LANGUAGE
  const parsed = withSynonymTokensOnly(
    parseQuery(query, synonyms, { max: MAX_QUERY_TERMS, prefix: true }),
    isSearchIndexCurrent(synonyms),
  )
  if (parsed.terms.length === 0) return { ok: false, reason: 'no-words', message: NO_WORDS_MESSAGE }
  const words = parsed.terms.map((t) => t.text)
  const pageSize = Math.max(1, Math.min(50, options.pageSize ?? THREAD_PAGE_SIZE))
  const filters = setFilters(options)
  const single = parsed.terms.length === 1
  try {
    if (hasPostFilters(options)) {
      // Suggestions and similar questions: one short list, any word, titles weighing most.
      const expression =
        options.match === 'any'
          ? buildSimilarMatch(informativeTerms(parsed), options.prefix === true)
          : buildMatch(parsed, options.prefix === true).all
      const ranked = rankPostFiltered(expression, filters, BM25_SIMILAR, pageSize, options)
      const shown = options.prefix
        ? parsed.terms
        : parsed.terms.map((t) => ({ ...t, partial: false }))
      const items = toHits(ranked, shown, synonyms, language, true)
      return {
        ok: true,
        items,
        total: items.length,
        page: 1,
        pageCount: 1,
        matched: options.match === 'any' && !single ? 'any' : 'all',
        matchedAll: 0,
        words,
        truncated: parsed.truncated,
        prefixUsed: false,
      }
    }

    let match = buildMatch(parsed, options.prefix === true)
    let expression = options.match === 'any' ? match.any : match.all
    let matched: 'all' | 'any' = options.match === 'any' && !single ? 'any' : 'all'
    let boostAll: string | null = null
    let total = countMatches(expression, filters)
    let matchedAll = options.match === 'any' ? 0 : total
    let prefixUsed = options.prefix === true
    // Nothing for the words as typed, and the last one may be the start of a word ("gopa"):
    // look for words it begins, as the ask form does while typing.
    if (total === 0 && !prefixUsed && parsed.terms.at(-1)?.partial) {
      const widened = buildMatch(parsed, true)
      const n = countMatches(options.match === 'any' ? widened.any : widened.all, filters)
      if (n > 0) {
        match = widened
        expression = options.match === 'any' ? widened.any : widened.all
        total = n
        matchedAll = options.match === 'any' ? 0 : n
        prefixUsed = true
      }
    }
    if (options.match !== 'any' && !single && total < AND_MINIMUM) {
      const anyTotal = countMatches(match.any, filters)
      if (anyTotal > total) {
        expression = match.any
        matched = 'any'
        boostAll = match.all
        total = anyTotal
      }
    }
    const pageCount = Math.max(1, Math.ceil(total / pageSize))
    // Past the last page: show the last one rather than nothing.
    const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pageCount)
    const offset = (page - 1) * pageSize
    const window = Math.max(RANK_WINDOW, (offset + pageSize) * 4)
    // Not worth a query for a few hundred rows more or less.
    const floor = total > window * 2 ? newestFloor(expression, filters, window) : null
    const ranked =
      total === 0 ? [] : rankMatches(expression, filters, BM25, offset, pageSize, boostAll, floor)
    const terms = prefixUsed ? parsed.terms : parsed.terms.map((t) => ({ ...t, partial: false }))
    return {
      ok: true,
      items: toHits(ranked, terms, synonyms, language),
      total,
      page,
      pageCount,
      matched,
      matchedAll,
      words,
      truncated: parsed.truncated,
      prefixUsed,
    }
  } catch (error) {
    // Our own MATCH strings are always valid; this is a guard, not a path we expect.
    console.warn('thread search failed', error)
    return { ok: false, reason: 'failed', message: FAILED_MESSAGE }
  }
}

export type SimilarQuestion = {
  id: number
  title: string
  /** the language the question is written in, for the title's `lang` */
  language: PostLanguage
  status: ThreadHit['status']
  answerCount: number
}

/**
 * The words of a question's body that say the most about it: the rarest ones found in at least
 * one other thread (a word only this question uses cannot find anything), title words left out.
 */
function distinctiveBodyWords(body: string, title: string, count: number): string[] {
  const synonyms = currentSynonyms()
  const inTitle = new Set(parseQuery(title, synonyms).terms.map((t) => t.text))
  const terms = parseQuery(markdownToText(body).slice(0, 2000), synonyms, { max: 24 }).terms
  return terms
    .filter((t) => !inTitle.has(t.text) && !/^\d+$/.test(t.text))
    .map((term) => {
      const expression = termExpression(term, false)
      const n = cachedCount(`${expression}\u0000≤`, () => countUpTo(expression, RARE_ENOUGH))
      return { text: term.text, n }
    })
    .filter((w) => w.n >= 2)
    .sort((a, b) => a.n - b.n || a.text.localeCompare(b.text))
    .slice(0, count)
    .map((w) => w.text)
}

/**
 * Body words are ranked by how many threads hold them, counted up to this: a word in more
 * threads than that is common, and counting all of them (tens of thousands at 100k questions)
 * would cost more than the whole search.
 */
const RARE_ENOUGH = 200

/** How many threads hold a term, counting no further than `cap`. */
function countUpTo(match: string, cap: number) {
  return db.get<{ n: number }>(sql`select count(*) as n from (select 1 from questions_fts
    where questions_fts match ${match} limit ${cap})`).n
}

/**
 * Chosen on the development sites of the recall bench (tests/bench/recall.ts), never on the
 * held-out one: 8 body words, the body's ranking counting half as much as the title's, and a
 * fusion constant of 10 (60, the usual one, flattened the title's lead too much).
 */
const SIMILAR_BODY_WORDS = 8
const SIMILAR_BODY_WEIGHT = 0.5
const SIMILAR_FUSION_K = 10

/** Rankings of the same threads fused by reciprocal rank, each counting `weight`. */
function fuse<T>(
  rankings: { items: T[]; weight: number }[],
  id: (item: T) => number,
  limit: number,
) {
  const fused = new Map<number, { item: T; score: number }>()
  for (const { items, weight } of rankings)
    items.forEach((item, rank) => {
      const entry = fused.get(id(item)) ?? { item, score: 0 }
      entry.score += weight / (SIMILAR_FUSION_K + rank + 1)
      fused.set(id(item), entry)
    })
  return [...fused.values()]
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((e) => e.item)
}

/**
 * Two rankings fused by reciprocal rank: the title (and tags), as the ask form would search
 * them, and the most distinctive words of the body, which often name what the title only hints
 * at ("this error" → the error's own words). Each ranking goes twice as deep as the list shown:
 * a thread second in both beats one that only one of them found. The body's ranking looks at
 * its first matches only (see `firstWindowOnly`). `rank` gives one ranking: hits with their
 * snippets for suggestions, bare ids for similar questions.
 */
function rankTitleAndBody<T>(
  title: string,
  body: string,
  options: ThreadSearchOptions,
  rank: (query: string, options: ThreadSearchOptions) => T[],
  id: (item: T) => number,
): T[] {
  const pageSize = options.pageSize ?? THREAD_PAGE_SIZE
  const deeper = { ...options, pageSize: Math.min(50, pageSize * 2) }
  const bodyWords = body ? distinctiveBodyWords(body, title, SIMILAR_BODY_WORDS) : []
  return fuse(
    [
      { items: rank(title, deeper), weight: 1 },
      {
        items: bodyWords.length
          ? rank(bodyWords.join(' '), { ...deeper, firstWindowOnly: true })
          : [],
        weight: SIMILAR_BODY_WEIGHT,
      },
    ],
    id,
    pageSize,
  )
}

/** Ask-form suggestions once details are typed: hits, as the search returns them. */
export function searchTitleAndBody(
  title: string,
  body: string,
  options: ThreadSearchOptions,
): ThreadHit[] {
  const hits = (query: string, o: ThreadSearchOptions) => {
    const result = searchThreads(query, o)
    return result.ok ? result.items : []
  }
  return rankTitleAndBody(title, body, options, hits, (hit) => hit.id)
}

/**
 * One ranking of suggestions or similar questions as bare ids: what searchThreads ranks for
 * them, without the snippets, titles and tags of its hits (similar questions show their own).
 */
function rankSimilarIds(query: string, options: ThreadSearchOptions): number[] {
  const synonyms = currentSynonyms()
  const parsed = withSynonymTokensOnly(
    parseQuery(query, synonyms, { max: MAX_QUERY_TERMS }),
    isSearchIndexCurrent(synonyms),
  )
  if (parsed.terms.length === 0) return []
  const expression = buildSimilarMatch(informativeTerms(parsed), false)
  const limit = Math.max(1, Math.min(50, options.pageSize ?? THREAD_PAGE_SIZE))
  try {
    return rankPostFiltered(expression, setFilters(options), BM25_SIMILAR, limit, options).map(
      (r) => r.id,
    )
  } catch {
    // a query the engine refuses finds nothing similar
    return []
  }
}

/**
 * Questions like this one, for the thread page: its title and tags, and its body (see
 * rankTitleAndBody); never itself, its duplicates, or anything closed as a duplicate (a
 * matching duplicate brings its original instead).
 */
export function findSimilarQuestionIds(questionId: number, limit = 5): number[] {
  const source = db.get<{ title: string; tags: string | null; body: string } | undefined>(sql`
    select q.title, q.body_md as body, (select group_concat(t.name, ' ') from question_tags qt
      join tags t on t.id = qt.tag_id where qt.question_id = q.id) as tags
    from questions q where q.id = ${questionId}`)
  if (!source) return []
  const options: ThreadSearchOptions = {
    pageSize: Math.max(1, Math.min(20, limit)),
    match: 'any',
    excludeDuplicates: true,
    excludeIds: [questionId],
  }
  const title = `${source.title} ${source.tags ?? ''}`
  return rankTitleAndBody(title, source.body, options, rankSimilarIds, (id) => id)
}

/** The current title and state of visible questions, in the order given. */
// Runs on every thread view (similar questions), so it is compiled once per process; the id
// list travels as one JSON parameter.
const summaryStatement = () =>
  singleton('summarizeQuestions', () =>
    sqlite.prepare<
      [string],
      {
        id: number
        title: string
        language: PostLanguage
        status: ThreadHit['status']
        answer_count: number
      }
    >(
      `select id, title, language, status, answer_count from questions q
        where id in (select value from json_each(?)) and ${listedSql('q', 'question', { unindexed: true })}
          and (+closed_reason is null or closed_reason <> 'duplicate')`,
    ),
  )

export function summarizeQuestions(ids: number[]): SimilarQuestion[] {
  if (ids.length === 0) return []
  const rows = summaryStatement().all(JSON.stringify(ids))
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.flatMap((id) => {
    const r = byId.get(id)
    return r
      ? [
          {
            id,
            title: r.title,
            language: r.language,
            status: r.status,
            answerCount: r.answer_count,
          },
        ]
      : []
  })
}

export function findSimilarQuestions(questionId: number, limit = 5): SimilarQuestion[] {
  return summarizeQuestions(findSimilarQuestionIds(questionId, limit))
}
