import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { RelativeTime } from '~/components/time'
import { requireUser } from '~/utils/session.server'
import { listDueForReview, markArticleReviewed } from '~/modules/kb/kb.server'
import { can } from '~/modules/policy/policy'
import { readForm } from '~/utils/form.server'
import { forbidden } from '~/utils/http.server'
import kbStyles from '~/styles/kb.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: kbStyles }]

export const meta: MetaFunction = () => [{ title: 'Due for review · Knowledge base · Tanya' }]

async function guard(request: Request) {
  const user = await requireUser(request)
  if (!can(user, 'kb.manage', null)) forbidden()
  return user
}

export async function loader({ request }: LoaderFunctionArgs) {
  await guard(request)
  return json({ due: listDueForReview() })
}

const actionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('reviewed'), articleId: z.coerce.number().int().positive() }),
])

// The values of the form's `intent` field this action takes (the forged-request test posts each).
export const intents = actionSchema.options.map((o) => o.shape.intent.value)

export async function action({ request }: ActionFunctionArgs) {
  const user = await guard(request)
  const parsed = actionSchema.safeParse(Object.fromEntries(await readForm(request)))
  if (!parsed.success) throw new Response('Unknown action', { status: 400 })
  markArticleReviewed(user, parsed.data.articleId)
  return redirect('/kb/review?reviewed=1')
}

export default function ReviewList() {
  const { due } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  return (
    <div>
      <p>
        <Link to="/kb">← Knowledge base</Link>
      </p>
      <div className="page-heading">
        <div>
          <h1>Due for review</h1>
          <p className="lead">
            Published articles whose review date has passed, longest overdue first. Edit what has
            changed, or confirm that an article is still right.
          </p>
        </div>
      </div>
      {params.get('reviewed') ? (
        <p className="notice" role="status">
          Marked as reviewed. The next review is due in six months.
        </p>
      ) : null}
      {due.length === 0 ? (
        <div className="empty-state">
          <h2>Nothing is due</h2>
          <p>Every published article has been reviewed on time.</p>
        </div>
      ) : (
        <table className="kb-review-table">
          <caption className="visually-hidden">Articles due for review</caption>
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col">Due</th>
              <th scope="col">Helpful</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {due.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link to={`/kb/${a.slug}`}>{a.title}</Link>
                  <div className="muted">
                    {a.category ?? 'No category'}
                    {a.origin === 'content' ? ' · shipped content' : ''}
                  </div>
                </td>
                <td>{a.reviewDueAt ? <RelativeTime value={a.reviewDueAt} /> : null}</td>
                <td>
                  {a.helpfulYes + a.helpfulNo > 0
                    ? `${a.helpfulYes} yes · ${a.helpfulNo} no`
                    : 'No answers yet'}
                </td>
                <td>
                  <div className="kb-review-actions">
                    <Link to={`/kb/${a.slug}/edit`}>Edit</Link>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="articleId" value={a.id} />
                      <button
                        type="submit"
                        name="intent"
                        value="reviewed"
                        className="button button-small button-secondary"
                      >
                        Mark as reviewed<span className="visually-hidden">: {a.title}</span>
                      </button>
                    </Form>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
