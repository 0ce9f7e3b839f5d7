import { z } from 'zod'
import { TAG_PATTERN } from '../questions/validation'

/** The queue's filters from its query string; anything malformed is simply no filter. */
export const queueFiltersSchema = z.object({
  category: z
    .string()
    .trim()
    .max(60)
    .regex(/^[a-z0-9-]*$/)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  tag: z
    .string()
    .trim()
    .toLowerCase()
    .max(30)
    .optional()
    .catch(undefined)
    .transform((v) => (v && TAG_PATTERN.test(v) ? v : undefined)),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
})
export type QueueFilters = z.infer<typeof queueFiltersSchema>

export function parseQueueFilters(params: URLSearchParams): QueueFilters {
  return queueFiltersSchema.parse({
    category: params.get('category') ?? undefined,
    tag: params.get('tag') ?? undefined,
    page: params.get('page') ?? undefined,
  })
}
