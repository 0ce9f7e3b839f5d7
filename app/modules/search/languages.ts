import { z } from 'zod'
import { msg } from '../../i18n/message'

/**
 * Client-safe: the languages a post or an article is written in, and the choice the forms
 * offer. "auto" lets the server tell from the text (see detect-language.server.ts).
 */
export const POST_LANGUAGES = ['en', 'id'] as const
export type PostLanguage = (typeof POST_LANGUAGES)[number]

export const LANGUAGE_CHOICES = ['auto', 'en', 'id'] as const
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number]

/** A form's language field: left out or empty is "auto"; anything else unknown is an error. */
export const languageField = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? 'auto' : v),
  z.enum(LANGUAGE_CHOICES, { message: msg('search.postLanguage.invalid') }),
)

export const isPostLanguage = (value: unknown): value is PostLanguage =>
  (POST_LANGUAGES as readonly unknown[]).includes(value)
