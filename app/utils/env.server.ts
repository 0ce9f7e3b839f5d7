import net from 'node:net'
import { z } from 'zod'

/** The named ranges Express accepts in 'trust proxy' beside addresses and subnets. */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal'])

function isProxyAddress(entry: string) {
  if (PROXY_RANGES.has(entry)) return true
  const [address, prefix, ...rest] = entry.split('/')
  const family = net.isIP(address)
  if (family === 0 || rest.length > 0) return false
  if (prefix === undefined) return true
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128)
}

/**
 * Which hops in front of us may say who the client is (X-Forwarded-For), as Express's
 * 'trust proxy' takes it: a number of hops or a list of proxy addresses and subnets. `true`
 * means one hop, not Express's "trust every hop": with every hop trusted the left-most
 * X-Forwarded-For wins, and that is whatever the client wrote, so each request could claim a
 * new address and walk past the per-address rate limits.
 */
const trustProxy = z
  .string()
  .trim()
  .toLowerCase()
  .default('false')
  .transform((value, ctx): false | number | string[] => {
    if (value === '' || value === 'false' || value === '0') return false
    if (value === 'true') return 1
    if (/^\d+$/.test(value)) {
      const hops = Number(value)
      if (hops <= 10) return hops
      ctx.addIssue({ code: 'custom', message: 'at most 10 hops' })
      return z.NEVER
    }
    const entries = value.split(',').map((e) => e.trim())
    const bad = entries.filter((e) => !isProxyAddress(e))
    if (bad.length === 0) return entries
    ctx.addIssue({
      code: 'custom',
      message: `${bad.map((b) => `"${b}"`).join(', ')}: expected a number of hops, or proxy addresses and subnets (10.0.0.1, 10.0.0.0/8, loopback) separated by commas`,
    })
    return z.NEVER
  })

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_PATH: z.string().min(1).default('./data/tanya.db'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  BASE_URL: z
    .string()
    .url()
    .refine((v) => /^https?:\/\//.test(v), 'must start with http:// or https://')
    .optional(),
  // Where e-mail goes (smtp://user:pass@host:587, smtps://…:465); unset, it waits in the outbox.
  SMTP_URL: z.string().url().optional(),
  // The sender of every e-mail; defaults to no-reply at BASE_URL's host name.
  MAIL_FROM: z.string().trim().min(3).max(320).optional(),
  // Signs unsubscribe links; unset, a secret is made once and kept in the database.
  MAIL_SECRET: z.string().min(16).optional(),
  TRUST_PROXY: trustProxy,
  SEED_DEMO: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  LOG_REQUESTS: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  // How long a page rendered for signed-out visitors may be served again (0 turns it off).
  PAGE_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  // Sign-ups from one address per hour; raise it when many customers share one address (a
  // company's proxy, a campus NAT).
  SIGNUP_LIMIT_PER_IP: z.coerce.number().int().min(1).max(100_000).default(10),
  // Whether new accounts' first posts wait for a moderator until staff say otherwise in the
  // spam settings (which, once saved, win).
  HOLD_FIRST_POSTS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
})

export type Env = z.infer<typeof schema> & { BASE_URL: string }

/** Reads and validates the environment; a bad value stops the start with a readable message. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment:\n${lines.join('\n')}`)
  }
  const env = parsed.data
  return { ...env, BASE_URL: env.BASE_URL ?? `http://localhost:${env.PORT}` }
}

/**
 * The site's one origin, from BASE_URL: the Origin check compares form posts with it, and the
 * request Remix sees is addressed to it, whatever Host header a proxy passed on.
 */
export function siteUrl(env: Pick<Env, 'BASE_URL'>): URL {
  return new URL(new URL(env.BASE_URL).origin)
}

let cached: Env | undefined
export function env(): Env {
  return (cached ??= readEnv())
}
