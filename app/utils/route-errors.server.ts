/**
 * The one place where domain errors become HTTP. Every loader and action of the build is
 * wrapped once at start (`withDomainErrors`), so a route calls a module and lets whatever it
 * throws through: a NotFound is a 404 page, a Forbidden a 403, and so on, rendered by the
 * route's ErrorBoundary for documents and returned as an error for client-side requests.
 */
import type { ServerBuild } from '@remix-run/node'
import { msg } from '../i18n/message'
import { tooManyAttempts } from './wait'
import {
  isDomainError,
  type Forbidden,
  type Invalid,
  type NotFound,
  type RateLimited,
} from './domain-errors'

/** The response a domain error stands for; anything else is returned unchanged. */
export function toHttpError(error: unknown): unknown {
  if (!isDomainError(error)) return error
  const text = (status: number, body: string, headers?: HeadersInit) =>
    new Response(body, {
      status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers },
    })
  // The texts are message descriptors: the error page shows them in the reader's language.
  if (error.kind === 'not-found')
    return text(404, msg(`errors.notFound.${(error as NotFound).what}`))
  if (error.kind === 'forbidden')
    return text(403, (error as Forbidden).reason ?? msg('errors.forbidden'))
  if (error.kind === 'rate-limited') {
    const { reason, retryAfterSeconds } = error as RateLimited
    return text(429, reason ?? tooManyAttempts(retryAfterSeconds), {
      'Retry-After': String(retryAfterSeconds),
    })
  }
  // Invalid and Conflict carry a message written for the person.
  return text(error.kind === 'conflict' ? 409 : 400, error.message)
}

type Handler = (args: never) => unknown

export function mapDomainErrors<F extends Handler>(fn: F): F {
  const wrapped = async (args: never) => {
    try {
      return await fn(args)
    } catch (error) {
      throw toHttpError(error)
    }
  }
  return wrapped as F
}

/** The build with every loader and action wrapped by `mapDomainErrors`. */
export function withDomainErrors(build: ServerBuild): ServerBuild {
  const routes: ServerBuild['routes'] = {}
  for (const [id, route] of Object.entries(build.routes)) {
    const { loader, action } = route.module
    routes[id] = {
      ...route,
      module: {
        ...route.module,
        ...(loader ? { loader: mapDomainErrors(loader) } : {}),
        ...(action ? { action: mapDomainErrors(action) } : {}),
      },
    }
  }
  return { ...build, routes }
}

/**
 * For a create form's `.catch`: a new-account limit (too many links, too soon, the first
 * day's quota) becomes the message to show at the form, with its status, so the page can
 * show the form again with what was typed. Anything else is thrown on.
 */
export function newAccountLimit(error: unknown): { limited: string; status: 400 | 429 } {
  if (isDomainError(error) && error.kind === 'rate-limited')
    return { limited: error.message, status: 429 }
  if (isDomainError(error) && error.kind === 'invalid') {
    const { fieldErrors } = error as Invalid
    return { limited: Object.values(fieldErrors)[0] ?? error.message, status: 400 }
  }
  throw error
}
