import type { IncomingMessage } from 'node:http'
import {
  createRequestHandler,
  writeReadableStreamToWritable,
  type AppLoadContext,
  type ServerBuild,
} from '@remix-run/node'
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express'

/**
 * The request Remix sees, addressed to the site itself: BASE_URL's origin with the path that
 * was asked for, and a Host header that names the same origin.
 *
 * Express's adapter builds the URL from Host (or X-Forwarded-Host), and Remix refuses a
 * document form post whose Origin differs from them with an exception, a 500. Behind a proxy
 * that rewrites Host, that was every form sent without JavaScript (the `?_data=` posts of
 * enhanced forms skip that comparison). Our Origin check has already held the post against
 * BASE_URL, so Remix is told the same origin and both kinds of post are treated alike; a
 * forged Host header no longer reaches what pages render either.
 */
export function remixRequest(req: ExpressRequest, res: ExpressResponse, site: URL): Request {
  // Concatenated, not resolved: a path like //evil.example/x must stay a path on our origin.
  const url = new URL(`${site.origin}${req.originalUrl}`)
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v)
    else if (value !== undefined) headers.set(name, value)
  }
  headers.set('host', site.host)
  headers.delete('x-forwarded-host')
  let controller: AbortController | null = new AbortController()
  const init: RequestInit & { duplex?: 'half' } = {
    method: req.method,
    headers,
    signal: controller.signal,
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    init.body = bodyWhenRead(req)
    init.duplex = 'half'
  }
  // Loaders and actions are aborted when the client goes away before the response is done.
  res.on('finish', () => (controller = null))
  res.on('close', () => controller?.abort())
  return new Request(url.href, init)
}

/**
 * The request body as a stream that starts reading the socket only when someone reads it.
 * Express's adapter starts at once; when an action then answers without reading the form (a
 * redirect to the log-in page), the unread rest stays in the connection, and the browser's
 * next request on it fails with a reset. Left unread, Node discards it after the response and
 * the connection stays usable.
 */
function bodyWhenRead(req: IncomingMessage): ReadableStream<Uint8Array> {
  let chunks: AsyncIterator<Buffer> | null = null
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        chunks ??= req[Symbol.asyncIterator]()
        const next = await chunks.next()
        if (next.done) controller.close()
        else controller.enqueue(new Uint8Array(next.value))
      },
      async cancel() {
        await chunks?.return?.()
      },
    },
    // Nothing is read ahead: the first pull comes with the first read.
    { highWaterMark: 0 },
  )
}

/** Sends Remix's answer as Express's adapter does. */
async function sendResponse(res: ExpressResponse, response: Response) {
  res.statusMessage = response.statusText
  res.status(response.status)
  for (const [name, value] of response.headers.entries()) res.append(name, value)
  if (response.body) await writeReadableStreamToWritable(response.body, res)
  else res.end()
}

/**
 * Remix's request handler for Express, as `@remix-run/express` makes it, except that the
 * request is built by `remixRequest`.
 */
export function createRemixHandler(options: {
  build: ServerBuild
  mode: 'production' | 'development'
  site: URL
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext
}) {
  const handle = createRequestHandler(options.build, options.mode)
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const request = remixRequest(req, res, options.site)
      const response = await handle(request, options.getLoadContext(req, res))
      await sendResponse(res, response)
    } catch (error) {
      next(error)
    }
  }
}
