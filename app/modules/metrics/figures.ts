/**
 * The dashboard's figures from replayed thread histories and survey answers: pure, so each one
 * is tested on a history written by hand. Durations are in milliseconds.
 */
import { distribution, type ThreadHistory } from './replay'

/** A duration figure in milliseconds, with the questions still waiting for it counted apart. */
export type Figure = { count: number; median: number | null; p90: number | null; waiting: number }

export function figure(values: number[], waiting: number): Figure {
  return { ...distribution(values), waiting }
}

/** Business-hours meters per category id (minutes between two moments). */
export type Clocks = Map<number, (a: number, b: number) => number>

export const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null)

export type FirstResponseRow = {
  who: 'all' | 'community' | 'staff'
  always: Figure
  business: Figure
}

/**
 * First response time in both clocks for everyone, the community (not staff) and staff. With a
 * person chosen, the response measured is that person's own first answer on each thread.
 */
export function firstResponses(threads: ThreadHistory[], clocks: Clocks, personId: number | null) {
  const rows: FirstResponseRow[] = []
  const pick = {
    all: () => true,
    community: (staff: boolean) => !staff,
    staff: (staff: boolean) => staff,
  }
  for (const who of ['all', 'community', 'staff'] as const) {
    const always: number[] = []
    const business: number[] = []
    let waiting = 0
    for (const h of threads) {
      const r = h.responses.find(
        (x) => pick[who](x.staff) && (personId === null || x.authorId === personId),
      )
      if (!r) {
        waiting++
        continue
      }
      always.push(r.at - h.createdAt)
      const meter = clocks.get(h.categoryId)
      if (meter) business.push(meter(h.createdAt, r.at) * 60_000)
    }
    rows.push({ who, always: figure(always, waiting), business: figure(business, waiting) })
  }
  return rows
}

export function afterEscalation(threads: ThreadHistory[]) {
  const values: number[] = []
  let waiting = 0
  for (const h of threads) {
    if (h.escalatedAt === null) continue
    const r = h.responses.find((x) => x.staff && x.at >= h.escalatedAt!)
    if (r) values.push(r.at - h.escalatedAt)
    else waiting++
  }
  return figure(values, waiting)
}

export function resolution(threads: ThreadHistory[], personId: number | null) {
  const values: number[] = []
  let waiting = 0
  for (const h of threads) {
    if (h.accepted && (personId === null || h.accepted.authorId === personId))
      values.push(h.accepted.at - h.createdAt)
    else if (!h.accepted && !h.closed) waiting++
  }
  return figure(values, waiting)
}

export function automatic(threads: ThreadHistory[]) {
  const solved = threads.filter((h) => h.accepted !== null)
  const auto = solved.filter((h) => h.accepted!.automatic).length
  return { solved: solved.length, automatic: auto, rate: ratio(auto, solved.length) }
}

export function states(threads: ThreadHistory[]) {
  const out = { open: 0, answered: 0, solved: 0, closed: 0 }
  for (const h of threads) {
    if (h.closed) out.closed++
    else if (h.accepted) out.solved++
    else if (h.responses.length > 0) out.answered++
    else out.open++
  }
  return out
}

export type Csat = {
  count: number
  satisfied: number
  rate: number | null
  /** Answers per rating, 1 to 5. */
  byRating: number[]
}

export type SurveyRow = { questionId: number; rating: number; at: number }

/** CSAT over survey answers: the newest answer of each question counts. */
export function csat(rows: SurveyRow[]): Csat {
  const newest = new Map<number, SurveyRow>()
  for (const r of rows) {
    const seen = newest.get(r.questionId)
    if (!seen || r.at >= seen.at) newest.set(r.questionId, r)
  }
  const byRating = [0, 0, 0, 0, 0]
  for (const r of newest.values()) if (r.rating >= 1 && r.rating <= 5) byRating[r.rating - 1]++
  const count = byRating.reduce((a, b) => a + b, 0)
  const satisfied = byRating[3] + byRating[4]
  return { count, satisfied, rate: ratio(satisfied, count), byRating }
}
