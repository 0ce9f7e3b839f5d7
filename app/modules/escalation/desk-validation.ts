/**
 * What the staff desk's filters and forms accept. Client-safe: the desk's form and the route
 * parse with the same shapes.
 */
import { z } from 'zod'
import { msg } from '../../i18n/message'

export const DESK_VIEWS = ['all', 'escalated', 'mine', 'unassigned'] as const
export type DeskView = (typeof DESK_VIEWS)[number]

/** The desk's filters, from the query string; anything unreadable falls back to its default. */
export const deskFilters = z.object({
  show: z.enum(DESK_VIEWS).catch('all'),
  category: z
    .string()
    .max(80)
    .regex(/^[a-z0-9-]*$/)
    .catch('')
    .transform((s) => s || undefined),
  level: z
    .enum(['', '1', '2'])
    .catch('')
    .transform((l) => (l ? (Number(l) as 1 | 2) : undefined)),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})
export type DeskFilters = z.infer<typeof deskFilters>

/**
 * Longest reason for escalating by hand: escalation's own rule (validation.ts) decides; repeated
 * here because that file reads the schema, which has no place in the browser's bundle.
 */
export const ESCALATE_REASON_MAX = 500
/** Longest internal note, in characters. */
export const NOTE_MAX = 5000

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)
/** The assignee the form was showing ('' for nobody): a reassignment is refused if it changed. */
const seenAssignee = z
  .union([z.literal(''), id])
  .optional()
  .transform((v) => (v === '' || v === undefined ? null : v))

/** The staff forms of the desk and of the question page, one shape per `intent`. */
export const staffIntent = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('claim'), escalationId: id }),
  z.object({
    intent: z.literal('assign'),
    escalationId: id,
    assigneeId: z.union([z.literal(''), id]),
    seenAssigneeId: seenAssignee,
  }),
  z.object({ intent: z.literal('acknowledge'), escalationId: id }),
  z.object({ intent: z.literal('resolve-escalation'), escalationId: id }),
])
export type StaffIntent = z.infer<typeof staffIntent>
export const STAFF_INTENTS = staffIntent.options.map((o) => o.shape.intent.value)

/** The question page's forms for notes and escalating by hand. */
export const threadStaffIntent = z.discriminatedUnion('intent', [
  ...staffIntent.options,
  z.object({
    intent: z.literal('add-note'),
    internalNote: z.string(),
    submissionKey: z.string().max(100).optional(),
  }),
  z.object({ intent: z.literal('delete-note'), noteId: id }),
  z.object({ intent: z.literal('escalate'), escalateReason: z.string() }),
])
export type ThreadStaffIntent = z.infer<typeof threadStaffIntent>
export const THREAD_STAFF_INTENTS = threadStaffIntent.options.map((o) => o.shape.intent.value)

export const noteSchema = z.object({
  note: z
    .string()
    .trim()
    .min(1, msg('desk.notes.required'))
    .max(NOTE_MAX, msg('desk.notes.tooLong', { max: NOTE_MAX })),
})
