/**
 * Response targets per category. A category without a row of its own uses `DEFAULT_SLA`.
 * Saving a target re-times every question waiting in that category, in the same transaction.
 */
import { asc, eq, isNotNull, and } from 'drizzle-orm'
import { categories, categorySla, questions } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { db, write, type Tx } from '../../utils/db.server'
import { Forbidden, NotFound } from '../../utils/domain-errors'
import { emit } from '../events/events.server'
import { can, type Actor } from '../policy/policy'
import { addClockMinutes, type ClockSpec } from './business-time'
import { DEFAULT_SLA, parseSlaForm, type SlaSettings } from './validation'

function fromRow(row: typeof categorySla.$inferSelect | undefined): SlaSettings {
  if (!row) return DEFAULT_SLA
  return {
    firstResponseMinutes: row.firstResponseMinutes,
    level2DelayMinutes: row.level2DelayMinutes,
    clock: row.clock,
    timeZone: row.timeZone,
    weeklyHours: row.weeklyHours,
    holidays: row.holidays,
  }
}

/** The category's target and clock (the defaults when it has none of its own). */
export function slaFor(tx: Tx | typeof db, categoryId: number): SlaSettings {
  return fromRow(tx.select().from(categorySla).where(eq(categorySla.categoryId, categoryId)).get())
}

export function clockOf(sla: SlaSettings): ClockSpec {
  return {
    clock: sla.clock,
    timeZone: sla.timeZone,
    weeklyHours: sla.weeklyHours,
    holidays: sla.holidays,
  }
}

/** When a question that needs attention since `since` passes its target; null: never. */
export function dueAt(sla: SlaSettings, since: Date): Date | null {
  return addClockMinutes(since, sla.firstResponseMinutes, clockOf(sla))
}

/** Every category with its target, in the order the site lists categories. */
export function listSla() {
  const rows = db
    .select({ id: categories.id, slug: categories.slug, name: categories.name, sla: categorySla })
    .from(categories)
    .leftJoin(categorySla, eq(categorySla.categoryId, categories.id))
    .orderBy(asc(categories.position), asc(categories.id))
    .all()
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    custom: r.sla !== null,
    sla: fromRow(r.sla ?? undefined),
  }))
}

export type SlaSaveResult =
  | { ok: true; settings: SlaSettings; retimed: number }
  | { ok: false; fieldErrors: Record<string, string> }

export function saveSla(
  actor: Actor,
  categoryId: number,
  form: Record<string, string | undefined>,
): SlaSaveResult {
  if (!can(actor, 'sla.settings', null)) throw new Forbidden('sla.settings')
  const category = db
    .select({ id: categories.id })
    .from(categories)
    .where(eq(categories.id, categoryId))
    .get()
  if (!category) throw new NotFound('category')
  const parsed = parseSlaForm(form)
  if (!parsed.ok) return parsed
  const value = parsed.settings
  return write((tx) => {
    const before = slaFor(tx, categoryId)
    const at = now()
    tx.insert(categorySla)
      .values({ categoryId, ...value, updatedAt: at })
      .onConflictDoUpdate({ target: categorySla.categoryId, set: { ...value, updatedAt: at } })
      .run()
    emit(tx, {
      type: 'settings.changed',
      actor,
      data: { key: `sla.category.${categoryId}`, from: before, to: value },
    })
    return { ok: true as const, settings: value, retimed: retimeCategory(tx, categoryId, value) }
  })
}

/** Moves the due time of every question waiting in the category to its new target. */
function retimeCategory(tx: Tx, categoryId: number, sla: SlaSettings): number {
  const waiting = tx
    .select({ id: questions.id, since: questions.attentionSince })
    .from(questions)
    .where(and(eq(questions.categoryId, categoryId), isNotNull(questions.attentionSince)))
    .all()
  for (const q of waiting)
    tx.update(questions)
      .set({ slaDueAt: dueAt(sla, q.since!) })
      .where(eq(questions.id, q.id))
      .run()
  return waiting.length
}
