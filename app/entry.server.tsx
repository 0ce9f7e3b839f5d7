import { PassThrough } from 'node:stream'
import type { AppLoadContext, EntryContext, HandleErrorFunction } from '@remix-run/node'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { getLanguage } from './i18n/i18n.server'
import { renderingInstanceFor } from './i18n/translator.server'
import { NonceProvider } from './utils/nonce'
import { dropReactStreamPadding } from './utils/stream-padding.server'

const ABORT_DELAY = 5_000

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // Crawlers get the whole document at once; people get it streamed as soon as the shell is ready.
  const waitForAll = isbot(request.headers.get('user-agent') ?? '')
  const nonce = loadContext.cspNonce ?? ''
  // The page renders in the language the root loader chose, with that language's instance.
  const i18n = renderingInstanceFor(await getLanguage(request))
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={i18n}>
        <NonceProvider value={nonce}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
        </NonceProvider>
      </I18nextProvider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true
          const body = new PassThrough()
          const cleaned = body.pipe(dropReactStreamPadding())
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(
            new Response(createReadableStreamFromReadable(cleaned), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) console.error(error)
        },
      },
    )
    setTimeout(abort, ABORT_DELAY)
  })
}

export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return
  // The router's own 4xx answers (a `?_data=` naming no route, a method it does not take) are
  // the client's mistake, answered as such: the log is for our failures.
  if (isRouteErrorResponse(error) && error.status < 500) return
  console.error(error)
}
