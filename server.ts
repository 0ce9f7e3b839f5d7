import crypto from 'node:crypto'
import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express, { type NextFunction, type Request, type Response } from 'express'
import helmet from 'helmet'
import morgan from 'morgan'
import { JOBS } from './app/jobs/jobs.server'
import { startScheduler } from './app/jobs/scheduler.server'
import { syncKbContent } from './app/modules/kb/content.server'
import { ensureKbIndexFresh } from './app/modules/search/kb-index.server'
import { seedDemoIfEmpty } from './db/seed'
import { migrateDatabase, sqlite } from './app/utils/db.server'
import { readEnv, type Env } from './app/utils/env.server'
import { checkOrigin, limitBodySize } from './app/utils/request-guards.server'
import { createPageCache } from './app/utils/page-cache.server'
import { runInRequestScope } from './app/utils/request-scope.server'
import { withDomainErrors } from './app/utils/route-errors.server'
import { searchPageRoute } from './app/modules/search/search.server'

declare module '@remix-run/node' {
  interface AppLoadContext {
    cspNonce: string
    clientIp: string
  }
}

export function createApp(build: ServerBuild, env: Env) {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', env.TRUST_PROXY)
  const https = env.BASE_URL.startsWith('https://')

  app.use((_req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString('base64')
    next()
  })
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
          'style-src': ["'self'"],
          'style-src-attr': ["'unsafe-inline'"],
          'img-src': ["'self'", 'https:', 'data:'],
          'font-src': ["'self'"],
          'connect-src': ["'self'"],
          'form-action': ["'self'"],
          'frame-ancestors': ["'none'"],
          'base-uri': ["'none'"],
          'object-src': ["'none'"],
          ...(https ? { 'upgrade-insecure-requests': [] } : {}),
        },
      },
      strictTransportSecurity: https ? { maxAge: 31536000, includeSubDomains: true } : false,
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    }),
  )
  app.use(compression())
  if (env.LOG_REQUESTS)
    app.use(morgan(':remote-addr :method :url :status :res[content-length]B :response-time ms'))

  // Fingerprinted build output never changes under one name, so it may be cached for a year.
  app.use(
    '/build',
    express.static(path.resolve('public/build'), { immutable: true, maxAge: '1y', index: false }),
  )
  app.use(express.static(path.resolve('public'), { maxAge: '1h', index: false }))

  app.use(limitBodySize())
  app.use(checkOrigin(() => [new URL(env.BASE_URL).origin]))
  // Search pages for signed-out visitors: the same few searches come again and again, and a
  // page served from memory costs a fraction of a rendered one.
  if (env.PAGE_CACHE_SECONDS > 0)
    app.use(
      createPageCache({ ttlMs: env.PAGE_CACHE_SECONDS * 1000, routes: [searchPageRoute] })
        .middleware,
    )

  const handleWithRemix = createRequestHandler({
    // Domain errors thrown by modules become 404/403/409/429 responses, in one place.
    build: withDomainErrors(build),
    mode: env.NODE_ENV === 'production' ? 'production' : 'development',
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce as string,
      clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    }),
  })
  // One scope per request: what its loaders share (who is signed in) is worked out once.
  app.all('*', (req, res, next) => runInRequestScope(() => handleWithRemix(req, res, next)))

  // Last resort: whatever escaped Remix gets a plain page, never a stack trace.
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    console.error(error)
    if (res.headersSent) return res.end()
    res.status(500).type('text').send('Something went wrong on our side. Please try again.')
  })
  return app
}

async function main() {
  const env = readEnv()
  migrateDatabase()
  if (env.SEED_DEMO) await seedDemoIfEmpty()
  const kb = syncKbContent(path.resolve('content'))
  for (const s of kb.skipped) console.warn(`content/kb/${s.slug}.md was not applied: ${s.reason}`)
  // Loads the saved KB index (or builds it in a worker) while the server starts listening.
  void ensureKbIndexFresh()
  const build = (await import(path.resolve('build/index.js'))) as ServerBuild
  const app = createApp(build, env)
  startScheduler(JOBS)
  const server = app.listen(env.PORT, () => {
    console.log(`Tanya is listening on ${env.BASE_URL} (port ${env.PORT})`)
  })
  const shutdown = () => {
    server.close(() => {
      sqlite.close()
      process.exit(0)
    })
  }
  process.on('SIGTERM', shutdown)
  process.on('SIGINT', shutdown)
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
