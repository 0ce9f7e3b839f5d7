import { createHash } from 'node:crypto'
import zlib from 'node:zlib'
import type { NextFunction, Request, Response } from 'express'
import { now } from './clock.server'
import { contentVersion } from './db.server'

/**
 * Pages for signed-out visitors, rendered once and served again while nothing they show has
 * changed, by `contentVersion` (db.server.ts): an entry is good only while no write that may
 * change any page came after it, and for `ttlMs` at most (relative dates, and writes made by
 * another process, which this one cannot see). A thread's page also goes as soon as its thread
 * changes. A page that lists threads goes when one changes, or, if its route allows a lag,
 * once it is that old: a signed-out reader may see a list a few seconds behind, never a thread.
 *
 * Only requests without any cookie are served from here or stored, and only 200 responses
 * that set none: nothing personal can be cached, or reach anyone else. The one cookie allowed
 * is the one that follows from the address alone (`?lng=`, set by an earlier middleware that
 * leaves it in `res.locals[ADDRESS_COOKIE]`): the page is stored without it, and that
 * middleware sets it on every answer, from here or not. A stored page is sent
 * again byte for byte, compressed once per encoding (Brotli at a higher quality than rendered
 * pages get, since it is paid once): its inline scripts carry the nonce of the response they
 * were rendered for, so a page from the cache is sent with a Content-Security-Policy that
 * allows exactly those scripts by their SHA-256 hashes instead of by a nonce. A route that must
 * do something on every view (the search log) says so in `onHit`.
 */
/** The `res.locals` key of a Set-Cookie that follows from the address alone (see above). */
export const ADDRESS_COOKIE = 'addressCookie'

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
  /** The thread a page shows (question pages); without it, the page lists threads. */
  thread?: (req: Request) => number | null
  /** How long a page that lists threads may still be served after one changed (ms; 0). */
  listsLagMs?: number
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
  /** The thread's version for a thread's page, else the lists' version. */
  scopeVersion: number
  thread: number | null
  listsLagMs: number
  storedAt: number
  contentType: string
  /** Headers the page needs again (Remix's own, and what the route asked to keep). */
  headers: Record<string, string>
  body: Buffer
  /** The body compressed, made on the first request that accepts each encoding. */
  encoded: Partial<Record<Encoding, Buffer>>
  /** `'sha256-…'` of each inline script: the CSP's script sources instead of a nonce. */
  scriptSources: string
  bytes: number
}

type Encoding = 'br' | 'gzip'

type Versions = Pick<Entry, 'version' | 'thread' | 'scopeVersion'>

const threadVersion = (id: number) => contentVersion.threads.get(id) ?? 0

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g

/** The CSP sources that allow each inline script of a page (`<script src>` comes from 'self'). */
function inlineScriptSources(html: string) {
  const sources = new Set<string>()
  for (const [, attributes, text] of html.matchAll(INLINE_SCRIPT))
    if (!/\ssrc\s*=/i.test(attributes))
      sources.add(`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`)
  return [...sources].join(' ')
}

/** The encoding to send: Brotli or gzip when accepted (q above 0), Brotli first; else none. */
export function chooseEncoding(accepted: string | undefined): Encoding | null {
  const q: Record<string, number> = {}
  for (const part of (accepted ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean)
    q[name] = weight === undefined ? 1 : Number(weight)
  }
  const br = q.br ?? q['*'] ?? 0
  const gzip = q.gzip ?? q['*'] ?? 0
  if (br > 0 && br >= gzip) return 'br'
  return gzip > 0 ? 'gzip' : null
}

function compress(body: Buffer, encoding: Encoding) {
  return encoding === 'br'
    ? zlib.brotliCompressSync(body, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
          // A 256 KB window covers a page; the default 4 MB one would be allocated per page.
          [zlib.constants.BROTLI_PARAM_LGWIN]: 18,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : zlib.gzipSync(body)
}
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
    const age = now().getTime() - entry.storedAt
    const scopeChanged =
      entry.thread === null
        ? entry.scopeVersion !== contentVersion.lists && age >= entry.listsLagMs
        : entry.scopeVersion !== threadVersion(entry.thread)
    if (entry.version !== contentVersion.n || scopeChanged || age >= ttlMs) {
      drop(key)
      return null
    }
    entries.delete(key)
    entries.set(key, entry)
    return entry
  }

  function serve(req: Request, res: Response, entry: Entry) {
    const encoding = chooseEncoding(req.get('accept-encoding'))
    let body = entry.body
    if (encoding) {
      let encoded = entry.encoded[encoding]
      if (!encoded) {
        encoded = entry.encoded[encoding] = compress(entry.body, encoding)
        entry.bytes += encoded.length
        bytes += encoded.length
      }
      body = encoded
      res.setHeader('Content-Encoding', encoding)
    }
    res.status(200)
    res.setHeader('Content-Type', entry.contentType)
    for (const [name, value] of Object.entries(entry.headers)) res.setHeader(name, value)
    res.vary('Accept-Encoding')
    const csp = res.getHeader('Content-Security-Policy')
    const nonce = `'nonce-${String(res.locals.cspNonce ?? '')}'`
    if (typeof csp === 'string')
      res.setHeader('Content-Security-Policy', csp.replace(nonce, entry.scriptSources))
    res.setHeader(PAGE_CACHE_HEADER, 'hit')
    res.setHeader('Content-Length', body.length)
    res.end(body)
  }

  /** Collects what the rest of the stack writes, and stores it if it may be shared. */
  function capture(res: Response, key: string, versions: Versions, route: CachedRoute) {
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
      const setCookies = [res.getHeader('set-cookie') ?? []].flat().map(String)
      const addressCookie: unknown = res.locals[ADDRESS_COOKIE]
      const shareable =
        res.statusCode === 200 &&
        !tooLarge &&
        setCookies.every((cookie) => cookie === addressCookie) &&
        /^(text\/html|application\/json)/.test(contentType)
      if (shareable) {
        const body = Buffer.concat(chunks)
        const headers: Record<string, string> = {}
        for (const [name, value] of Object.entries(res.getHeaders()))
          if (kept(name) && value !== undefined) headers[name] = String(value)
        store(key, {
          ...versions,
          listsLagMs: route.listsLagMs ?? 0,
          storedAt: now().getTime(),
          contentType,
          headers,
          body,
          encoded: {},
          scriptSources: contentType.startsWith('text/html')
            ? inlineScriptSources(body.toString('utf8'))
            : '',
          bytes: body.length,
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
        return serve(req, res, entry)
      }
      const thread = route.thread?.(req) ?? null
      const scopeVersion = thread === null ? contentVersion.lists : threadVersion(thread)
      capture(res, key, { version: contentVersion.n, thread, scopeVersion }, route)
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
