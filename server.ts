import crypto from 'node:crypto'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express, { type NextFunction, type Request, type Response } from 'express'
import helmet from 'helmet'
import morgan from 'morgan'
import { JOBS } from './app/jobs/jobs.server'
import { startScheduler } from './app/jobs/scheduler.server'
import { syncKbContent } from './app/modules/kb/content.server'
import { syncTemplateContent } from './app/modules/templates/content.server'
import { keepLinkedLanguage } from './app/i18n/linked-language.server'
import { isOneClickUnsubscribe } from './app/modules/mail/unsubscribe.server'
import { ensureKbIndexFresh } from './app/modules/search/kb-index.server'
import {
  markSearchCurrentIfEmpty,
  runSearchMaintenance,
} from './app/modules/search/search-maintenance.server'
import { seedDemoIfEmpty, syncCategoryTranslations } from './db/seed'
import { migrateDatabase, sqlite } from './app/utils/db.server'
import { cookMarkdown } from './app/utils/markdown.server'
import { readEnv, siteUrl, type Env } from './app/utils/env.server'
import {
  checkOrigin,
  checkRequestLine,
  clientErrorStatus,
  dropUndecodableCookies,
  limitBodySize,
  plainPage,
} from './app/utils/request-guards.server'
import { createRemixHandler } from './app/utils/remix-handler.server'
import { createPageCache } from './app/utils/page-cache.server'
import { runInRequestScope } from './app/utils/request-scope.server'
import { withDomainErrors } from './app/utils/route-errors.server'
import { publicPageRoutes } from './app/utils/public-pages-cache.server'
import { quickSuggestRoute, searchPageRoute } from './app/utils/search-page-cache.server'

declare module '@remix-run/node' {
  interface AppLoadContext {
    cspNonce: string
    clientIp: string
    /** Set by the ask action for the loader of the same request (a form posted without JS). */
    askVisitId?: string
  }
}

export function createApp(build: ServerBuild, env: Env) {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', env.TRUST_PROXY)
  const site = siteUrl(env)
  const https = site.protocol === 'https:'

  // Before anything reads them: the request line (OPTIONS *, absolute-form targets, unknown
  // methods) and cookies another app on the domain may have set in a form we cannot decode.
  app.use(checkRequestLine(site))
  app.use(dropUndecodableCookies)
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
  // Brotli at quality 1. Browsers all ask for Brotli, and the middleware's own quality 4 keeps a
  // 4 MB window per response: under load the garbage collector ran a full collection several
  // times a second and requests queued behind it. Quality 1 costs about a third of gzip's CPU on
  // a question page, with no full collections, for a page about a third larger (7.4 against
  // 5.5 KB of 23 KB) - see the Decisions in the README.
  app.use(compression({ brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } } }))
  if (env.LOG_REQUESTS)
    app.use(morgan(':remote-addr :method :url :status :res[content-length]B :response-time ms'))

  // Fingerprinted build output never changes under one name, so it may be cached for a year.
  app.use(
    '/build',
    express.static(path.resolve('public/build'), { immutable: true, maxAge: '1y', index: false }),
  )
  // The other public files, looked up only for their own names: a page request costs no stat.
  const publicFiles = express.static(path.resolve('public'), { maxAge: '1h', index: false })
  const publicNames = new Set(readdirSync(path.resolve('public')).map((name) => `/${name}`))
  app.use((req, res, next) => (publicNames.has(req.path) ? publicFiles(req, res, next) : next()))

  app.use(limitBodySize())
  app.use(checkOrigin(site.origin, isOneClickUnsubscribe))
  // Before the page cache: a page it serves for `?lng=` still keeps that language.
  app.use(keepLinkedLanguage)
  // Public pages and searches for signed-out visitors: the same few pages and searches come
  // again and again, and a page served from memory costs a fraction of a rendered one.
  if (env.PAGE_CACHE_SECONDS > 0)
    app.use(
      createPageCache({
        ttlMs: env.PAGE_CACHE_SECONDS * 1000,
        routes: [searchPageRoute, quickSuggestRoute, ...publicPageRoutes],
      }).middleware,
    )

  const handleWithRemix = createRemixHandler({
    // Domain errors thrown by modules become 404/403/409/429 responses, in one place.
    build: withDomainErrors(build),
    mode: env.NODE_ENV === 'production' ? 'production' : 'development',
    site,
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce as string,
      clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    }),
  })
  // One scope per request: what its loaders share (who is signed in) is worked out once.
  app.all('*', (req, res, next) => runInRequestScope(() => handleWithRemix(req, res, next)))

  // Last resort: whatever escaped Remix gets a plain page, never a stack trace. A client's
  // mistake (a malformed %-escape in the path is a 400 from Express's router) keeps its status
  // and is not logged as a failure; anything else is ours: logged, and a 500.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = clientErrorStatus(error)
    if (status === null) console.error(error)
    if (res.headersSent) return res.end()
    if (status !== null)
      return plainPage(req, res, status, 'errors.title400', 'errors.plain.unreadableText')
    plainPage(req, res, 500, 'errors.title500', 'errors.text500')
  })
  return app
}

async function main() {
  const env = readEnv()
  // Stopping before the server listens (while the demo is seeded, say) rolls back whatever is
  // half done and closes the file cleanly; the seed is one transaction, so the next start
  // finds an empty database and seeds it again.
  let server: ReturnType<ReturnType<typeof createApp>['listen']> | null = null
  const shutdown = (signal: NodeJS.Signals) => {
    if (!server) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK')
      sqlite.close()
      process.exit(128 + (signal === 'SIGINT' ? 2 : 15))
    }
    server.close(() => {
      sqlite.close()
      process.exit(0)
    })
  }
  process.on('SIGTERM', shutdown)
  process.on('SIGINT', shutdown)

  migrateDatabase()
  // A new database needs no re-index: everything in it will be indexed by this code.
  markSearchCurrentIfEmpty()
  if (env.SEED_DEMO) await seedDemoIfEmpty()
  // A database seeded before categories were translated gets their words in every language.
  syncCategoryTranslations()
  const kb = syncKbContent(path.resolve('content'))
  for (const s of kb.skipped) console.warn(`content/kb/${s.slug}.md was not applied: ${s.reason}`)
  const replies = syncTemplateContent(path.resolve('content'))
  for (const slug of replies.keptAppEdit)
    console.log(`content/replies/${slug}.md changed, but its template was edited in the app: kept`)
  // Loads the saved KB index (or builds it in a worker) while the server starts listening, and
  // starts the markdown worker, so the first post does not wait for it.
  void ensureKbIndexFresh()
  void cookMarkdown('')
  // Posts written before the last change to search (languages, normaliser, synonyms) are
  // brought up to date in the background; search answers meanwhile.
  void runSearchMaintenance().then(
    (r) => {
      if (r.languagesDetected || r.questionsReindexed)
        console.log(
          `Search: ${r.languagesDetected} posts' languages detected, ${r.questionsReindexed} questions re-indexed`,
        )
    },
    (error: unknown) => console.warn('Search maintenance failed', error),
  )
  const build = (await import(path.resolve('build/index.js'))) as ServerBuild
  const app = createApp(build, env)
  startScheduler(JOBS)
  server = app.listen(env.PORT, () => {
    console.log(`Tanya is listening on ${env.BASE_URL} (port ${env.PORT})`)
  })
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
