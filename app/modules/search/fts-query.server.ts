/**
 * FTS5 MATCH expressions from parsed query terms (normalize.server.ts). Every token is quoted,
 * so operators, column filters and quotes typed by a person are only text here.
 */
import type { ParsedQuery, QueryTerm } from './normalize.server'

const quote = (token: string) => `"${token.replace(/"/g, '""')}"`

const anyOf = (parts: string[]) => (parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`)

/**
 * One term: any of its word's forms; for a synonym, the group's token or all of its own words;
 * for the word still being typed, also the words it begins (from three letters on: a prefix of
 * one or two letters would expand to half the vocabulary).
 */
export function termExpression(term: QueryTerm, prefix: boolean): string {
  const words = term.words.map((forms) => anyOf(forms.map(quote)))
  const own = words.length === 1 ? words[0] : `(${words.join(' AND ')})`
  const parts = term.synonym
    ? term.tokenOnly
      ? [quote(term.synonym)]
      : [quote(term.synonym), own]
    : [own]
  if (prefix && term.partial && term.text.length >= 3) parts.push(`${quote(term.text)}*`)
  return anyOf(parts)
}

/** The MATCH expressions for a query: every term, and any term. */
export function buildMatch({ terms }: ParsedQuery, prefix = false) {
  const parts = terms.map((t) => termExpression(t, prefix))
  return { all: parts.join(' AND '), any: parts.join(' OR ') }
}

/** How many tokens apart two neighbouring words may stand: each word indexes up to a few forms. */
const NEAR_DISTANCE = 6

/**
 * Any term, plus each pair of neighbouring words found close together: a title sharing a phrase
 * with the query ("promotion ads", "password reset") ranks above one sharing the words
 * scattered. For suggestions and similar questions, where the query is a question's title. A
 * pair is compared by each word's first form (its stem in English, Snowball's in Indonesian),
 * which every post indexing that word holds.
 */
export function buildSimilarMatch(parsed: ParsedQuery, prefix = false) {
  const any = buildMatch(parsed, prefix).any
  const complete = parsed.terms.filter((t) => !(prefix && t.partial))
  const firstForms = complete.map((t) => t.synonym ?? t.words[0][0])
  const pairs = firstForms
    .slice(1)
    .map((b, i) => `NEAR(${quote(firstForms[i])} ${quote(b)}, ${NEAR_DISTANCE})`)
  return [any, ...pairs].join(' OR ')
}
