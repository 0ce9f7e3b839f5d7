/**
 * What both search engines index and look up: words reduced to their forms in English and
 * Indonesian, stop words left out (a post's by its own language, a query's by the rule in
 * `isQueryStopWord`), synonyms folded into one shared token. SQLite's FTS5
 * cannot run a JavaScript tokenizer and lunr's pipeline sees one word at a time, so the text
 * each engine indexes is built here, and a query is reduced here the same way.
 *
 * Only plain libraries are imported: the KB index worker loads this file as it is.
 */
import lunr from 'lunr'
import type { PostLanguage } from './languages'
import { indonesianStems } from './indonesian-stemmer.server'
import { foldText, STOP_WORDS } from './query-text.server'

/**
 * Bumped whenever what a word indexes as changes (stemmers, stop words, how synonyms are
 * written): an index built with another version is rebuilt in the background.
 */
export const NORMALIZER_VERSION = 2

/**
 * Indonesian function words: pronouns, conjunctions, prepositions, question words, particles and
 * the chat words support questions open with (kak, gan, min). "belum" (not yet) stays a word:
 * "paket belum sampai" is a different problem from "paket sudah sampai".
 */
export const INDONESIAN_STOP_WORDS: ReadonlySet<string> = new Set(
  `yang dan di ke dari ini itu dengan untuk pada adalah ialah atau juga sudah udah telah saya aku
  gue gw kami kita anda kamu dia ia mereka beliau apa apakah bagaimana gimana kenapa mengapa
  kapan dimana siapa mana tidak tak tdk gak ga nggak enggak bukan ya iya oke ok sih dong deh kok
  lah kah pun kan tuh nih nah yg dgn utk sdh ada akan bisa dapat harus mau ingin masih sedang
  sebuah seorang para oleh karena krn jika kalau kalo agar supaya tetapi tapi namun serta maupun
  hanya saja aja lagi lebih sangat sekali banyak semua setiap beberapa sini situ sana begitu
  begini seperti tentang halo hai hallo tolong mohon kasih makasih trims kak kakak gan sis bro min
  admin pak bu mas mbak`.split(/\s+/),
)

const STOP_WORDS_OF: Record<PostLanguage, ReadonlySet<string>> = {
  en: STOP_WORDS,
  id: INDONESIAN_STOP_WORDS,
}

/**
 * Stop words of one language that are content words of the other: English "admin" (the admin
 * panel) and "min" (a 30 min wait) are only how Indonesian chat addresses the shop's staff
 * ("halo min"); "aren" is English's "aren't", and Indonesian's palm sugar (gula aren). A query
 * keeps them. Every other word on either list means nothing in the other language ("can",
 * "the", "yang") or is a stop word in both ("dan"/"and" each in its own).
 */
export const CONTENT_WORDS_ACROSS: ReadonlySet<string> = new Set(['admin', 'min', 'aren'])

/** Whether a word of a post written in `language` is left out of the index. */
export const isStopWordIn = (word: string, language: PostLanguage) =>
  STOP_WORDS_OF[language].has(word)

/**
 * Whether a word of a query is left out. A query is too short to tell its language, so a word
 * goes only when it is a stop word in one language and no content word in the other: dropped, it
 * can find nothing it should; kept, it still finds every post of the language it means something
 * in (those index it), and posts of the other language through any-word matching.
 */
export const isQueryStopWord = (word: string) =>
  (STOP_WORDS.has(word) || INDONESIAN_STOP_WORDS.has(word)) && !CONTENT_WORDS_ACROSS.has(word)

/** Letters (any script), digits and combining marks; everything else separates words. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu
const MAX_WORD_LENGTH = 40

/** A group's shared token starts with "_", which no word of a post can (it separates words). */
export const SYNONYM_TOKEN_PREFIX = '_'

export type SynonymGroup = {
  /** The group's token in the index: "_" and its first member's words joined by "_". */
  token: string
  /** Each member as its folded words: [["ongkir"], ["ongkos", "kirim"]]. */
  members: string[][]
}

/** Synonym groups ready to match: each member word as its forms, indexed by its first word. */
export type CompiledSynonyms = {
  /** Changes whenever the groups do: part of the version an index was built with. */
  version: string
  groups: SynonymGroup[]
  byFirstForm: Map<string, { token: string; words: string[][] }[]>
}

export function compileSynonyms(groups: SynonymGroup[], version: string): CompiledSynonyms {
  const byFirstForm = new Map<string, { token: string; words: string[][] }[]>()
  for (const group of groups)
    for (const member of group.members) {
      const words = member.map((w) => queryForms(w))
      for (const form of words[0]) {
        const list = byFirstForm.get(form) ?? []
        list.push({ token: group.token, words })
        byFirstForm.set(form, list)
      }
    }
  // Longer members first, so "ongkos kirim" wins over a group holding just "ongkos".
  for (const list of byFirstForm.values()) list.sort((a, b) => b.words.length - a.words.length)
  return { version, groups, byFirstForm }
}

export const NO_SYNONYMS = compileSynonyms([], 'none')

// ── Word forms ───────────────────────────────────────────────────────────────────────────────

const englishStem = (word: string) => lunr.stemmer(new lunr.Token(word, {})).toString()

/**
 * Forms of a word are asked for again and again (indexing a site, every query): kept per word.
 * Bounded: a flood of distinct words only evicts, it never grows the process.
 */
const CACHE_MAX = 50_000
const formCache = new Map<string, { en: string; id: string[] }>()

function stemsOf(word: string) {
  let hit = formCache.get(word)
  if (!hit) {
    if (formCache.size >= CACHE_MAX) formCache.clear()
    hit = { en: englishStem(word), id: indonesianStems(word) }
    formCache.set(word, hit)
  }
  return hit
}

const unique = (forms: string[]) => [...new Set(forms)]

/**
 * What a word of a post indexes as. An Indonesian post: every Indonesian reading (see the
 * stemmer), and the English stem when it differs, for the English words Indonesian posts are
 * full of (refunded, tracking). An English post: the English stem, and the Indonesian readings
 * only of words English stemming leaves alone (pengiriman, dikirim): a word with an English
 * ending (different, message) is English, and its Indonesian "readings" would be noise.
 */
export function documentForms(word: string, language: PostLanguage): string[] {
  const { en, id } = stemsOf(word)
  if (language === 'id') return en === id[0] || id.includes(en) ? id : [...id, en]
  if (en !== word) return [en]
  return id.length === 1 && id[0] === en ? [en] : unique([en, ...id])
}

/**
 * What a word of a query is looked up as: its forms in either language (a query is too short
 * to tell its language), so it meets a post in either. A word Indonesian stemming leaves as it
 * is needs only its English stem: every post holding the word indexes that stem (see
 * `documentForms`), and each extra form is one more list for FTS5 to merge.
 */
export function queryForms(word: string): string[] {
  const { en, id } = stemsOf(word)
  if (id.length === 1 && id[0] === word) return [en]
  return unique([en, ...id])
}

/**
 * An amount of money as Indonesian shops write it: "Rp350.000", "Rp 350.000,-", "350rb",
 * "350 ribu", "350k", "1,5 jt". A number, optionally with "Rp" before it and a thousands
 * multiplier after it, standing on its own (not the "60" of "v60").
 */
const AMOUNT =
  /(?<![\p{L}\p{N}])(rp\.?\s?)?(\d+(?:[.,]\d+)*)(\s?(?:rb|ribu|k|jt|juta))?(?![\p{L}\p{N}])/gu
const THOUSANDS = /^\d{1,3}([.,])\d{3}(?:\1\d{3})*$/
const MULTIPLIERS: Record<string, number> = { rb: 1e3, ribu: 1e3, k: 1e3, jt: 1e6, juta: 1e6 }

/**
 * Amounts written any of those ways become one word, the plain number ("350000"), so each finds
 * the others and a plain "350000". Only what is plainly an amount changes: a number with "Rp"
 * or a multiplier, or grouped in thousands ("75.000"); "1.5", "10.30" and "v60" stay as written.
 */
function foldAmounts(folded: string): string {
  return folded.replace(AMOUNT, (match, rp?: string, digits?: string, multiplier?: string) => {
    const grouped = THOUSANDS.test(digits!)
    if (!rp && !multiplier && !grouped) return match
    let value: number
    if (grouped) value = Number(digits!.replace(/[.,]/g, ''))
    else {
      // "1,5 jt" and "1.5k": a decimal comma or point; more than one of them is no amount.
      const parts = /^(\d+)(?:[.,](\d+))?$/.exec(digits!)
      if (!parts) return match
      value = Number(`${parts[1]}.${parts[2] ?? '0'}`)
    }
    if (multiplier) value *= MULTIPLIERS[multiplier.trim()]
    const whole = Math.round(value)
    return Number.isSafeInteger(whole) ? ` ${whole} ` : match
  })
}

/** The folded words of a text (amounts as one number each), each cut to a sane length. */
export function foldedWords(text: string): string[] {
  return (foldAmounts(foldText(text)).match(WORD) ?? []).map((w) => w.slice(0, MAX_WORD_LENGTH))
}

const intersects = (a: string[], b: string[]) => a.some((x) => b.includes(x))

/** The synonym group whose member starts at `at`, and how many words it takes. */
function synonymAt(
  words: string[],
  at: number,
  synonyms: CompiledSynonyms,
): { token: string; length: number } | null {
  if (synonyms.groups.length === 0) return null
  const first = queryForms(words[at])
  for (const form of first) {
    const candidates = synonyms.byFirstForm.get(form)
    if (!candidates) continue
    for (const c of candidates) {
      if (at + c.words.length > words.length) continue
      let all = true
      for (let k = 1; k < c.words.length && all; k++)
        all = intersects(queryForms(words[at + k]), c.words[k])
      if (all) return { token: c.token, length: c.words.length }
    }
  }
  return null
}

/**
 * The text an engine indexes for `text` written in `language`: each word's forms, stop words
 * left out, and where a synonym's words stand, its group's token too ("ongkos kirim" indexes
 * "_ongkir" as well as its own words), so every member of a group finds the others.
 * `maxWords` bounds the work for very long bodies.
 */
export function normalizeForIndex(
  text: string,
  language: PostLanguage,
  synonyms: CompiledSynonyms,
  maxWords = Infinity,
): string {
  const words = foldedWords(text).slice(0, maxWords)
  const out: string[] = []
  for (let i = 0; i < words.length; i++) {
    const found = synonymAt(words, i, synonyms)
    if (found) out.push(found.token)
    const word = words[i]
    if (isStopWordIn(word, language)) continue
    for (const form of documentForms(word, language)) out.push(form)
  }
  return out.join(' ')
}

/**
 * The words of a title as written (folded, stop words of its language and numbers out): what
 * "did you mean" proposes is always a word someone wrote, never a stem.
 */
export function spellingWords(text: string, language: PostLanguage): string {
  return foldedWords(text)
    .filter((w) => !isStopWordIn(w, language) && !/^\p{N}+$/u.test(w))
    .join(' ')
}

// ── Queries ──────────────────────────────────────────────────────────────────────────────────

/** A search uses at most this many terms; the rest of a very long query is ignored (and said). */
export const MAX_QUERY_TERMS = 12

export type QueryTerm = {
  /** What was typed for it, folded: a word, or a synonym's words ("ongkos kirim"). */
  text: string
  /** Each word of it (stop words left out) as its forms in either language. */
  words: string[][]
  /** The synonym group's token, when the term is a member of one. */
  synonym: string | null
  /** The term is the last word and may still be being typed: match it as a prefix too. */
  partial: boolean
  /**
   * Look the term up by its synonym token alone: every post holding one of the group's members
   * holds the token once the index is built with these synonyms, and one list is cheaper for
   * FTS5 than two (see `withSynonymTokensOnly`).
   */
  tokenOnly?: boolean
}

export type ParsedQuery = {
  terms: QueryTerm[]
  /** More terms were typed than used. */
  truncated: boolean
}

/**
 * The terms of a query: each word (stop words left out unless nothing else is left), or a
 * synonym's words as one term. Only the first few thousand characters are read.
 */
export function parseQuery(
  input: string,
  synonyms: CompiledSynonyms,
  { max = MAX_QUERY_TERMS, prefix = false } = {},
): ParsedQuery {
  const text = input.slice(0, 4000)
  const words = foldedWords(text)
  const endsInWord = /[\p{L}\p{N}\p{M}]$/u.test(text)
  const all: QueryTerm[] = []
  const meaningful: QueryTerm[] = []
  for (let i = 0; i < words.length; i++) {
    const found = synonymAt(words, i, synonyms)
    const length = found?.length ?? 1
    const span = words.slice(i, i + length)
    const content = span.filter((w) => !isQueryStopWord(w))
    const term: QueryTerm = {
      text: span.join(' '),
      words: (content.length ? content : span).map((w) => queryForms(w)),
      synonym: found?.token ?? null,
      partial: false,
    }
    all.push(term)
    if (found || content.length > 0) meaningful.push(term)
    i += length - 1
  }
  const source = meaningful.length > 0 ? meaningful : all
  const seen = new Set<string>()
  const distinct = source.filter((t) => !seen.has(t.text) && seen.add(t.text))
  const terms = distinct.slice(0, max)
  const last = terms.at(-1)
  // A half-typed word is a prefix only when it is the very last thing typed.
  if (
    prefix &&
    last &&
    endsInWord &&
    last.synonym === null &&
    last.text === words.at(-1) &&
    !last.text.includes(' ')
  )
    terms[terms.length - 1] = { ...last, partial: true }
  return { terms, truncated: distinct.length > max || input.length > text.length }
}

/**
 * The query for an index built with the current synonyms: synonym terms need only their token.
 * While the index is being rebuilt, terms also look for their own words.
 */
export function withSynonymTokensOnly(parsed: ParsedQuery, indexCurrent: boolean): ParsedQuery {
  if (!indexCurrent) return parsed
  return { ...parsed, terms: parsed.terms.map((t) => (t.synonym ? { ...t, tokenOnly: true } : t)) }
}

/** Every token a term may match in the index (its words' forms and its synonym token). */
export function termTokens(term: QueryTerm): string[] {
  return unique([...(term.synonym ? [term.synonym] : []), ...term.words.flat()])
}

/**
 * For highlighting: whether a folded word of a post (or article) is one of the query's words,
 * by its forms, or begins a half-typed last word.
 */
export function wordMatcher(terms: QueryTerm[], synonyms: CompiledSynonyms) {
  const tokens = new Set(terms.flatMap((t) => t.words.flat()))
  // A synonym's other members are what the query found too ("ongkir" marks "ongkos kirim").
  const groups = new Set(terms.map((t) => t.synonym))
  for (const group of synonyms.groups)
    if (groups.has(group.token))
      for (const member of group.members)
        for (const word of member)
          if (!isQueryStopWord(word)) for (const f of queryForms(word)) tokens.add(f)
  const prefixes = terms.filter((t) => t.partial && t.text.length >= 3).map((t) => t.text)
  const memo = new Map<string, boolean>()
  return (folded: string) => {
    let hit = memo.get(folded)
    if (hit === undefined) {
      hit =
        queryForms(folded).some((f) => tokens.has(f)) || prefixes.some((p) => folded.startsWith(p))
      memo.set(folded, hit)
    }
    return hit
  }
}
