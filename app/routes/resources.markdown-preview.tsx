import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { getT } from '~/i18n/i18n.server'
import { requireUser } from '~/utils/session.server'
import { readForm } from '~/utils/form.server'
import { renderPreview } from '~/utils/preview.server'

// Only for the editors' preview (POST); the address itself is no page.
export async function loader({ request }: LoaderFunctionArgs) {
  throw new Response((await getT(request))('errors.notFound.page'), { status: 404 })
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request)
  const form = await readForm(request)
  const markdown = form.get('markdown')
  if (typeof markdown !== 'string') return json({ html: '' }, { status: 400 })
  return json({ html: await renderPreview(markdown) })
}
