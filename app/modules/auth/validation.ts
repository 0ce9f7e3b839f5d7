import { z } from 'zod'
import { msg } from '../../i18n/message'

export const HANDLE_PATTERN = /^[a-z0-9_]{3,20}$/

/** A new password's length: long enough to resist guessing, short enough to hash quickly. */
export const PASSWORD_MIN = 10
export const PASSWORD_MAX = 200
/** The longest address SMTP allows in a forward path. */
export const EMAIL_MAX = 254

export const signupSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, msg('auth.emailRequired'))
    .max(EMAIL_MAX, msg('auth.emailTooLong'))
    .email(msg('auth.emailInvalid')),
  handle: z
    .string()
    .trim()
    .toLowerCase()
    .min(3, msg('auth.handleMin'))
    .max(20, msg('auth.handleMax'))
    .regex(HANDLE_PATTERN, msg('auth.handlePattern')),
  displayName: z
    .string()
    .trim()
    .min(1, msg('auth.displayNameRequired'))
    .max(50, msg('auth.displayNameMax')),
  password: z
    .string()
    .min(PASSWORD_MIN, msg('auth.passwordMin'))
    .max(PASSWORD_MAX, msg('auth.passwordMax')),
})

export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, msg('auth.emailRequired')).max(EMAIL_MAX),
  password: z.string().min(1, msg('auth.passwordRequired')).max(200),
})

export type SignupInput = z.infer<typeof signupSchema>
