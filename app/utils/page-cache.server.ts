import type { NextFunction, Request, Response } from 'express'
import { now } from './clock.server'
import { contentVersion } from './db.server'

/**
 * Pages for signed-out visitors, rendered once and served again while nothing they show has
 * changed: an entry is good only while `contentVersion` (moved by every write that can change
 * a page) is the one it was rendered at, and for `ttlMs` at most (relative dates, and writes
 * made by another process, which this one cannot see).
 *
 * Only requests without any cookie are served from here or stored, and only 200 responses
 * that set none: nothing personal can be cached, or reach anyone else. The CSP nonce is
 * rendered into the page, so it is stored as a placeholder and each response gets its own.
 * A route that must do something on every view (the search log) says so in `onHit`.
 */
export type CachedRoute = {
  /** The page's path, or a pattern for pages with parameters (`/questions/1/…`). */
  path: string | RegExp
  /** Response headers to store with the page and send again (lower case). */
  keepHeaders?: string[]
  /** Runs for every response served from the cache, with the headers stored with it. */
  onHit?: (req: Request, stored: Record<string, string>) => void
  /**
   * What else, beyond its address, the page depends on for a visitor without cookies (the
   * language `Accept-Language` asks for): pages that differ in it are stored apart.
   */
  variant?: (req: Request) => Promise<string>
}

export type PageCacheOptions = {
  routes: CachedRoute[]
  ttlMs?: number
  /** Bodies held in all; the least recently used go first. */
  maxBytes?: number
  /** Larger pages are not stored. */
  maxEntryBytes?: number
}

type Entry = {
  version: number
  storedAt: number
  contentType: string
  /** Headers the page needs again (Remix's own, and what the route asked to keep). */
  headers: Record<string, string>
  body: string
  bytes: number
}

const NONCE_PLACEHOLDER = '\u0000nonce\u0000'
/** Says whether a response came from the cache (`hit`) or was rendered for it (`miss`). */
const PAGE_CACHE_HEADER = 'X-Page-Cache'

export function createPageCache(options: PageCacheOptions) {
  const ttlMs = options.ttlMs ?? 60_000
  const maxBytes = options.maxBytes ?? 16 * 1024 * 1024
  const maxEntryBytes = options.maxEntryBytes ?? 512 * 1024
  const exact = new Map<string, CachedRoute>()
  const patterns: (CachedRoute & { path: RegExp })[] = []
  for (const route of options.routes)
    if (typeof route.path === 'string') exact.set(route.path, route)
    else patterns.push(route as CachedRoute & { path: RegExp })
  const routeFor = (path: string) =>
    exact.get(path) ?? patterns.find((route) => route.path.test(path))
  const entries = new Map<string, Entry>()
  let bytes = 0

  function drop(key: string) {
    const entry = entries.get(key)
    if (!entry) return
    bytes -= entry.bytes
    entries.delete(key)
  }

  function store(key: string, entry: Entry) {
    drop(key)
    entries.set(key, entry)
    bytes += entry.bytes
    for (const oldest of entries.keys()) {
      if (bytes <= maxBytes) break
      drop(oldest)
    }
  }

  /** The entry while still good; a hit moves it to the back of the eviction order. */
  function lookup(key: string) {
    const entry = entries.get(key)
    if (!entry) return null
    if (entry.version !== contentVersion.n || now().getTime() - entry.storedAt >= ttlMs) {
      drop(key)
      return null
    }
    entries.delete(key)
    entries.set(key, entry)
    return entry
  }

  function serve(res: Response, entry: Entry) {
    const nonce = String(res.locals.cspNonce ?? '')
    res.status(200)
    res.setHeader('Content-Type', entry.contentType)
    for (const [name, value] of Object.entries(entry.headers)) res.setHeader(name, value)
    res.setHeader(PAGE_CACHE_HEADER, 'hit')
    res.send(entry.body.replaceAll(NONCE_PLACEHOLDER, nonce))
  }

  /** Collects what the rest of the stack writes, and stores it if it may be shared. */
  function capture(res: Response, key: string, version: number, route: CachedRoute) {
    // What Remix sets on data requests, and what the route asks for.
    const kept = (name: string) => name.startsWith('x-remix-') || route.keepHeaders?.includes(name)
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    const write = res.write.bind(res) as (...args: unknown[]) => boolean
    const end = res.end.bind(res) as (...args: unknown[]) => Response
    const collect = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function' || tooLarge) return
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk)
          : Buffer.from(
              String(chunk),
              typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
            )
      size += buffer.length
      if (size > maxEntryBytes) tooLarge = true
      else chunks.push(buffer)
    }
    res.setHeader(PAGE_CACHE_HEADER, 'miss')
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0])
      return write(chunk, ...rest)
    }) as Response['write']
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0])
      const contentType = String(res.getHeader('content-type') ?? '')
      const shareable =
        res.statusCode === 200 &&
        !tooLarge &&
        res.getHeader('set-cookie') === undefined &&
        /^(text\/html|application\/json)/.test(contentType)
      if (shareable) {
        const nonce = String(res.locals.cspNonce ?? '')
        const text = Buffer.concat(chunks).toString('utf8')
        const body = nonce ? text.replaceAll(nonce, NONCE_PLACEHOLDER) : text
        const headers: Record<string, string> = {}
        for (const [name, value] of Object.entries(res.getHeaders()))
          if (kept(name) && value !== undefined) headers[name] = String(value)
        store(key, {
          version,
          storedAt: now().getTime(),
          contentType,
          headers,
          body,
          bytes: Buffer.byteLength(body),
        })
      }
      return end(chunk, ...rest)
    }) as Response['end']
  }

  function middleware(req: Request, res: Response, next: NextFunction) {
    const route = req.method === 'GET' ? routeFor(req.path) : undefined
    if (!route || req.headers.cookie) return next()
    // The host is part of the key: a page rendered for a forged Host header stays with it.
    const address = `${req.get('host') ?? ''}${req.originalUrl}`
    const answer = (key: string) => {
      const entry = lookup(key)
      if (entry) {
        route.onHit?.(req, entry.headers)
        return serve(res, entry)
      }
      capture(res, key, contentVersion.n, route)
      next()
    }
    if (!route.variant) return answer(address)
    route.variant(req).then(
      (variant) => answer(`${address}\u0000${variant}`),
      // Whatever went wrong, the page is rendered as if there were no cache.
      () => next(),
    )
  }

  return {
    middleware,
    clear: () => {
      entries.clear()
      bytes = 0
    },
  }
}
