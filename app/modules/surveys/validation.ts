/**
 * The survey's and the reminders' forms and limits. Client-safe: pages and modules share them.
 */
import { z } from 'zod'
import { msg } from '../../i18n/message'

/** How long a survey takes answers, and changes to them, after it was asked. */
export const SURVEY_DAYS = 7
export const SURVEY_COMMENT_MAX = 1000
export const RATINGS = [1, 2, 3, 4, 5] as const

/** When solved threads stop taking new answers, unless staff chose otherwise. */
export const DEFAULT_SOLVED_CLOSE_DAYS = 30
export const SOLVED_CLOSE_DAYS_MAX = 3650

export const surveySchema = z.object({
  rating: z.coerce
    .number({ invalid_type_error: msg('dashboard.survey.chooseRating') })
    .int(msg('dashboard.survey.chooseRating'))
    .min(1, msg('dashboard.survey.chooseRating'))
    .max(5, msg('dashboard.survey.chooseRating')),
  comment: z
    .string()
    .max(SURVEY_COMMENT_MAX, msg('dashboard.survey.commentMax', { max: SURVEY_COMMENT_MAX }))
    .default('')
    .transform((s) => s.trim()),
})
export type SurveyInput = z.infer<typeof surveySchema>

export const closeSettingsSchema = z.object({
  solvedCloseDays: z.coerce
    .number({ invalid_type_error: msg('dashboard.settings.daysInvalid') })
    .int(msg('dashboard.settings.daysInvalid'))
    .min(0, msg('dashboard.settings.daysInvalid'))
    .max(SOLVED_CLOSE_DAYS_MAX, msg('dashboard.settings.daysInvalid')),
})

/** A rating from a link's query string, or null for anything else. */
export function ratingFrom(value: string | null): number | null {
  const n = Number(value)
  return Number.isInteger(n) && n >= 1 && n <= 5 ? n : null
}
