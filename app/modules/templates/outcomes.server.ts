/**
 * What became of each template's uses, and the automation gate. The definitions, exactly:
 * - a **use** is an answer posted from the template (by a person or by the auto-responder);
 * - a use **closed** its thread when its answer is the question's accepted answer (its latest
 *   accept/unaccept event is an accept), or when the asker's newest survey answer on the
 *   question rated it 4 or 5;
 * - a use is **decided** once it closed its thread, or once it is 7 days old (an open use younger
 *   than that may still close: its asker has not had time to accept or rate);
 * - the **closure rate** is closed uses ÷ decided uses (every closed use is decided, so a use
 *   moves the rate the moment its answer is accepted or rated 4–5);
 * - a **follow-up** is the asker's own post on the thread after the use ("what to improve");
 * - the **average rating** is over the uses whose asker answered the survey.
 * Imported history never counts. A template may be made automatic only when its closure rate is
 * at least the set rate over at least the set number of decided uses; an automatic template
 * whose rate falls below the rate is switched off by itself, and staff are told.
 */
import { and, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm'
import {
  answers,
  events,
  questions,
  replyTemplates,
  settings,
  templateUses,
  users,
} from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { db, write, type Tx } from '../../utils/db.server'
import { Forbidden, NotFound } from '../../utils/domain-errors'
import { emit, type EmittedEvent, type EventActor } from '../events/events.server'
import { notify } from '../notifications/notifications.server'
import { can, type Actor } from '../policy/policy'
import { automationSettingsSchema, DEFAULT_AUTOMATION, type AutomationSettings } from './validation'

export const DECIDED_AFTER_MS = 7 * 24 * 60 * 60_000
const WEEK_MS = 7 * 24 * 60 * 60_000
export const TREND_WEEKS = 12
const SETTINGS_KEY = 'templates.automation'

export function getAutomationSettings(reader: Pick<Tx, 'select'> = db): AutomationSettings {
  const row = reader.select().from(settings).where(eq(settings.key, SETTINGS_KEY)).get()
  const parsed = automationSettingsSchema.safeParse(row?.value)
  return parsed.success ? parsed.data : DEFAULT_AUTOMATION
}

export function saveAutomationSettings(actor: Actor, value: AutomationSettings) {
  if (!can(actor, 'template.manage', null)) throw new Forbidden('template.manage')
  write((tx) => {
    tx.insert(settings)
      .values({ key: SETTINGS_KEY, value, updatedAt: now() })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now() } })
      .run()
    // A stricter setting applies at once to what is automatic now.
    for (const t of automaticTemplateIds(tx)) checkAutomation(tx, t, actor)
  })
}

type UseRow = {
  templateId: number
  answerId: number
  questionId: number
  createdAt: number
  lastAccept: string | null
  rating: number | null
  followUpId: number | null
}

// One row per use with its outcomes read from the events that followed it.
const OUTCOMES_SQL = sql`
  u.template_id as templateId, u.answer_id as answerId, u.question_id as questionId,
    u.created_at as createdAt,
    (select e.type from events e where e.answer_id = u.answer_id
       and e.type in ('answer.accepted', 'answer.unaccepted') and e.source != 'import'
       order by e.id desc limit 1) as lastAccept,
    (select json_extract(e.data, '$.rating') from events e where e.question_id = u.question_id
       and e.type = 'survey.answered' and e.actor_id = u.asker_id and e.source != 'import'
       order by e.id desc limit 1) as rating`
const USES_SQL = sql`
  select ${OUTCOMES_SQL},
    (select e.answer_id from events e where e.question_id = u.question_id
       and e.type = 'answer.created' and e.actor_id = u.asker_id and e.answer_id > u.answer_id
       and e.source != 'import' order by e.id limit 1) as followUpId
  from template_uses u`
// The dashboard's: the outcomes without the follow-up, which only the templates page lists.
const RANGE_USES_SQL = sql`select ${OUTCOMES_SQL}, null as followUpId from template_uses u`

function usesOf(reader: Pick<Tx, 'all'>, templateIds: number[] | null): UseRow[] {
  if (templateIds && templateIds.length === 0) return []
  const where = templateIds
    ? sql` where u.template_id in (${sql.join(
        templateIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``
  return reader.all<UseRow>(sql`${USES_SQL}${where} order by u.created_at`)
}

export type TemplateStats = {
  uses: number
  decided: number
  closed: number
  /** 0–1, or null before any use is decided. */
  closureRate: number | null
  averageRating: number | null
  ratings: number
  followUps: number
  averageEdited: number | null
}

const closedUse = (u: UseRow) => u.lastAccept === 'answer.accepted' || Number(u.rating) >= 4
const decidedUse = (u: UseRow, at: number) => closedUse(u) || u.createdAt <= at - DECIDED_AFTER_MS

function statsOf(uses: UseRow[], edited: number[], at: number): TemplateStats {
  const decided = uses.filter((u) => decidedUse(u, at)).length
  const closed = uses.filter(closedUse).length
  const rated = uses.filter((u) => u.rating !== null).map((u) => Number(u.rating))
  return {
    uses: uses.length,
    decided,
    closed,
    closureRate: decided ? closed / decided : null,
    averageRating: rated.length ? rated.reduce((a, b) => a + b, 0) / rated.length : null,
    ratings: rated.length,
    followUps: uses.filter((u) => u.followUpId !== null).length,
    averageEdited: edited.length ? edited.reduce((a, b) => a + b, 0) / edited.length : null,
  }
}

/** One template's uses over a range, for the dashboard (follow-ups and edits are the page's). */
export type TemplateRangeRow = { templateId: number; title: string } & Omit<
  TemplateStats,
  'followUps' | 'averageEdited'
>

/**
 * Per template, its uses posted in [from, to) with their outcomes so far (the definitions
 * above): in a category (the question's now) and by a person (who posted the answer) when
 * given. Most used first.
 */
export function templateFiguresIn(range: {
  from: Date
  to: Date
  categoryId: number | null
  personId: number | null
}): TemplateRangeRow[] {
  const rows = db.all<UseRow & { title: string }>(sql`
    select x.*, t.title from (${RANGE_USES_SQL}
      join questions q on q.id = u.question_id
      join answers a on a.id = u.answer_id
      where u.created_at >= ${range.from.getTime()} and u.created_at < ${range.to.getTime()}
        and (${range.categoryId} is null or q.category_id = ${range.categoryId})
        and (${range.personId} is null or a.author_id = ${range.personId})) x
    join reply_templates t on t.id = x.templateId`)
  const byTemplate = new Map<number, { title: string; uses: UseRow[] }>()
  for (const r of rows) {
    const entry = byTemplate.get(r.templateId) ?? { title: r.title, uses: [] }
    entry.uses.push(r)
    byTemplate.set(r.templateId, entry)
  }
  const at = now().getTime()
  return [...byTemplate]
    .map(([templateId, { title, uses }]) => {
      const { followUps: _followUps, averageEdited: _edited, ...stats } = statsOf(uses, [], at)
      return { templateId, title, ...stats }
    })
    .sort(
      (a, b) => b.uses - a.uses || a.title.localeCompare(b.title) || a.templateId - b.templateId,
    )
}

export type Gate = { ok: true } | { ok: false; why: 'tooFewUses' | 'rateTooLow' }

/** Whether the figures allow automation under `s`. */
export function gateOf(stats: TemplateStats, s: AutomationSettings): Gate {
  if (stats.decided < s.minUses) return { ok: false, why: 'tooFewUses' }
  if ((stats.closureRate ?? 0) * 100 < s.minRate) return { ok: false, why: 'rateTooLow' }
  return { ok: true }
}

function statsFor(reader: Pick<Tx, 'all' | 'select'>, templateId: number): TemplateStats {
  const edited = reader
    .select({ edited: templateUses.edited })
    .from(templateUses)
    .where(and(eq(templateUses.templateId, templateId), eq(templateUses.automatic, false)))
    .all()
    .map((r) => r.edited)
  return statsOf(usesOf(reader, [templateId]), edited, now().getTime())
}

export type TrendPoint = { weekStart: string; uses: number; decided: number; closed: number }

export type TemplateRow = {
  id: number
  title: string
  category: string
  tags: string[]
  visibility: 'public' | 'staff'
  language: string
  automatic: boolean
  shipped: boolean
  stats: TemplateStats
  gate: Gate
  trend: TrendPoint[]
  followUps: { questionId: number; questionTitle: string; excerpt: string; at: string }[]
}

/** The templates page: every template with its figures, trend and what to improve. */
export function getTemplatesOverview(actor: Actor) {
  if (!can(actor, 'template.manage', null)) throw new Forbidden('template.manage')
  const at = now().getTime()
  const s = getAutomationSettings()
  const templates = db.select().from(replyTemplates).orderBy(replyTemplates.title).all()
  const uses = usesOf(db, null)
  const edited = db
    .select({ templateId: templateUses.templateId, edited: templateUses.edited })
    .from(templateUses)
    .where(eq(templateUses.automatic, false))
    .all()
  const followUpIds = uses.flatMap((u) => (u.followUpId ? [u.followUpId] : []))
  const followUpRows = followUpIds.length
    ? db
        .select({
          id: answers.id,
          bodyMd: answers.bodyMd,
          createdAt: answers.createdAt,
          questionId: questions.id,
          questionTitle: questions.title,
        })
        .from(answers)
        .innerJoin(questions, eq(questions.id, answers.questionId))
        .where(inArray(answers.id, followUpIds.slice(-500)))
        .all()
    : []
  const followUp = new Map(followUpRows.map((r) => [r.id, r]))
  const rows: TemplateRow[] = templates.map((t) => {
    const mine = uses.filter((u) => u.templateId === t.id)
    const stats = statsOf(
      mine,
      edited.filter((e) => e.templateId === t.id).map((e) => e.edited),
      at,
    )
    return {
      id: t.id,
      title: t.title,
      category: t.category,
      tags: t.tags,
      visibility: t.visibility,
      language: t.language,
      automatic: t.automatic,
      shipped: t.slug !== null,
      stats,
      gate: gateOf(stats, s),
      trend: trendOf(mine, at),
      followUps: mine
        .flatMap((u) => {
          const f = u.followUpId ? followUp.get(u.followUpId) : undefined
          return f
            ? [
                {
                  questionId: f.questionId,
                  questionTitle: f.questionTitle,
                  excerpt: excerpt(f.bodyMd),
                  at: f.createdAt.toISOString(),
                },
              ]
            : []
        })
        .reverse()
        .slice(0, 5),
    }
  })
  return { templates: rows, settings: s, notices: automationNotices() }
}

const excerpt = (md: string) => {
  const text = md.replace(/\s+/g, ' ').trim()
  return text.length > 200 ? `${text.slice(0, 199)}…` : text
}

/** Uses and closures by week (of the use), oldest first, over the last TREND_WEEKS weeks. */
function trendOf(uses: UseRow[], at: number): TrendPoint[] {
  const start = at - TREND_WEEKS * WEEK_MS
  return Array.from({ length: TREND_WEEKS }, (_, i) => {
    const from = start + i * WEEK_MS
    const week = uses.filter((u) => u.createdAt > from && u.createdAt <= from + WEEK_MS)
    return {
      weekStart: new Date(from).toISOString().slice(0, 10),
      uses: week.length,
      decided: week.filter((u) => decidedUse(u, at)).length,
      closed: week.filter(closedUse).length,
    }
  })
}

/** Automation switched off by itself in the last 30 days: the page's notice to staff. */
function automationNotices() {
  return db
    .select({ at: events.createdAt, data: events.data })
    .from(events)
    .where(
      and(
        eq(events.type, 'template.automation_changed'),
        gte(events.createdAt, new Date(now().getTime() - 30 * 24 * 60 * 60_000)),
        sql`json_extract(${events.data}, '$.why') = 'rateFell'`,
      ),
    )
    .orderBy(desc(events.id))
    .limit(10)
    .all()
    .map((e) => ({
      at: e.at.toISOString(),
      title: String(e.data?.title ?? ''),
      rate: Number(e.data?.rate ?? 0),
    }))
}

/** Switches a template to automatic: refused, with the reason, unless its figures allow it. */
export function automateTemplate(actor: Actor, templateId: number): Gate {
  if (!can(actor, 'template.manage', null)) throw new Forbidden('template.manage')
  return write((tx) => {
    const t = tx.select().from(replyTemplates).where(eq(replyTemplates.id, templateId)).get()
    if (!t) throw new NotFound('page')
    const stats = statsFor(tx, templateId)
    const gate = gateOf(stats, getAutomationSettings(tx))
    if (!gate.ok || t.automatic) return gate
    setAutomatic(tx, t, true, actor, 'staff', stats)
    return gate
  })
}

export function stopAutomation(actor: Actor, templateId: number) {
  if (!can(actor, 'template.manage', null)) throw new Forbidden('template.manage')
  write((tx) => {
    const t = tx.select().from(replyTemplates).where(eq(replyTemplates.id, templateId)).get()
    if (!t) throw new NotFound('page')
    if (t.automatic) setAutomatic(tx, t, false, actor, 'staff', statsFor(tx, templateId))
  })
}

function setAutomatic(
  tx: Tx,
  t: { id: number; title: string },
  on: boolean,
  actor: EventActor,
  why: 'staff' | 'rateFell',
  stats: TemplateStats,
) {
  tx.update(replyTemplates)
    .set({ automatic: on, automaticChangedAt: now() })
    .where(eq(replyTemplates.id, t.id))
    .run()
  emit(tx, {
    type: 'template.automation_changed',
    actor: actor && { id: actor.id, role: actor.role },
    data: {
      templateId: t.id,
      title: t.title,
      on,
      why,
      rate: stats.closureRate === null ? null : Math.round(stats.closureRate * 1000) / 10,
      uses: stats.decided,
    },
  })
}

function automaticTemplateIds(tx: Tx): number[] {
  return tx
    .select({ id: replyTemplates.id })
    .from(replyTemplates)
    .where(eq(replyTemplates.automatic, true))
    .all()
    .map((r) => r.id)
}

/**
 * Switches an automatic template off when its closure rate fell below the set rate (fewer
 * decided uses than the minimum do not switch it off: it earned its place on more). Staff are
 * told on the templates page. Returns whether it was switched off.
 */
export function checkAutomation(tx: Tx, templateId: number, actor: EventActor = null): boolean {
  const t = tx
    .select({
      id: replyTemplates.id,
      title: replyTemplates.title,
      automatic: replyTemplates.automatic,
    })
    .from(replyTemplates)
    .where(eq(replyTemplates.id, templateId))
    .get()
  if (!t?.automatic) return false
  const stats = statsFor(tx, templateId)
  if (stats.closureRate === null || stats.closureRate * 100 >= getAutomationSettings(tx).minRate)
    return false
  setAutomatic(tx, t, false, actor, 'rateFell', stats)
  tellStaff(tx, t, stats)
  return true
}

/** Every staff member and admin is told, in the app (and by e-mail, as each chose). */
function tellStaff(tx: Tx, t: { id: number; title: string }, stats: TemplateStats) {
  // the thread of the template's latest use: where the notice points, besides the templates page
  const latest = tx
    .select({ questionId: templateUses.questionId })
    .from(templateUses)
    .where(eq(templateUses.templateId, t.id))
    .orderBy(desc(templateUses.createdAt))
    .limit(1)
    .get()
  if (!latest) return
  const staff = tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, ['staff', 'admin']), isNull(users.deletedAt)))
    .all()
  for (const person of staff)
    notify(tx, {
      userId: person.id,
      type: 'template.automation_off',
      actorId: null,
      questionId: latest.questionId,
      data: {
        template: t.title,
        templateId: t.id,
        rate: Math.round((stats.closureRate ?? 0) * 1000) / 10,
      },
    })
}

/**
 * Reaction to every outcome (accepted, unaccepted, a survey answer, the asker's follow-up): the
 * automatic templates used on that question are checked again.
 */
export function checkAutomationOn(tx: Tx, e: EmittedEvent) {
  if (!e.questionId) return
  const used = tx
    .selectDistinct({ templateId: templateUses.templateId })
    .from(templateUses)
    .innerJoin(replyTemplates, eq(replyTemplates.id, templateUses.templateId))
    .where(and(eq(templateUses.questionId, e.questionId), eq(replyTemplates.automatic, true)))
    .all()
  for (const u of used) checkAutomation(tx, u.templateId, null)
}

/** The periodic job: uses turning 7 days old are decided, and change rates without any new event. */
export function checkAllAutomation(): string {
  const off = write((tx) => automaticTemplateIds(tx).filter((id) => checkAutomation(tx, id)))
  return off.length ? `${off.length} template(s) switched off` : 'all automatic templates hold'
}
