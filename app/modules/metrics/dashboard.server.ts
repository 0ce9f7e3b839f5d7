/**
 * The operations dashboard: every figure over a date range, a category and a person, computed
 * from the event log alone (thread histories from `replayThreads`, survey answers, escalations
 * and acceptances as events); imported history never counts. Deflection reads the ask-form
 * visit log, which is its own record of events. Definitions are in the README ("Support figures").
 */
import { DateTime } from 'luxon'
import { eq } from 'drizzle-orm'
import { categories, users } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { db, prepared } from '../../utils/db.server'
import { singleton } from '../../utils/singleton.server'
import { Forbidden } from '../../utils/domain-errors'
import { clockMeter, type ClockSpec } from '../escalation/business-time'
import { listSla } from '../escalation/sla.server'
import { can, type Actor } from '../policy/policy'
import { getDeflection, type Deflection } from '../search/search.server'
import { templateFiguresIn, type TemplateRangeRow } from '../templates/outcomes.server'
import {
  afterEscalation,
  automatic,
  csat,
  figure,
  firstResponses,
  ratio,
  resolution,
  states,
  type Clocks,
  type Csat,
  type Figure,
  type FirstResponseRow,
  type SurveyRow,
} from './figures'
import {
  distribution,
  replayThreads,
  summarisedThreads,
  type ThreadHistory,
} from './response-times.server'
import {
  DASHBOARD_TIME_ZONE,
  DEFAULT_RANGE_DAYS,
  MAX_RANGE_DAYS,
  type FilterInput,
} from './validation'

const DAY = 86_400_000

export type Filters = {
  from: Date
  to: Date
  /** The dates as chosen (`to` inclusive), for the form. */
  fromDate: string
  toDate: string
  category: { id: number; slug: string } | null
  person: { id: number; handle: string; displayName: string } | null
}

/** The filters a request asked for, made whole: a range of at most a year ending today by default. */
export function resolveFilters(input: FilterInput): Filters {
  const zone = DASHBOARD_TIME_ZONE
  const today = DateTime.fromJSDate(now(), { zone }).startOf('day')
  const parse = (d: string | undefined) => {
    const t = d ? DateTime.fromISO(d, { zone }) : null
    return t?.isValid ? t.startOf('day') : null
  }
  let to = parse(input.to) ?? today
  let from = parse(input.from) ?? to.minus({ days: DEFAULT_RANGE_DAYS - 1 })
  if (from > to) [from, to] = [to, from]
  if (to.diff(from, 'days').days >= MAX_RANGE_DAYS) from = to.minus({ days: MAX_RANGE_DAYS - 1 })
  const category = input.category
    ? (db
        .select({ id: categories.id, slug: categories.slug })
        .from(categories)
        .where(eq(categories.slug, input.category))
        .get() ?? null)
    : null
  const person = input.person
    ? (db
        .select({ id: users.id, handle: users.handle, displayName: users.displayName })
        .from(users)
        .where(eq(users.handle, input.person.toLowerCase().replace(/^@/, '')))
        .get() ?? null)
    : null
  return {
    from: from.toJSDate(),
    to: to.plus({ days: 1 }).toJSDate(),
    fromDate: from.toISODate()!,
    toDate: to.toISODate()!,
    category,
    person,
  }
}

export type { Csat, Figure } from './figures'

/**
 * Meters built lately, by range and opening hours: a meter is a pure function of both, so one
 * built for the same range and the same hours is the same meter (a changed target is another key).
 */
const meterCache = singleton(
  'dashboardMeters',
  () => new Map<string, (a: number, b: number) => number>(),
)

/** Each category's business-hours meter over the range (its response target's opening hours). */
function businessClocks(from: Date, to: Date): Clocks {
  const meters: Clocks = new Map()
  for (const c of listSla()) {
    // A category with no opening hours (answered around the clock) has no business hours.
    if (!Object.values(c.sla.weeklyHours).some((spans) => spans && spans.length > 0)) continue
    const spec: ClockSpec = { ...c.sla, clock: 'business' }
    const key = JSON.stringify([from.getTime(), to.getTime(), spec])
    let meter = meterCache.get(key)
    if (!meter) {
      meter = clockMeter(from, to, spec)
      if (meterCache.size >= 50) meterCache.delete(meterCache.keys().next().value!)
      meterCache.set(key, meter)
    }
    meters.set(c.id, meter)
  }
  return meters
}

/** Survey answers given in the range, by category and person (`csat` keeps each question's newest). */
function surveyAnswers(f: Filters): SurveyRow[] {
  return prepared(
    `select e.question_id as questionId, cast(json_extract(e.data, '$.rating') as integer) as rating,
       e.created_at as at
     from events e join questions q on q.id = e.question_id
     where e.type = 'survey.answered' and e.source <> 'import'
       and e.created_at >= @from and e.created_at < @to
       and (@category is null or q.category_id = @category)
       and (@person is null or exists (
         select 1 from events a where a.question_id = e.question_id and a.type = 'answer.accepted'
           and a.user_id = @person and a.source <> 'import'))
     order by e.created_at, e.id`,
  ).all(params(f)) as SurveyRow[]
}

const params = (f: Filters) => ({
  from: f.from.getTime(),
  to: f.to.getTime(),
  category: f.category?.id ?? null,
  person: f.person?.id ?? null,
})

type Person = { userId: number; handle: string; displayName: string }

/** Escalations, level 2 raises and target breaches in the range (by when they happened). */
function escalationEvents(f: Filters) {
  return prepared(
    `select e.type, e.user_id as userId, e.actor_id as actorId, e.created_at as at
     from events e join questions q on q.id = e.question_id
     where e.type in ('question.escalated', 'question.escalation_raised', 'question.sla_breached',
         'question.acknowledged')
       and e.source <> 'import' and e.created_at >= @from and e.created_at < @to
       and (@category is null or q.category_id = @category)
       and (@person is null or e.user_id = @person or e.actor_id = @person)`,
  ).all(params(f)) as {
    type: string
    userId: number | null
    actorId: number | null
    at: number
  }[]
}

function people(ids: number[]): Map<number, Person> {
  if (ids.length === 0) return new Map()
  const rows = prepared(
    `select id as userId, handle, display_name as displayName from users
     where id in (select value from json_each(?))`,
  ).all(JSON.stringify(ids)) as Person[]
  return new Map(rows.map((r) => [r.userId, r]))
}

export type OnCallRow = Person & { escalated: number; acknowledged: number }
export type HelperRow = Person & { answers: number; accepted: number }

/** Answers posted (not by automation) and answers accepted in the range, per person: the top ten. */
function topHelpers(f: Filters): HelperRow[] {
  const rows = prepared(
    `select who, sum(answered) as answers, sum(accepted) as accepted from (
       select e.actor_id as who, 1 as answered, 0 as accepted
       from events e join questions q on q.id = e.question_id
       where e.type = 'answer.created' and e.source <> 'import'
         and e.created_at >= @from and e.created_at < @to
         and not exists (select 1 from events x
           where x.answer_id = e.answer_id and x.type = 'answer.created'
             and json_extract(x.data, '$.automatic') = 1)
         and e.actor_id <> q.author_id
         and (@category is null or q.category_id = @category) and (@person is null or e.actor_id = @person)
       union all
       select e.user_id, 0, 1
       from events e join questions q on q.id = e.question_id
       where e.type = 'answer.accepted' and e.source <> 'import'
         and e.created_at >= @from and e.created_at < @to
         and (@category is null or q.category_id = @category) and (@person is null or e.user_id = @person))
     where who is not null
     group by who order by accepted desc, answers desc, who limit 10`,
  ).all(params(f)) as { who: number; answers: number; accepted: number }[]
  const names = people(rows.map((r) => r.who))
  return rows.flatMap((r) => {
    const p = names.get(r.who)
    return p ? [{ ...p, answers: r.answers, accepted: r.accepted }] : []
  })
}

export type TrendRow = {
  start: string
  asked: number
  frtMedian: number | null
  resolutionMedian: number | null
  csatRate: number | null
  csatCount: number
  automaticRate: number | null
  deflectionRate: number | null
  escalations: number
}

/** Days for a month or less, weeks beyond. */
function buckets(f: Filters): { start: number; end: number }[] {
  const size = f.to.getTime() - f.from.getTime() <= 31 * DAY ? 1 : 7
  const out: { start: number; end: number }[] = []
  let d = DateTime.fromJSDate(f.from, { zone: DASHBOARD_TIME_ZONE })
  while (d.toMillis() < f.to.getTime()) {
    const next = d.plus({ days: size })
    out.push({ start: d.toMillis(), end: Math.min(next.toMillis(), f.to.getTime()) })
    d = next
  }
  return out
}

function trend(
  f: Filters,
  threads: ThreadHistory[],
  surveys: SurveyRow[],
  escalated: number[],
): TrendRow[] {
  const spans = buckets(f)
  // Everything given lies in [from, to), which the buckets cover end to end: each item goes to
  // the one bucket it falls in, found by halving.
  const bucketOf = (at: number) => {
    let lo = 0
    let hi = spans.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (spans[mid].start <= at) lo = mid
      else hi = mid - 1
    }
    return lo
  }
  const group = <T>(items: T[], at: (x: T) => number) => {
    const out = spans.map((): T[] => [])
    for (const x of items) {
      const t = at(x)
      if (t >= f.from.getTime() && t < f.to.getTime()) out[bucketOf(t)].push(x)
    }
    return out
  }
  const cohorts = group(threads, (h) => h.createdAt)
  const rated = group(surveys, (s) => s.at)
  const raised = group(escalated, (at) => at)
  return spans.map((b, i) => {
    const cohort = cohorts[i]
    const first = cohort.flatMap((h) => {
      const r = h.responses.find((x) => f.person === null || x.authorId === f.person.id)
      return r ? [r.at - h.createdAt] : []
    })
    const solved = cohort.filter((h) => h.accepted)
    const answers = csat(rated[i])
    const deflection = f.person ? null : getDeflection(new Date(b.start), new Date(b.end)).rate
    return {
      start: DateTime.fromMillis(b.start, { zone: DASHBOARD_TIME_ZONE }).toISODate()!,
      asked: cohort.length,
      frtMedian: distribution(first).median,
      resolutionMedian: distribution(solved.map((h) => h.accepted!.at - h.createdAt)).median,
      csatRate: answers.rate,
      csatCount: answers.count,
      automaticRate: ratio(solved.filter((h) => h.accepted!.automatic).length, solved.length),
      deflectionRate: deflection,
      escalations: raised[i].length,
    }
  })
}

export type Dashboard = {
  questions: number
  firstResponse: FirstResponseRow[]
  afterEscalation: Figure
  resolution: Figure
  csat: Csat
  automatic: { solved: number; automatic: number; rate: number | null }
  deflection: Deflection | null
  escalations: { escalated: number; level2: number; breaches: number; acknowledged: number }
  onCall: OnCallRow[]
  states: { open: number; answered: number; solved: number; closed: number }
  helpers: HelperRow[]
  /** Reply templates used in the range: uses, decided, closure rate, rating. */
  templates: TemplateRangeRow[]
  trend: TrendRow[]
}

/**
 * Every figure for the filters; the figures of one person when `filters.person` is set. The
 * histories come from the per-question summaries; one person's (a few threads, and their own
 * first answer on each) and, with `replay`, every one are replayed from the events instead.
 */
export function computeDashboard(f: Filters, options: { replay?: boolean } = {}): Dashboard {
  const personId = f.person?.id ?? null
  const categoryId = f.category?.id ?? null
  const threads =
    personId !== null || options.replay
      ? replayThreads({ from: f.from, to: f.to }, { categoryId, personId })
      : summarisedThreads({ from: f.from, to: f.to }, categoryId)
  const clocks = businessClocks(f.from, f.to)
  const surveys = surveyAnswers(f)
  const events = escalationEvents(f)
  const count = (type: string) => events.filter((e) => e.type === type).length
  const load = new Map<number, { escalated: number; acknowledged: number }>()
  const bump = (id: number | null, key: 'escalated' | 'acknowledged') => {
    if (id === null) return
    const row = load.get(id) ?? { escalated: 0, acknowledged: 0 }
    row[key]++
    load.set(id, row)
  }
  for (const e of events) {
    if (e.type === 'question.escalated') bump(e.userId, 'escalated')
    if (e.type === 'question.acknowledged') bump(e.actorId, 'acknowledged')
  }
  if (personId !== null) for (const id of [...load.keys()]) if (id !== personId) load.delete(id)
  const names = people([...load.keys()])
  const onCall = [...load]
    .flatMap(([id, l]) => {
      const p = names.get(id)
      return p ? [{ ...p, ...l }] : []
    })
    .sort((a, b) => b.escalated + b.acknowledged - (a.escalated + a.acknowledged))
  return {
    questions: threads.length,
    firstResponse: firstResponses(threads, clocks, personId),
    afterEscalation: afterEscalation(threads),
    resolution: resolution(threads, personId),
    csat: csat(surveys),
    automatic: automatic(threads),
    deflection: personId === null ? getDeflection(f.from, f.to) : null,
    escalations: {
      escalated: count('question.escalated'),
      level2: count('question.escalation_raised'),
      breaches: count('question.sla_breached'),
      acknowledged: count('question.acknowledged'),
    },
    onCall,
    states: states(threads),
    helpers: topHelpers(f),
    templates: templateFiguresIn({ from: f.from, to: f.to, categoryId, personId }),
    trend: trend(
      f,
      threads,
      surveys,
      events.filter((e) => e.type === 'question.escalated').map((e) => e.at),
    ),
  }
}

/** The dashboard for staff: the policy decides who may read it. */
export function getDashboard(actor: Actor | null, input: FilterInput) {
  if (!can(actor, 'dashboard.view', null)) throw new Forbidden('dashboard.view')
  const filters = resolveFilters(input)
  return { filters, dashboard: computeDashboard(filters) }
}

export type PersonFigures = {
  days: number
  answers: number
  accepted: number
  firstAnswer: Figure
  csat: Csat
}

/** A helper's own figures over the last 90 days, for their profile. */
export function getPersonFigures(personId: number, days = 90): PersonFigures {
  const end = now()
  const f: Filters = {
    from: new Date(end.getTime() - days * DAY),
    to: end,
    fromDate: '',
    toDate: '',
    category: null,
    person: { id: personId, handle: '', displayName: '' },
  }
  const threads = replayThreads({ from: f.from, to: f.to }, { personId })
  const mine = threads.flatMap((h) => {
    const r = h.responses.find((x) => x.authorId === personId)
    return r ? [r.at - h.createdAt] : []
  })
  const helpers = topHelpers(f)[0]
  return {
    days,
    answers: helpers?.answers ?? 0,
    accepted: helpers?.accepted ?? 0,
    firstAnswer: figure(mine, threads.length - mine.length),
    csat: csat(surveyAnswers(f)),
  }
}

/** A person's own figures, for their profile: shown to them alone. */
export function ownFiguresFor(
  viewer: { id: number; handle: string } | null,
  handle: string,
): PersonFigures | null {
  return viewer !== null && viewer.handle === handle ? getPersonFigures(viewer.id) : null
}
