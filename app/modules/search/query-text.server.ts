/**
 * What both search engines share: turning whatever a person typed into a few plain words, and
 * turning stored text plus match markers into safe HTML. No query syntax typed by a person ever
 * reaches FTS5's MATCH or lunr's parser: both engines only ever see the words extracted here.
 */

/** Words so common that they only slow a search down and blur its ranking. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren as at be because been before
  being below between both but by can cannot could couldn did didn do does doesn doing don down
  during each few for from further get gets got had hadn has hasn have haven having he her here
  hers herself him himself his how i if in into is isn it its itself just let me might more most
  must mustn my myself no nor not now of off on once only or other ought our ours ourselves out
  over own please same shan she should shouldn so some such than thank thanks that the their
  theirs them themselves then there these they this those through to too under until up us very
  was wasn we were weren what when where which while who whom why will with won would wouldn you
  your yours yourself yourselves s t ll re ve d m hi hello anyone someone somebody`.split(/\s+/),
)

/** A search uses at most this many words; the rest of a very long query is ignored (and said). */
export const MAX_QUERY_WORDS = 12
const MAX_WORD_LENGTH = 40

export type QueryWords = {
  /** Lower-cased, diacritics folded, stop words dropped, no duplicates, at most `max`. */
  words: string[]
  /** More words were typed than used. */
  truncated: boolean
  /** The last word may still be being typed (no space after it): match it as a prefix too. */
  lastIsPartial: boolean
}

/** Letters (any script) and digits; everything else, emoji and operators included, separates. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu

export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
}

/**
 * The words of a query. Stop words are dropped unless nothing else is left ("how to" still
 * searches for something). Only the first few thousand characters are read: a 10 KB paste is
 * cut to its first words, never parsed whole.
 */
export function extractWords(
  input: string,
  { max = MAX_QUERY_WORDS, keepStopWords = false } = {},
): QueryWords {
  const text = input.slice(0, 4000)
  const all = foldText(text).match(WORD) ?? []
  const cleaned = all.map((w) => w.slice(0, MAX_WORD_LENGTH)).filter((w) => w.length > 0)
  const meaningful = keepStopWords ? cleaned : cleaned.filter((w) => !STOP_WORDS.has(w))
  const source = meaningful.length > 0 ? meaningful : cleaned
  const unique = [...new Set(source)]
  const words = unique.slice(0, max)
  const last = all.at(-1)
  const lastIsPartial =
    words.length > 0 &&
    last !== undefined &&
    words.at(-1) === last.slice(0, MAX_WORD_LENGTH) &&
    /[\p{L}\p{N}\p{M}]$/u.test(text)
  return { words, truncated: unique.length > max || input.length > text.length, lastIsPartial }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c])
}

/** Private-use characters that mark a match in text coming back from the engine. */
export const MARK_OPEN = '\uE000'
export const MARK_CLOSE = '\uE001'

/**
 * Text with match markers → HTML: everything escaped, then only our own <mark> tags added,
 * always balanced (a post that itself contains the marker characters cannot unbalance them).
 */
export function markedToHtml(text: string): string {
  let html = ''
  let open = false
  for (const part of text.split(/([\uE000\uE001])/u)) {
    if (part === MARK_OPEN) {
      if (!open) html += '<mark>'
      open = true
    } else if (part === MARK_CLOSE) {
      if (open) html += '</mark>'
      open = false
    } else html += escapeHtml(part)
  }
  return open ? `${html}</mark>` : html
}

/**
 * Marks the words of `text` whose stem is one of `stems` (or starts with `prefix`), for engines
 * that return no positions (lunr without position metadata). Returns safe HTML.
 */
export function highlightWords(
  text: string,
  matches: (folded: string) => boolean,
  maxLength = 240,
): string {
  const clipped = text.length > maxLength ? `${text.slice(0, maxLength).trimEnd()}…` : text
  const marked = clipped.replace(WORD, (w) =>
    matches(foldText(w)) ? `${MARK_OPEN}${w}${MARK_CLOSE}` : w,
  )
  return markedToHtml(marked)
}

/** One quoted FTS5 string per word: operators, column filters and quotes are just text. */
function term(word: string, prefix: boolean) {
  const quoted = `"${word.replace(/"/g, '""')}"`
  // A prefix of one or two letters would expand to half the vocabulary.
  return prefix && word.length >= 3 ? `(${quoted} OR ${quoted}*)` : quoted
}

/** The MATCH expressions for a set of words: all of them, and any of them. */
export function buildMatch({ words, lastIsPartial }: QueryWords, prefix = false) {
  const terms = words.map((w, i) => term(w, prefix && lastIsPartial && i === words.length - 1))
  return { all: terms.join(' AND '), any: terms.join(' OR ') }
}

/**
 * Any word, plus each pair of neighbouring words found close together: a title sharing a
 * phrase with the query ("promotion ads", "password reset") ranks above one sharing the words
 * scattered. For suggestions and similar questions, where the query is a question's title.
 */
export function buildSimilarMatch(words: QueryWords, prefix = false) {
  const any = buildMatch(words, prefix).any
  const complete = prefix && words.lastIsPartial ? words.words.slice(0, -1) : words.words
  const pairs = complete
    .slice(1)
    .map((b, i) => `NEAR("${complete[i].replace(/"/g, '""')}" "${b.replace(/"/g, '""')}", 3)`)
  return [any, ...pairs].join(' OR ')
}
