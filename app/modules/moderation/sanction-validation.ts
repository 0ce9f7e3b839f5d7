/** Client-safe rules for the sanction form. */
import { z } from 'zod'
import { SANCTION_KINDS } from '../../../db/schema'
import { msg } from '../../i18n/message'

export const SANCTION_REASON_MAX = 500
export const SANCTION_DAYS_MAX = 365
/** Kinds that last a number of days; a warning has nothing to end, a ban lasts until lifted. */
export const TIMED_KINDS = ['silence', 'suspend'] as const

export const sanctionSchema = z
  .object({
    kind: z.enum(SANCTION_KINDS, { message: msg('moderation.validation.kind') }),
    days: z.string().trim(),
    reason: z
      .string()
      .trim()
      .min(3, msg('moderation.validation.reasonRequired'))
      .max(
        SANCTION_REASON_MAX,
        msg('moderation.validation.reasonTooLong', { max: SANCTION_REASON_MAX }),
      ),
  })
  .transform((v, ctx) => {
    if (!(TIMED_KINDS as readonly string[]).includes(v.kind)) return { ...v, days: null }
    const days = /^\d{1,3}$/.test(v.days) ? Number(v.days) : NaN
    if (!(days >= 1 && days <= SANCTION_DAYS_MAX)) {
      ctx.addIssue({
        code: 'custom',
        path: ['days'],
        message: msg('moderation.validation.days', { max: SANCTION_DAYS_MAX }),
      })
      return z.NEVER
    }
    return { ...v, days }
  })

export type SanctionInput = z.input<typeof sanctionSchema>
