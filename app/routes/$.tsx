import { GeneralErrorBoundary } from '~/components/error-boundary'

// Any address no other route claims is a real 404 with the site around it.
export async function loader() {
  throw new Response('Not found', { status: 404 })
}

export default function NotFound() {
  return null
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
