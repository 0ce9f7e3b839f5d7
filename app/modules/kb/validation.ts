/**
 * Client-safe rules for knowledge-base forms: the article editor, the promotion queue, the
 * "was this helpful?" questions and the promotion rule's settings.
 */
import { z } from 'zod'
import { msg } from '../../i18n/message'
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

/**
 * The follow-up question after "Yes" and after "No", each with its own options; the labels are
 * message descriptors, shown in the reader's language.
 */
export const FEEDBACK_REASONS: Record<'yes' | 'no', { value: FeedbackReason; label: string }[]> = {
  yes: [
    { value: 'solved', label: msg('kb.feedback.reasons.solved') },
    { value: 'clear', label: msg('kb.feedback.reasons.clear') },
    { value: 'other', label: msg('kb.feedback.reasons.other') },
  ],
  no: [
    { value: 'outdated', label: msg('kb.feedback.reasons.outdated') },
    { value: 'unclear', label: msg('kb.feedback.reasons.unclear') },
    { value: 'incomplete', label: msg('kb.feedback.reasons.incomplete') },
    { value: 'not-my-problem', label: msg('kb.feedback.reasons.notMyProblem') },
    { value: 'other', label: msg('kb.feedback.reasons.other') },
  ],
}

/** After "Yes"/"No" the page asks why ("more"); "change" offers Yes/No again. */
export const FEEDBACK_STEPS = ['more', 'change'] as const
export type FeedbackStep = (typeof FEEDBACK_STEPS)[number]

export function reasonFits(helpful: boolean, reason: FeedbackReason): boolean {
  return FEEDBACK_REASONS[helpful ? 'yes' : 'no'].some((r) => r.value === reason)
}

// Messages are descriptors (../../i18n/message.ts): the form shows them in the reader's language.
const articleFields = {
  title: z
    .string()
    .trim()
    .min(TITLE_MIN, msg('kb.validation.titleMin', { min: TITLE_MIN }))
    .max(TITLE_MAX, msg('kb.validation.titleMax', { max: TITLE_MAX })),
  summary: z
    .string()
    .trim()
    .min(SUMMARY_MIN, msg('kb.validation.summaryMin', { min: SUMMARY_MIN }))
    .max(SUMMARY_MAX, msg('kb.validation.summaryMax', { max: SUMMARY_MAX })),
  body: z
    .string()
    .trim()
    .min(ARTICLE_BODY_MIN, msg('kb.validation.bodyMin', { min: ARTICLE_BODY_MIN }))
    .max(BODY_MAX, msg('kb.validation.bodyMax', { max: BODY_MAX })),
  category: z.string().min(1, msg('kb.validation.chooseCategory')).max(60),
  // Articles may have no tags.
  tags: tagsField(0),
}

/** What the promotion form publishes. */
export const promotionSchema = z.object(articleFields)
export type PromotionInput = z.infer<typeof promotionSchema>

/** The article editor, new or existing. */
export const articleSchema = z.object({
  ...articleFields,
  status: z.enum(ARTICLE_STATUSES, { message: msg('kb.validation.chooseStatus') }),
  comment: z
    .string()
    .trim()
    .max(REVISION_COMMENT_MAX, msg('kb.validation.commentMax', { max: REVISION_COMMENT_MAX }))
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
    .min(1, msg('kb.validation.noteRequired'))
    .max(REJECT_NOTE_MAX, msg('kb.validation.noteMax', { max: REJECT_NOTE_MAX })),
})

export const feedbackVoteSchema = z.object({ helpful: z.enum(['yes', 'no']) })

export const feedbackReasonSchema = z.object({
  reason: z.enum(FEEDBACK_REASON_VALUES, { message: msg('kb.validation.chooseReason') }),
  comment: z
    .string()
    .trim()
    .max(FEEDBACK_COMMENT_MAX, msg('kb.validation.feedbackMax', { max: FEEDBACK_COMMENT_MAX }))
    .default(''),
})

export const PROMOTION_MODES = ['off', 'queue', 'publish'] as const
export type PromotionMode = (typeof PROMOTION_MODES)[number]

const wholeNumber = (max: number, tooLarge: string) =>
  z.coerce
    .number({ message: msg('kb.validation.wholeNumber') })
    .int(msg('kb.validation.wholeNumber'))
    .min(0, msg('kb.validation.notNegative'))
    .max(max, tooLarge)

export const promotionSettingsSchema = z.object({
  mode: z.enum(PROMOTION_MODES, { message: msg('kb.validation.chooseMode') }),
  minScore: wholeNumber(10_000, msg('kb.validation.atMost', { max: 10_000 })),
  minAcceptedDays: wholeNumber(3650, msg('kb.validation.atMostDays', { max: 3650 })),
  minAuthorReputation: wholeNumber(1_000_000, msg('kb.validation.atMost', { max: 1_000_000 })),
})
export type PromotionSettings = z.infer<typeof promotionSettingsSchema>

export const DEFAULT_PROMOTION_SETTINGS: PromotionSettings = {
  mode: 'queue',
  minScore: 3,
  minAcceptedDays: 7,
  minAuthorReputation: 50,
}
