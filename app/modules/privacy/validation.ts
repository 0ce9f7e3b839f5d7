/** Client-safe shapes of the privacy forms: the ask form's choice and the publish forms. */
import { z } from 'zod'
import { msg } from '../../i18n/message'

export const VISIBILITY_CHOICES = ['public', 'private'] as const
export type VisibilityChoice = (typeof VISIBILITY_CHOICES)[number]

/** The ask form's "who can see this question"; public when the field is not sent (or empty). */
export const visibilityField = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z
    .enum(VISIBILITY_CHOICES, { errorMap: () => ({ message: msg('privacy.ask.invalid') }) })
    .default('public'),
)

/** What the forms about publishing a private question post. */
export const publishIntentSchema = z.enum(['allow-publish', 'withdraw-publish', 'make-public'])
export const PUBLISH_INTENTS = publishIntentSchema.options
