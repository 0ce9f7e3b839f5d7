/**
 * The audit log's filters, from the page's query string (a GET form that works without
 * JavaScript). A value that does not fit is dropped and named, never an error page.
 */
import { z } from 'zod'
import { msg } from '../../i18n/message'
import { HANDLE_PATTERN } from '../auth/validation'
import { AUDIT_KIND_NAMES, type AuditKind } from './kinds'

const DATE = /^\d{4}-\d{2}-\d{2}$/

const fields = {
  actor: z
    .string()
    .max(40)
    .transform((s) => s.trim().replace(/^@/, '').toLowerCase())
    .pipe(z.string().regex(HANDLE_PATTERN)),
  kind: z.enum(AUDIT_KIND_NAMES as [AuditKind, ...AuditKind[]]),
  user: z
    .string()
    .max(40)
    .transform((s) => s.trim().replace(/^@/, '').toLowerCase())
    .pipe(z.string().regex(HANDLE_PATTERN)),
  question: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  from: z
    .string()
    .regex(DATE)
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`))),
  to: z
    .string()
    .regex(DATE)
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`))),
  // "<created_at ms>.<id>" of the last entry shown
  cursor: z
    .string()
    .max(40)
    .regex(/^\d{1,15}\.\d{1,15}$/),
}

export const auditFiltersSchema = z.object(fields)
export type AuditFilterName = keyof typeof fields

export type AuditFilters = {
  actor?: string
  kind?: AuditKind
  user?: string
  question?: number
  from?: string
  to?: string
  cursor?: string
}

/** The filters that fit, and the names of those that did not (the page says so beside each). */
export function parseAuditFilters(params: URLSearchParams): {
  filters: AuditFilters
  rejected: AuditFilterName[]
} {
  const filters: Record<string, unknown> = {}
  const rejected: AuditFilterName[] = []
  for (const name of Object.keys(fields) as AuditFilterName[]) {
    const raw = params.get(name)
    if (raw === null || raw.trim() === '') continue
    const parsed = fields[name].safeParse(raw)
    if (parsed.success) filters[name] = parsed.data
    else rejected.push(name)
  }
  return { filters: filters as AuditFilters, rejected }
}

/**
 * The few words a moderator may give for a step that needs no reason (bringing a post back,
 * lifting a sanction, a role or a trust lock): optional, kept in the event for the log.
 */
export const ACTION_REASON_MAX = 300
export const actionReason = z
  .string()
  .trim()
  .max(ACTION_REASON_MAX, msg('audit.reason.tooLong', { max: ACTION_REASON_MAX }))
  .default('')

/** The event data for an optional reason: nothing when none was given. */
export const reasonData = (reason: string): { reason?: string } => {
  const why = reason.trim()
  return why ? { reason: why } : {}
}

/** The reason typed, or Invalid-ready errors under `field`. */
export function parseActionReason(
  input: unknown,
  field = 'reason',
): { ok: true; reason: string } | { ok: false; errors: Record<string, string> } {
  const parsed = actionReason.safeParse(typeof input === 'string' ? input : '')
  return parsed.success
    ? { ok: true, reason: parsed.data }
    : { ok: false, errors: { [field]: parsed.error.issues[0]?.message ?? '' } }
}
