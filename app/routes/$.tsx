import { GeneralErrorBoundary } from '~/components/error-boundary'
import { msg } from '~/i18n/message'

// Any address no other route claims is a real 404 with the site around it.
export async function loader() {
  throw new Response(msg('errors.notFound.page'), { status: 404 })
}

export default function NotFound() {
  return null
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
