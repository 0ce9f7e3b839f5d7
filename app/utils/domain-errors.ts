/**
 * What domain modules throw when a command cannot go ahead. They speak of the domain only (no
 * HTTP): routes turn them into responses in one place (`route-errors.server.ts`), jobs and
 * commands report them as they are.
 */

/** Things that can be missing; hidden and deleted things the viewer may not see are missing too. */
export type Missing = 'question' | 'answer' | 'article' | 'candidate' | 'user' | 'category' | 'page'

// The server bundle and the Remix build each carry their own copy of this module, so a class
// from one copy is not the class of the other: errors are recognised by this registered symbol,
// never by `instanceof`.
const BRAND = Symbol.for('tanya.domainError')

export type DomainErrorKind = 'not-found' | 'forbidden' | 'invalid' | 'conflict' | 'rate-limited'

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind
  readonly [BRAND] = true
}

/** Whether `error` is a domain error, whichever copy of this module made it. */
export function isDomainError(error: unknown): error is DomainError {
  return typeof error === 'object' && error !== null && BRAND in error
}

export class NotFound extends DomainError {
  readonly kind = 'not-found'
  constructor(readonly what: Missing) {
    super(`${what} not found`)
  }
}

/** `reason`, when given, is shown to the person: it says what would make the action possible. */
export class Forbidden extends DomainError {
  readonly kind = 'forbidden'
  constructor(
    readonly action: string,
    readonly reason?: string,
  ) {
    super(reason ?? `not allowed: ${action}`)
  }
}

/** Input that passed the form's own checks but not the domain's, per field. */
export class Invalid extends DomainError {
  readonly kind = 'invalid'
  constructor(readonly fieldErrors: Record<string, string>) {
    super(Object.values(fieldErrors).join(' '))
  }
}

/** The state moved on under the request (someone else decided first, a stale form). */
export class Conflict extends DomainError {
  readonly kind = 'conflict'
  constructor(readonly reason: string) {
    super(reason)
  }
}

export class RateLimited extends DomainError {
  readonly kind = 'rate-limited'
  constructor(
    readonly retryAfterSeconds: number,
    readonly reason?: string,
  ) {
    super(reason ?? `rate limited for ${retryAfterSeconds} s`)
  }
}
