import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
  SerializeFrom,
} from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { isbot } from 'isbot'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Field } from '~/components/forms'
import { getUser } from '~/modules/auth/auth.server'
import {
  feedbackVoterKey,
  getArticlePage,
  getFeedback,
  recordArticleView,
  submitFeedback,
} from '~/modules/kb/kb.server'
import {
  FEEDBACK_COMMENT_MAX,
  FEEDBACK_REASONS,
  feedbackReasonSchema,
  KB_SLUG_PATTERN,
} from '~/modules/kb/validation'
import { fieldErrorsOf } from '~/modules/questions/validation'
import { NotFound } from '~/utils/domain-errors'
import { readForm } from '~/utils/form.server'
import { invalid } from '~/utils/http.server'
import { ensureVisitorId, readVisitorId } from '~/utils/visitor.server'
import { slugify } from '~/utils/slug'
import kbStyles from '~/styles/kb.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: kbStyles }]

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.page.article.title} · Knowledge base · Tanya` },
        { name: 'description', content: data.page.article.summary },
      ]
    : [{ title: 'Article not found · Tanya' }]

// After "Yes"/"No" the page asks why; "change" offers Yes/No again.
const FEEDBACK_STEPS = ['more', 'change'] as const

function findArticle(slug: string | undefined, user: Awaited<ReturnType<typeof getUser>>) {
  if (!slug || !KB_SLUG_PATTERN.test(slug)) throw new NotFound('article')
  const page = getArticlePage(slug, user)
  if (!page) throw new NotFound('article')
  return page
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await getUser(request)
  const page = findArticle(params.slug, user)
  const agent = request.headers.get('user-agent') ?? ''
  const published = page.article.status === 'published'
  if (published && !isbot(agent)) {
    const viewer = user ? `u${user.id}` : `ip:${context.clientIp}:${agent.slice(0, 80)}`
    if (recordArticleView(page.article.id, viewer)) page.article.viewCount++
  }
  const voterKey = feedbackVoterKey(user?.id ?? null, await readVisitorId(request))
  const step = FEEDBACK_STEPS.find((s) => s === new URL(request.url).searchParams.get('feedback'))
  return json({
    page,
    feedback: published && voterKey ? getFeedback(page.article.id, voterKey) : null,
    step: step ?? null,
  })
}

const actionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('helpful'), helpful: z.enum(['yes', 'no']) }),
  z.object({
    intent: z.literal('reason'),
    helpful: z.enum(['yes', 'no']),
    reason: z.string().max(40).default(''),
    comment: z
      .string()
      .max(FEEDBACK_COMMENT_MAX * 2)
      .default(''),
  }),
])

// The values of the form's `intent` field this action takes (the forged-request test posts each).
export const intents = actionSchema.options.map((o) => o.shape.intent.value)

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await getUser(request)
  const page = findArticle(params.slug, user)
  if (page.article.status !== 'published') throw new NotFound('article')
  const here = `/kb/${page.article.slug}`
  const parsed = actionSchema.safeParse(Object.fromEntries(await readForm(request)))
  if (!parsed.success) throw new Response('Unknown action', { status: 400 })
  const input = parsed.data
  // A visitor's answer is theirs by their own cookie, set with their first answer.
  const visitor = user ? null : await ensureVisitorId(request)
  const voter = {
    user,
    key: feedbackVoterKey(user?.id ?? null, visitor?.id ?? null)!,
    clientIp: context.clientIp,
  }
  const headers = visitor?.setCookie ? { 'Set-Cookie': visitor.setCookie } : undefined

  if (input.intent === 'helpful') {
    submitFeedback(voter, page.article.id, input.helpful === 'yes')
    return redirect(`${here}?feedback=more#feedback`, { headers })
  }
  const values = { reason: input.reason, comment: input.comment }
  const reason = feedbackReasonSchema.safeParse(values)
  if (!reason.success) return invalid(fieldErrorsOf(reason.error), values, 400, headers)
  const result = submitFeedback(
    voter,
    page.article.id,
    input.helpful === 'yes',
    reason.data.reason,
    reason.data.comment,
  )
  if (!result.ok) return invalid(result.fieldErrors, values, 400, headers)
  return redirect(`${here}#feedback`, { headers })
}

const longDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' })

function DateText({ value }: { value: string }) {
  const date = new Date(value)
  return <time dateTime={date.toISOString()}>{longDate.format(date)}</time>
}

export default function ArticlePage() {
  const { page, feedback, step } = useLoaderData<typeof loader>()
  const { article, category, sources, canManage } = page
  const votes = article.helpfulYes + article.helpfulNo
  return (
    <article className="kb-article" aria-labelledby="article-title">
      <nav aria-label="Breadcrumbs" className="breadcrumbs">
        <ol>
          <li>
            <Link to="/kb">Knowledge base</Link>
          </li>
          {category ? (
            <li>
              <Link to={`/kb#kb-cat-${category.slug}`}>{category.name}</Link>
            </li>
          ) : null}
        </ol>
      </nav>
      {article.status !== 'published' ? (
        <aside className="notice notice-warning" role="note">
          {article.status === 'draft'
            ? 'This article is a draft. Only moderators and staff can see it.'
            : 'This article is archived. Only moderators and staff can see it.'}
        </aside>
      ) : null}
      <header className="kb-article-header">
        <h1 id="article-title">{article.title}</h1>
        <p className="kb-summary">{article.summary}</p>
        <p className="kb-meta">
          <span>
            Updated <DateText value={article.updatedAt} />
          </span>
          <span>
            {article.viewCount.toLocaleString('en')} {article.viewCount === 1 ? 'view' : 'views'}
          </span>
          {article.solvedCount > 0 ? (
            <span className="kb-solved">
              Solved {article.solvedCount} {article.solvedCount === 1 ? 'question' : 'questions'}
            </span>
          ) : null}
          {votes > 0 ? (
            <span>
              {article.helpfulYes} of {votes} found this helpful
            </span>
          ) : null}
          {canManage ? null : <Link to={`/kb/${article.slug}/revisions`}>History</Link>}
        </p>
        {canManage ? (
          <p className="kb-meta">
            <Link to={`/kb/${article.slug}/edit`}>Edit</Link>
            <Link to={`/kb/${article.slug}/revisions`}>History</Link>
            {article.reviewDueAt ? (
              <span>
                Review due <DateText value={article.reviewDueAt} />
              </span>
            ) : null}
          </p>
        ) : null}
      </header>

      {/* Cooked by the sanitizing markdown renderer when the article was saved. */}
      <div className="prose kb-body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />

      {article.tags.length > 0 ? (
        <ul className="kb-tags" aria-label="Tags">
          {article.tags.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      ) : null}

      {sources.length > 0 ? (
        <section className="kb-section" aria-labelledby="sources-title">
          <h2 id="sources-title">Written from these community threads</h2>
          <ul className="kb-sources">
            {sources.map((s) => (
              <li key={s.id}>
                <Link to={`/questions/${s.id}/${slugify(s.title)}`}>{s.title}</Link>
                {s.hidden ? <span className="muted"> (hidden from the public)</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {article.status === 'published' ? (
        <Feedback slug={article.slug} feedback={feedback} step={step} />
      ) : null}
    </article>
  )
}

type FeedbackView = SerializeFrom<typeof loader>['feedback']

function Feedback({
  slug,
  feedback,
  step,
}: {
  slug: string
  feedback: FeedbackView
  step: (typeof FEEDBACK_STEPS)[number] | null
}) {
  const data = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const here = `/kb/${slug}`

  if (!feedback || step === 'change')
    return (
      <section id="feedback" className="kb-feedback" aria-label="Feedback">
        <Form method="post" action={here} preventScrollReset>
          <input type="hidden" name="intent" value="helpful" />
          <fieldset>
            <legend>Was this helpful?</legend>
            <div className="kb-choices">
              <button type="submit" name="helpful" value="yes" className="button" disabled={busy}>
                Yes
              </button>
              <button
                type="submit"
                name="helpful"
                value="no"
                className="button button-secondary"
                disabled={busy}
              >
                No
              </button>
            </div>
          </fieldset>
        </Form>
      </section>
    )

  const answer = feedback.helpful ? 'yes' : 'no'
  if ((step === 'more' || data) && !feedback.reason) {
    const errors: Record<string, string | undefined> = data?.fieldErrors ?? {}
    const question = feedback.helpful ? 'What helped most?' : 'What went wrong?'
    return (
      <section id="feedback" className="kb-feedback" aria-label="Feedback">
        <p role="status">Thanks! One more question, if you have a moment.</p>
        <Form method="post" action={here} preventScrollReset noValidate>
          <input type="hidden" name="intent" value="reason" />
          <input type="hidden" name="helpful" value={answer} />
          <fieldset aria-describedby={errors.reason ? 'reason-error' : undefined}>
            <legend>{question}</legend>
            <div className="kb-radios">
              {FEEDBACK_REASONS[answer].map((r) => (
                <label key={r.value}>
                  <input
                    type="radio"
                    name="reason"
                    value={r.value}
                    defaultChecked={data?.values.reason === r.value}
                    aria-invalid={errors.reason ? true : undefined}
                  />
                  {r.label}
                </label>
              ))}
            </div>
            {errors.reason ? (
              <p className="field-error" id="reason-error" role="alert">
                {errors.reason}
              </p>
            ) : null}
          </fieldset>
          <Field
            label="Anything else? (optional)"
            error={errors.comment}
            hint={`Up to ${FEEDBACK_COMMENT_MAX} characters. Please don't include order numbers or personal details.`}
          >
            {({ id, describedBy, invalid }) => (
              <textarea
                id={id}
                name="comment"
                rows={3}
                maxLength={FEEDBACK_COMMENT_MAX}
                defaultValue={data?.values.comment ?? ''}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
              />
            )}
          </Field>
          <div className="form-actions kb-section">
            <button type="submit" className="button" disabled={busy}>
              Send
            </button>
            <Link to={`${here}#feedback`} preventScrollReset>
              Skip
            </Link>
          </div>
        </Form>
      </section>
    )
  }

  return (
    <section id="feedback" className="kb-feedback" aria-label="Feedback">
      <p role="status">
        <strong>Thanks for your feedback.</strong>{' '}
        {feedback.helpful
          ? 'You said this article was helpful.'
          : 'You said this article was not helpful. We use that to improve it.'}
      </p>
      <p>
        <Link to={`${here}?feedback=change#feedback`} preventScrollReset>
          Change your answer
        </Link>
      </p>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
