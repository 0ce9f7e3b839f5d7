import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'

const MESSAGES: Record<number, { title: string; text: string }> = {
  400: {
    title: 'That request did not make sense',
    text: 'Please check what you sent and try again.',
  },
  403: {
    title: 'You are not allowed to do that',
    text: 'Your account does not have permission for this action. If you think it should, ask a moderator.',
  },
  404: {
    title: 'We could not find that page',
    text: 'It may have been moved or removed, or the address may be mistyped.',
  },
  415: {
    title: 'That was not sent from our form',
    text: 'Please go back to the page, fill in the form there and send it again.',
  },
  429: {
    title: 'Slow down a little',
    text: 'Too many requests in a short time. Please wait and try again.',
  },
}

/** Expected failures show their own message; anything else is a 500 without internals. */
export function GeneralErrorBoundary() {
  const error = useRouteError()
  let status = 500
  let detail: string | null = null
  if (isRouteErrorResponse(error)) {
    status = error.status
    if (typeof error.data === 'string' && error.data.length < 200) detail = error.data
  }
  const known = MESSAGES[status] ?? {
    title: 'Something went wrong on our side',
    text: 'The error has been logged. Please try again in a moment.',
  }
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-code">{status}</p>
      <h1 id="error-title">{known.title}</h1>
      <p>{status !== 500 && detail ? detail : known.text}</p>
      <p>
        <Link to="/">Go to the home page</Link> or <Link to="/questions">browse questions</Link>.
      </p>
    </section>
  )
}
