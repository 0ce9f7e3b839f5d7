/**
 * What a template form and a shipped template file may hold (client-safe). Both go through
 * `templateFields`, so a file is refused for exactly what the form refuses.
 */
import { z } from 'zod'
import { TEMPLATE_VISIBILITIES } from '../../../db/schema'
import { msg } from '../../i18n/message'
import { POST_LANGUAGES } from '../search/languages'
import { TAG_PATTERN, TAGS_MAX, tagsField } from '../questions/validation'
import { unknownPlaceholders } from './variables'

export const TEMPLATE_TITLE_MIN = 3
export const TEMPLATE_TITLE_MAX = 120
export const TEMPLATE_BODY_MIN = 10
export const TEMPLATE_BODY_MAX = 10_000
export const CATEGORY_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const title = z
  .string()
  .trim()
  .min(TEMPLATE_TITLE_MIN, msg('replies.validation.titleMin', { min: TEMPLATE_TITLE_MIN }))
  .max(TEMPLATE_TITLE_MAX, msg('replies.validation.titleMax', { max: TEMPLATE_TITLE_MAX }))

const body = z
  .string()
  .trim()
  .min(TEMPLATE_BODY_MIN, msg('replies.validation.bodyMin', { min: TEMPLATE_BODY_MIN }))
  .max(TEMPLATE_BODY_MAX, msg('replies.validation.bodyMax', { max: TEMPLATE_BODY_MAX }))
  .superRefine((text, ctx) => {
    const unknown = unknownPlaceholders(text)
    if (unknown.length > 0)
      ctx.addIssue({
        code: 'custom',
        message: msg('replies.validation.unknownVariable', {
          names: [...new Set(unknown)].slice(0, 5).join(', '),
        }),
      })
  })

const category = z
  .string()
  .trim()
  .max(60, msg('replies.validation.category'))
  .refine((v) => v === '' || CATEGORY_SLUG.test(v), msg('replies.validation.category'))

/** The form: tags typed in one field. */
export const templateFormSchema = z.object({
  title,
  category,
  tags: tagsField(0),
  visibility: z.enum(TEMPLATE_VISIBILITIES, { message: msg('replies.validation.visibility') }),
  language: z.enum(POST_LANGUAGES, { message: msg('search.postLanguage.invalid') }),
  body,
})
export type TemplateInput = z.infer<typeof templateFormSchema>

/** A shipped file's front matter (the body is checked with the form's rule). */
export const frontMatterSchema = z
  .object({
    title,
    category: category.default(''),
    tags: z
      .array(z.string().regex(TAG_PATTERN, 'must be lowercase letters, digits and hyphens'))
      .max(TAGS_MAX)
      .default([]),
    visibility: z.enum(TEMPLATE_VISIBILITIES),
    language: z.enum(POST_LANGUAGES).default('en'),
  })
  .strict()

export const templateBodySchema = body

/** The automation settings staff choose on the templates page. */
export const automationSettingsSchema = z.object({
  minRate: z.coerce
    .number({ message: msg('replies.validation.minRate') })
    .int(msg('replies.validation.minRate'))
    .min(50, msg('replies.validation.minRate'))
    .max(100, msg('replies.validation.minRate')),
  minUses: z.coerce
    .number({ message: msg('replies.validation.minUses') })
    .int(msg('replies.validation.minUses'))
    .min(1, msg('replies.validation.minUses'))
    .max(1000, msg('replies.validation.minUses')),
})
export type AutomationSettings = z.infer<typeof automationSettingsSchema>
export const DEFAULT_AUTOMATION: AutomationSettings = { minRate: 80, minUses: 10 }

/** The templates page's forms. */
export const templatesIntent = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('automate'), templateId: z.coerce.number().int().positive() }),
  z.object({
    intent: z.literal('stop-automation'),
    templateId: z.coerce.number().int().positive(),
  }),
  z.object({
    intent: z.literal('settings'),
    minRate: z.string().max(10),
    minUses: z.string().max(10),
  }),
])
export const TEMPLATES_INTENTS = templatesIntent.options.map((o) => o.shape.intent.value)
