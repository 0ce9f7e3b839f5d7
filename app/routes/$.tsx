import { GeneralErrorBoundary } from '~/components/error-boundary'

// Any address no other route claims is a real 404 with the site around it. No detail: the
// error page's own words (moved, removed or mistyped) say more than "page not found".
export async function loader() {
  throw new Response(null, { status: 404, statusText: 'Not Found' })
}

export default function NotFound() {
  return null
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
