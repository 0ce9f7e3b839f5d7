import { msg } from '../i18n/message'

/** The two encodings an HTML form is sent in; anything else is not one of our forms. */
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data'])

/** The media type of a Content-Type header, without its parameters, lower-cased. */
export function mediaType(contentType: string | null) {
  return contentType?.split(';')[0]?.trim().toLowerCase() ?? ''
}

/**
 * Reads a form post. A body in another format (JSON, XML, plain text, none at all) is answered
 * 415, a form body that cannot be parsed (a broken multipart boundary) 400; both as a thrown
 * Response, so the route's error boundary shows its normal page instead of a 500.
 */
export async function readForm(request: Request): Promise<FormData> {
  if (!FORM_TYPES.has(mediaType(request.headers.get('content-type'))))
    throw new Response(msg('errors.notAForm'), {
      status: 415,
      statusText: 'Unsupported Media Type',
    })
  try {
    return await request.formData()
  } catch {
    throw new Response(msg('errors.unreadableForm'), {
      status: 400,
      statusText: 'Bad Request',
    })
  }
}
