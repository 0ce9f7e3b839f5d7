import { json } from '@remix-run/node'
import { msg } from '../i18n/message'

// The default texts are message descriptors: the error page shows them in the reader's language.

/** Hidden, deleted and unknown things all look the same from outside: not found. */
export function notFound(message = msg('errors.notFound.page')): never {
  throw new Response(message, { status: 404, statusText: 'Not Found' })
}

export function forbidden(message = msg('errors.forbidden')): never {
  throw new Response(message, { status: 403, statusText: 'Forbidden' })
}

export type FieldErrors = Partial<Record<string, string>>

/** A form that did not pass: the messages per field and what the person typed, to show again. */
export function invalid<V extends Record<string, string>>(
  fieldErrors: FieldErrors,
  values: V,
  status = 400,
  headers?: HeadersInit,
) {
  return json({ ok: false as const, fieldErrors, values }, { status, headers })
}

export function formValues<K extends string>(
  form: FormData,
  names: readonly K[],
): Record<K, string> {
  const values = {} as Record<K, string>
  for (const name of names) {
    const v = form.get(name)
    values[name] = typeof v === 'string' ? v : ''
  }
  return values
}

/** Only same-site paths may be redirect targets, so `?redirectTo=` cannot send people away. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/') {
  // Browsers drop tabs and newlines and read \\ as /, which can turn /x into //evil.example.
  // eslint-disable-next-line no-control-regex
  if (typeof to !== 'string' || !to.startsWith('/') || /[\s\\\u0000-\u001f]/.test(to))
    return fallback
  // Resolve it the way a browser would; anything that leaves our origin is refused.
  const base = 'http://tanya.invalid'
  const url = new URL(to, base)
  if (url.origin !== base) return fallback
  return `${url.pathname}${url.search}${url.hash}`
}

/**
 * Where an edit page goes after saving when the review queue opened it (`?from=review`): back to
 * the queue; null otherwise. A fixed path, so the parameter can send nobody elsewhere.
 */
export function fromReview(request: Request): string | null {
  return new URL(request.url).searchParams.get('from') === 'review' ? '/review?done=edited' : null
}
