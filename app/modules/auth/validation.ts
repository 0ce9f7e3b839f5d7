import { z } from 'zod'

export const HANDLE_PATTERN = /^[a-z0-9_]{3,20}$/

export const signupSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'Enter your e-mail address')
    .max(254, 'E-mail addresses are at most 254 characters')
    .email('Enter a valid e-mail address, like name@example.com'),
  handle: z
    .string()
    .trim()
    .toLowerCase()
    .min(3, 'Handles are at least 3 characters')
    .max(20, 'Handles are at most 20 characters')
    .regex(HANDLE_PATTERN, 'Use only letters, digits and _'),
  displayName: z
    .string()
    .trim()
    .min(1, 'Enter the name people will see')
    .max(50, 'Names are at most 50 characters'),
  password: z
    .string()
    .min(10, 'Passwords are at least 10 characters')
    .max(200, 'Passwords are at most 200 characters'),
})

export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, 'Enter your e-mail address').max(254),
  password: z.string().min(1, 'Enter your password').max(200),
})

export type SignupInput = z.infer<typeof signupSchema>
