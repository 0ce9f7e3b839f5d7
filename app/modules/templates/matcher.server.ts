/**
 * How well a new question matches a saved reply or an article: cosine similarity of TF-IDF
 * vectors over the search normaliser's word forms (stemmed, stop words out, either language),
 * so a score is 0–1 and one threshold means the same for short and long texts. The title
 * weighs three times a body word and a tag twice, on both sides. Pure: the bench runs it on
 * real Stack Exchange dumps and the auto-responder on templates and the knowledge base.
 */
import { NO_SYNONYMS, normalizeForIndex } from '../search/normalize.server'
import type { PostLanguage } from '../search/languages'

export type MatchText = { title: string; tags: string[]; body: string; language: PostLanguage }
export type MatchDoc<K> = MatchText & { key: K }
export type Match<K> = { key: K; score: number }

export type MatchWeights = { title: number; tags: number; body: number; bodyWords: number }
export const MATCH_WEIGHTS: MatchWeights = { title: 3, tags: 2, body: 1, bodyWords: 400 }

function weightedTerms(t: MatchText, weights: MatchWeights): Map<string, number> {
  const counts = new Map<string, number>()
  const add = (text: string, weight: number, max = Infinity) => {
    if (weight <= 0) return
    for (const w of normalizeForIndex(text, t.language, NO_SYNONYMS, max).split(' '))
      if (w) counts.set(w, (counts.get(w) ?? 0) + weight)
  }
  add(t.title, weights.title)
  add(t.tags.join(' ').replace(/-/g, ' '), weights.tags)
  add(t.body, weights.body, weights.bodyWords)
  // dampened term frequency: a word said ten times is not ten times the evidence
  for (const [w, c] of counts) counts.set(w, 1 + Math.log(c))
  return counts
}

type Vector = { weights: Map<string, number>; norm: number }

export class Matcher<K> {
  private readonly docs: { key: K; vector: Vector }[]
  private readonly idf = new Map<string, number>()
  private readonly n: number

  constructor(
    docs: MatchDoc<K>[],
    private readonly weights: { doc: MatchWeights; query: MatchWeights } = {
      doc: MATCH_WEIGHTS,
      query: MATCH_WEIGHTS,
    },
  ) {
    const terms = docs.map((d) => weightedTerms(d, weights.doc))
    this.n = docs.length
    const df = new Map<string, number>()
    for (const t of terms) for (const w of t.keys()) df.set(w, (df.get(w) ?? 0) + 1)
    for (const [w, count] of df) this.idf.set(w, Math.log((this.n + 1) / (count + 1)) + 1)
    this.docs = docs.map((d, i) => ({ key: d.key, vector: this.vectorOf(terms[i]) }))
  }

  private vectorOf(terms: Map<string, number>): Vector {
    const weights = new Map<string, number>()
    let sum = 0
    for (const [w, tf] of terms) {
      // a word no candidate has cannot match anything; it still lengthens the question
      const v = tf * (this.idf.get(w) ?? Math.log(this.n + 1) + 1)
      weights.set(w, v)
      sum += v * v
    }
    return { weights, norm: Math.sqrt(sum) }
  }

  /** Every candidate by score, best first (at most `limit`). */
  match(text: MatchText, limit = 3): Match<K>[] {
    const q = this.vectorOf(weightedTerms(text, this.weights.query))
    if (q.norm === 0) return []
    const out: Match<K>[] = []
    for (const d of this.docs) {
      if (d.vector.norm === 0) continue
      let dot = 0
      for (const [w, v] of q.weights) {
        const dv = d.vector.weights.get(w)
        if (dv) dot += v * dv
      }
      if (dot > 0) out.push({ key: d.key, score: dot / (q.norm * d.vector.norm) })
    }
    return out.sort((a, b) => b.score - a.score).slice(0, limit)
  }

  get size() {
    return this.n
  }
}
