/**
 * The account forms' fields: password reset, the person's own settings, and the admin's user
 * list. Client-safe. New passwords follow sign-up's rules, so every way to set one agrees.
 */
import { z } from 'zod'
import type { Role } from '../../../db/schema'
import { msg } from '../../i18n/message'
import { signupSchema } from '../auth/validation'
import { AVATAR_COLOUR_NAMES } from '../users/avatar'

export const BIO_MAX = 500

/** The roles, lowest first (the schema's list, kept here so forms need not load the schema). */
export const ROLE_NAMES = [
  'member',
  'helper',
  'moderator',
  'staff',
  'admin',
] as const satisfies readonly Role[]

const currentPassword = z
  .string()
  .min(1, msg('auth.passwordRequired'))
  .max(200, msg('auth.passwordMax'))

export const forgotPasswordSchema = z.object({ email: signupSchema.shape.email })

export const resetPasswordSchema = z.object({
  token: z.string().max(100),
  password: signupSchema.shape.password,
})

export const ACCOUNT_INTENTS = ['password', 'email', 'delete'] as const

export const accountFormSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('password'),
    currentPassword,
    newPassword: signupSchema.shape.password,
  }),
  z.object({
    intent: z.literal('email'),
    newEmail: signupSchema.shape.email,
    emailPassword: currentPassword,
  }),
  z.object({ intent: z.literal('delete'), deletePassword: currentPassword }),
])
export type AccountForm = z.infer<typeof accountFormSchema>

export const profileSchema = z.object({
  displayName: signupSchema.shape.displayName,
  bio: z
    .string()
    .trim()
    .max(BIO_MAX, msg('accounts.profile.bioMax', { max: BIO_MAX })),
  // empty: the colour that comes from the handle
  avatarColour: z
    .union([z.literal(''), z.enum(AVATAR_COLOUR_NAMES)], {
      errorMap: () => ({ message: msg('accounts.profile.colourInvalid') }),
    })
    .transform((v) => (v === '' ? null : v)),
})
export type ProfileInput = z.infer<typeof profileSchema>

export const USERS_PAGE = 25

/** The admin's user list, from its query string; a value that does not fit is dropped. */
export const userFiltersSchema = z.object({
  q: z.string().trim().max(100).catch(''),
  role: z.enum(ROLE_NAMES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
})
export type UserFilters = z.infer<typeof userFiltersSchema>

export const roleFormSchema = z.object({ role: z.enum(ROLE_NAMES) })
