/**
 * "Did you mean": when a search finds little, each word of it that neither threads nor KB
 * articles hold is replaced by the closest word the site's titles and tags do hold ("refnud
 * gopey" → "refund gopay").
 *
 * The vocabulary is the indexes' own: thread titles and tags (question_words_fts, read through
 * fts5vocab) and KB titles, summaries and tags (gathered as the KB index loads), so a correction
 * always finds something and follows every edit. A word only articles hold is as real as a
 * thread's: it is never "corrected" into a thread's word. Candidates share the word's first letter (people rarely mistype it, and it keeps the scan to one slice of the
 * vocabulary) and are within a small edit distance, transpositions counting as one edit; the
 * closest wins, then the most used.
 */
import { sql } from 'drizzle-orm'
import { db } from '../../utils/db.server'
import { termExpression } from './fts-query.server'
import { kbHoldsTerm, kbSpellingWords } from './kb-index.server'
import { foldedWords, parseQuery, type CompiledSynonyms, type QueryTerm } from './normalize.server'

/** Shorter words are left as typed: one edit away from a three-letter word is everything. */
const MIN_LENGTH = 4
/** Candidates read at most per word, most used first. */
const SCAN_LIMIT = 20_000

/** Edits allowed: one up to five letters, two from six. */
const allowedEdits = (word: string) => (word.length <= 5 ? 1 : 2)

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions), or `max + 1`
 * as soon as it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let previous2: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, previous2[j - 2] + 1)
      row.push(d)
      if (d < best) best = d
    }
    if (best > max) return max + 1
    previous2 = previous
    previous = row
  }
  return previous[b.length]
}

/** The closest word of the vocabulary to `word`, or null when none is close enough. */
export function closestWord(word: string): string | null {
  const max = allowedEdits(word)
  const first = word[0]
  const next = String.fromCodePoint(first.codePointAt(0)! + 1)
  const rows = db.all<{ term: string; doc: number }>(sql`
    select term, doc from question_words_fts_vocab
    where term >= ${first} and term < ${next}
      and length(term) between ${word.length - max} and ${word.length + max}
    limit ${SCAN_LIMIT}`)
  // Both vocabularies, a word in both counted by the threads and articles holding it.
  const counts = new Map(rows.map((r) => [r.term, r.doc]))
  for (const [term, doc] of kbSpellingWords())
    if (term[0] === first && Math.abs(term.length - word.length) <= max)
      counts.set(term, (counts.get(term) ?? 0) + doc)
  let best: { term: string; distance: number; doc: number } | null = null
  for (const [term, doc] of counts) {
    if (term === word) return null
    const distance = editDistance(word, term, max)
    if (distance > max) continue
    if (!best || distance < best.distance || (distance === best.distance && doc > best.doc))
      best = { term, distance, doc }
  }
  return best?.term ?? null
}

/** Whether any visible thread or published article holds this term (in any of its forms). */
function isKnown(term: QueryTerm): boolean {
  if (kbHoldsTerm(term)) return true
  return (
    db.get<{ n: number } | undefined>(
      sql`select 1 as n from questions_fts where questions_fts match ${termExpression(term, false)} limit 1`,
    ) !== undefined
  )
}

/**
 * The query with its unknown words corrected, or null when there is nothing to correct (every
 * word is known, or no known word is close to the unknown ones).
 */
export function correctQuery(query: string, synonyms: CompiledSynonyms): string | null {
  const parsed = parseQuery(query, synonyms)
  const replacements = new Map<string, string>()
  for (const term of parsed.terms) {
    if (term.synonym || term.text.includes(' ') || term.text.length < MIN_LENGTH) continue
    if (/^\p{N}+$/u.test(term.text) || isKnown(term)) continue
    const closest = closestWord(term.text)
    if (closest) replacements.set(term.text, closest)
  }
  if (replacements.size === 0) return null
  return foldedWords(query.slice(0, 4000))
    .map((w) => replacements.get(w) ?? w)
    .join(' ')
}
