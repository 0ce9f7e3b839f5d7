import type { ActionFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { requireUser } from '~/modules/auth/auth.server'
import { readForm } from '~/utils/form.server'
import { renderPreview } from '~/utils/preview.server'

export async function loader() {
  throw new Response('Not found', { status: 404 })
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request)
  const form = await readForm(request)
  const markdown = form.get('markdown')
  if (typeof markdown !== 'string') return json({ html: '' }, { status: 400 })
  return json({ html: renderPreview(markdown) })
}
