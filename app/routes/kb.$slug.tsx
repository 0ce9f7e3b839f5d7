import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { isbot } from 'isbot'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ArticleFeedback } from '~/components/kb/article-feedback'
import { ArticleHeader } from '~/components/kb/article-header'
import { getLanguage, getT } from '~/i18n/i18n.server'
import { msg } from '~/i18n/message'
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
  FEEDBACK_STEPS,
  feedbackReasonSchema,
  KB_SLUG_PATTERN,
} from '~/modules/kb/validation'
import { fieldErrorsOf } from '~/modules/questions/validation'
import { NotFound } from '~/utils/domain-errors'
import { readForm } from '~/utils/form.server'
import { invalid } from '~/utils/http.server'
import { ensureVisitorId, readVisitorId } from '~/utils/visitor.server'
import { threadPath } from '~/utils/slug'
import kbStyles from '~/styles/kb.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: kbStyles }]

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [{ title: data.title }, { name: 'description', content: data.page.article.summary }]
    : [{ title: 'Tanya' }]

async function findArticle(request: Request, slug: string | undefined) {
  const user = await getUser(request)
  if (!slug || !KB_SLUG_PATTERN.test(slug)) throw new NotFound('article')
  const page = getArticlePage(slug, user, await getLanguage(request))
  if (!page) throw new NotFound('article')
  return { user, page }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, page } = await findArticle(request, params.slug)
  const agent = request.headers.get('user-agent') ?? ''
  const published = page.article.status === 'published'
  if (published && !isbot(agent)) {
    const viewer = user ? `u${user.id}` : `ip:${context.clientIp}:${agent.slice(0, 80)}`
    if (recordArticleView(page.article.id, viewer)) page.article.viewCount++
  }
  const voterKey = feedbackVoterKey(user?.id ?? null, await readVisitorId(request))
  const step = FEEDBACK_STEPS.find((s) => s === new URL(request.url).searchParams.get('feedback'))
  const t = await getT(request)
  return json({
    title: t('kb.meta.article', { title: page.article.title }),
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
  const { user, page } = await findArticle(request, params.slug)
  if (page.article.status !== 'published') throw new NotFound('article')
  const here = `/kb/${page.article.slug}`
  const parsed = actionSchema.safeParse(Object.fromEntries(await readForm(request)))
  if (!parsed.success) throw new Response(msg('errors.unknownAction'), { status: 400 })
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

export default function ArticlePage() {
  const { page, feedback, step } = useLoaderData<typeof loader>()
  const { article, category, sources, canManage } = page
  const { t } = useTranslation()
  return (
    <article className="kb-article" aria-labelledby="article-title">
      <ArticleHeader article={article} category={category} canManage={canManage} />

      {/* Cooked by the sanitizing markdown renderer when the article was saved. */}
      <div
        className="prose kb-body"
        lang={article.language}
        dangerouslySetInnerHTML={{ __html: article.bodyHtml }}
      />

      {article.tags.length > 0 ? (
        <ul className="kb-tags" aria-label={t('kb.article.tags')}>
          {article.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      ) : null}

      {sources.length > 0 ? (
        <section className="kb-section" aria-labelledby="sources-title">
          <h2 id="sources-title">{t('kb.article.sources')}</h2>
          <ul className="kb-sources">
            {sources.map((s) => (
              <li key={s.id}>
                <Link to={threadPath(s)} lang={s.language}>
                  {s.title}
                </Link>
                {s.hidden ? <span className="muted"> {t('kb.article.hiddenSource')}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {article.status === 'published' ? (
        <ArticleFeedback slug={article.slug} feedback={feedback} step={step} />
      ) : null}
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
