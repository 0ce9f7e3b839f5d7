import type { NextFunction, Request, Response } from 'express'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Largest request body we read; a 30 000-character post in any script fits well inside. */
export const MAX_BODY_BYTES = 512 * 1024

function plainPage(res: Response, status: number, title: string, text: string) {
  res
    .status(status)
    .type('html')
    .send(
      `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title} · Tanya</title><link rel="stylesheet" href="/fallback.css"><main class="plain"><h1>${title}</h1><p>${text}</p><p><a href="/">Back to Tanya</a></p></main></html>`,
    )
}

/**
 * Cross-site request forgery stops here for every route: a state-changing request must come
 * from our own pages. Browsers send Sec-Fetch-Site and Origin on every non-GET request; a
 * request with neither is not from a browser page and is refused as well.
 */
export function checkOrigin(allowedOrigins: () => string[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next()
    const site = req.get('sec-fetch-site')
    const origin = req.get('origin')
    const ownOrigin = `${req.protocol}://${req.get('host')}`
    const allowed =
      origin !== undefined && (origin === ownOrigin || allowedOrigins().includes(origin))
    const sameSite = site === undefined || site === 'same-origin'
    if (
      (origin !== undefined && !allowed) ||
      !sameSite ||
      (origin === undefined && site === undefined)
    )
      return plainPage(
        res,
        403,
        'Request refused',
        'This form was sent from another site, so it was not accepted. Please go back, reload the page and try again.',
      )
    next()
  }
}

/** Refuses bodies over the limit before anything reads them. */
export function limitBodySize(maxBytes = MAX_BODY_BYTES) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next()
    const length = req.get('content-length')
    if (length === undefined) {
      // Without a length we could only find out by reading; browsers always send one.
      if (req.get('transfer-encoding') === undefined) return next()
      return plainPage(res, 411, 'Length required', 'Requests with a body must declare its size.')
    }
    if (Number(length) > maxBytes)
      return plainPage(
        res,
        413,
        'That is too large',
        `What you sent is larger than ${Math.round(maxBytes / 1024)} KB. Posts are limited to 30,000 characters; please shorten yours.`,
      )
    next()
  }
}
