/**
 * The dashboard's filters and tables. Client-safe: the page, the CSV export and the module share
 * them.
 */
import { z } from 'zod'

export const MAX_RANGE_DAYS = 366
export const DEFAULT_RANGE_DAYS = 30
/** The calendar the dashboard's days are counted in. */
export const DASHBOARD_TIME_ZONE = 'Asia/Jakarta'

const isoDate = z
  .string()
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/)
export const filtersSchema = z.object({
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  category: z.string().max(60).optional().catch(undefined),
  person: z.string().max(40).optional().catch(undefined),
})
export type FilterInput = z.infer<typeof filtersSchema>

/** Every table the page shows, by the name its CSV export takes. */
export const TABLES = [
  'first-response',
  'after-escalation',
  'resolution',
  'csat',
  'automatic',
  'deflection',
  'escalations',
  'on-call',
  'states',
  'helpers',
  'templates',
  'trend',
] as const
export type TableName = (typeof TABLES)[number]

/** The series the trend charts draw, each from one column of the trend table. */
export const SERIES = [
  'asked',
  'frtMedian',
  'resolutionMedian',
  'csatRate',
  'automaticRate',
  'deflectionRate',
  'escalations',
] as const
export type Series = (typeof SERIES)[number]
