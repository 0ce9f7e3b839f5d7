/**
 * Client-safe rules for knowledge-base forms: the article editor, the promotion queue, the
 * "was this helpful?" questions and the promotion rule's settings.
 */
import { z } from 'zod'
import { BODY_MAX, tagsField, TITLE_MAX, TITLE_MIN } from '../questions/validation'
import { languageField, type LanguageChoice } from '../search/languages'

export const SUMMARY_MIN = 10
export const SUMMARY_MAX = 300
export const ARTICLE_BODY_MIN = 20
export const FEEDBACK_COMMENT_MAX = 500
export const REJECT_NOTE_MAX = 500
export const REVISION_COMMENT_MAX = 200
export const REVIEW_EVERY_DAYS = 180

/** Article URLs: lowercase words joined by hyphens. */
export const KB_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const KB_SLUG_MAX = 80
/** Paths under /kb that are pages of their own, so no article may take them as its slug. */
export const RESERVED_KB_SLUGS = ['new', 'review', 'candidates'] as const

export const ARTICLE_STATUSES = ['draft', 'published', 'archived'] as const
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number]

/** Why an article helped or not, as the follow-up question offers it. */
export const FEEDBACK_REASON_VALUES = [
  'solved',
  'clear',
  'outdated',
  'unclear',
  'incomplete',
  'not-my-problem',
  'other',
] as const
export type FeedbackReason = (typeof FEEDBACK_REASON_VALUES)[number]

/** The follow-up question after "Yes" and after "No", each with its own options. */
export const FEEDBACK_REASONS: Record<'yes' | 'no', { value: FeedbackReason; label: string }[]> = {
  yes: [
    { value: 'solved', label: 'It solved my problem' },
    { value: 'clear', label: 'It was clear and easy to follow' },
    { value: 'other', label: 'Something else' },
  ],
  no: [
    { value: 'outdated', label: 'It is out of date' },
    { value: 'unclear', label: 'It is hard to follow' },
    { value: 'incomplete', label: 'Something is missing' },
    { value: 'not-my-problem', label: 'It is not about my problem' },
    { value: 'other', label: 'Something else' },
  ],
}

/** After "Yes"/"No" the page asks why ("more"); "change" offers Yes/No again. */
export const FEEDBACK_STEPS = ['more', 'change'] as const
export type FeedbackStep = (typeof FEEDBACK_STEPS)[number]

export function reasonFits(helpful: boolean, reason: FeedbackReason): boolean {
  return FEEDBACK_REASONS[helpful ? 'yes' : 'no'].some((r) => r.value === reason)
}

const articleFields = {
  title: z
    .string()
    .trim()
    .min(TITLE_MIN, `Titles must be at least ${TITLE_MIN} characters`)
    .max(TITLE_MAX, `Titles must be at most ${TITLE_MAX} characters`),
  summary: z
    .string()
    .trim()
    .min(SUMMARY_MIN, `The summary must be at least ${SUMMARY_MIN} characters`)
    .max(SUMMARY_MAX, `The summary must be at most ${SUMMARY_MAX} characters`),
  body: z
    .string()
    .trim()
    .min(ARTICLE_BODY_MIN, `The article must be at least ${ARTICLE_BODY_MIN} characters`)
    .max(BODY_MAX, `The article must be at most ${BODY_MAX.toLocaleString('en')} characters`),
  category: z.string().min(1, 'Choose a category').max(60),
  // Articles may have no tags.
  tags: tagsField(0),
}

/** What the promotion form publishes. */
export const promotionSchema = z.object(articleFields)
export type PromotionInput = z.infer<typeof promotionSchema>

/** The article editor, new or existing. */
export const articleSchema = z.object({
  ...articleFields,
  status: z.enum(ARTICLE_STATUSES, { message: 'Choose draft, published or archived' }),
  comment: z
    .string()
    .trim()
    .max(REVISION_COMMENT_MAX, `Keep the edit summary under ${REVISION_COMMENT_MAX} characters`)
    .default(''),
  language: languageField,
})
/** An article as commands take it; without a language, it is detected from the text. */
export type ArticleInput = Omit<z.infer<typeof articleSchema>, 'language'> & {
  language?: LanguageChoice
}

export const rejectSchema = z.object({
  note: z
    .string()
    .trim()
    .min(1, 'Say why, so the next moderator knows')
    .max(REJECT_NOTE_MAX, `Keep the note under ${REJECT_NOTE_MAX} characters`),
})

export const feedbackVoteSchema = z.object({ helpful: z.enum(['yes', 'no']) })

export const feedbackReasonSchema = z.object({
  reason: z.enum(FEEDBACK_REASON_VALUES, { message: 'Choose one of the options' }),
  comment: z
    .string()
    .trim()
    .max(FEEDBACK_COMMENT_MAX, `Keep it under ${FEEDBACK_COMMENT_MAX} characters`)
    .default(''),
})

export const PROMOTION_MODES = ['off', 'queue', 'publish'] as const
export type PromotionMode = (typeof PROMOTION_MODES)[number]

export const promotionSettingsSchema = z.object({
  mode: z.enum(PROMOTION_MODES, { message: 'Choose what the rule does' }),
  minScore: z.coerce
    .number({ message: 'Enter a whole number' })
    .int('Enter a whole number')
    .min(0, 'Use 0 or more')
    .max(10_000, 'Use at most 10,000'),
  minAcceptedDays: z.coerce
    .number({ message: 'Enter a whole number' })
    .int('Enter a whole number')
    .min(0, 'Use 0 or more')
    .max(3650, 'Use at most 3,650 days'),
  minAuthorReputation: z.coerce
    .number({ message: 'Enter a whole number' })
    .int('Enter a whole number')
    .min(0, 'Use 0 or more')
    .max(1_000_000, 'Use at most 1,000,000'),
})
export type PromotionSettings = z.infer<typeof promotionSettingsSchema>

export const DEFAULT_PROMOTION_SETTINGS: PromotionSettings = {
  mode: 'queue',
  minScore: 3,
  minAcceptedDays: 7,
  minAuthorReputation: 50,
}
