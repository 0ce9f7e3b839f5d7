import { z } from 'zod'

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_PATH: z.string().min(1).default('./data/tanya.db'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  BASE_URL: z.string().url().optional(),
  SMTP_URL: z.string().url().optional(),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
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
})

export type Env = z.infer<typeof schema> & { BASE_URL: string }

/** Reads and validates the environment; a bad value stops the start with a readable message. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment:\n${lines.join('\n')}`)
  }
  const env = parsed.data
  return { ...env, BASE_URL: env.BASE_URL ?? `http://localhost:${env.PORT}` }
}

let cached: Env | undefined
export function env(): Env {
  return (cached ??= readEnv())
}
