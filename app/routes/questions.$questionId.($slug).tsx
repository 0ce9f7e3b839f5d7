import type {
  ActionFunctionArgs,
  LoaderFunctionArgs,
  MetaFunction,
  SerializeFrom,
} from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import {
  Form,
  Link,
  useActionData,
  useFetcher,
  useLoaderData,
  useNavigation,
} from '@remix-run/react'
import { isbot } from 'isbot'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormError, TextField } from '~/components/forms'
import { KbThreadLinks } from '~/components/kb-thread-links'
import { SimilarQuestions } from '~/components/similar-questions'
import { MarkdownEditor } from '~/components/markdown-editor'
import { Byline, StatusBadge, TagList } from '~/components/post-meta'
import { RelativeTime } from '~/components/time'
import { VoteControl } from '~/components/vote-control'
import {
  acceptAnswer,
  createAnswer,
  deleteAnswer,
  unacceptAnswer,
} from '~/modules/answers/answers.server'
import { getUser, requireUser } from '~/modules/auth/auth.server'
import { closeAsDuplicate, reopenQuestion } from '~/modules/questions/closing.server'
import { getKbLinksForQuestion } from '~/modules/kb/promotion.server'
import { getSimilarQuestions } from '~/modules/search/search.server'
import { answerTargetOn, can, type Actor, type QuestionTarget } from '~/modules/policy/policy'
import { deleteQuestion, getQuestionPage, recordView } from '~/modules/questions/questions.server'
import { answerSchema, fieldErrorsOf } from '~/modules/questions/validation'
import { castVote } from '~/modules/votes/votes.server'
import { readForm } from '~/utils/form.server'
import { invalid, notFound } from '~/utils/http.server'
import { renderPreview } from '~/utils/preview.server'
import { slugify } from '~/utils/slug'

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.page.question.title} · Tanya` },
        { name: 'description', content: `${data.page.category.name}: ${data.page.question.title}` },
      ]
    : [{ title: 'Question not found · Tanya' }]

const idParam = z.coerce.number().int().positive()

function parseId(raw: string | undefined) {
  const id = idParam.safeParse(raw)
  if (!id.success) notFound('Question not found')
  return id.data
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await getUser(request)
  const id = parseId(params.questionId)
  const page = getQuestionPage(id, user)
  if (!page) notFound('Question not found')
  const canonical = slugify(page.question.title)
  if (params.slug !== canonical) throw redirect(`/questions/${id}/${canonical}`, 301)
  const agent = request.headers.get('user-agent') ?? ''
  if (!isbot(agent) && user?.id !== page.author.id) {
    const viewer = user ? `u${user.id}` : `ip:${context.clientIp}:${agent.slice(0, 80)}`
    if (recordView(id, viewer)) page.question.viewCount++
  }
  const viewer: Actor | null = user && { id: user.id, role: user.role, reputation: user.reputation }
  return json({
    page,
    viewer,
    kbLinks: getKbLinksForQuestion(id),
    similar: getSimilarQuestions(id),
  })
}

const actionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('answer'), body: z.string() }),
  z.object({ intent: z.literal('preview'), body: z.string() }),
  z.object({
    intent: z.literal('vote'),
    postType: z.enum(['question', 'answer']),
    postId: z.coerce.number().int().positive(),
    value: z.coerce.number().int().min(-1).max(1),
  }),
  z.object({ intent: z.literal('accept'), answerId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal('unaccept'), answerId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal('delete-question') }),
  z.object({ intent: z.literal('close-duplicate'), original: z.string().max(300) }),
  z.object({ intent: z.literal('reopen') }),
  z.object({ intent: z.literal('delete-answer'), answerId: z.coerce.number().int().positive() }),
])

// The values of the form's `intent` field this action takes (the forged-request test posts each).
export const intents = actionSchema.options.map((o) => o.shape.intent.value)

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const id = parseId(params.questionId)
  const here = `/questions/${id}/${params.slug ?? ''}`
  const parsed = actionSchema.safeParse(Object.fromEntries(await readForm(request)))
  if (!parsed.success) throw new Response('Unknown action', { status: 400 })
  const input = parsed.data
  switch (input.intent) {
    case 'preview':
      return json({
        ok: false as const,
        fieldErrors: {},
        values: { body: input.body },
        preview: renderPreview(input.body),
      })
    case 'answer': {
      const answer = answerSchema.safeParse({ body: input.body })
      if (!answer.success) return invalid(fieldErrorsOf(answer.error), { body: input.body })
      const answerId = createAnswer(user, id, answer.data.body)
      return redirect(`${here}#answer-${answerId}`)
    }
    case 'vote':
      castVote(user, input.postType, input.postId, input.value as -1 | 0 | 1)
      return redirect(here)
    case 'accept':
      acceptAnswer(user, input.answerId)
      return redirect(`${here}#answer-${input.answerId}`)
    case 'unaccept':
      unacceptAnswer(user, input.answerId)
      return redirect(`${here}#answer-${input.answerId}`)
    case 'delete-question':
      deleteQuestion(user, id)
      return redirect('/questions?deleted=1')
    case 'close-duplicate': {
      const closed = closeAsDuplicate(user, id, input.original)
      if (!closed.ok) return invalid({ original: closed.message }, { original: input.original })
      return redirect(here)
    }
    case 'reopen':
      reopenQuestion(user, id)
      return redirect(here)
    case 'delete-answer':
      deleteAnswer(user, input.answerId)
      return redirect(`${here}#answers`)
  }
}

export default function QuestionRoute() {
  const { page, viewer, kbLinks, similar } = useLoaderData<typeof loader>()
  const { question, author, category, tags, answers, target, duplicateOf } = page
  const path = `/questions/${question.id}/${slugify(question.title)}`
  return (
    <article className="thread" aria-labelledby="question-title">
      <header className="thread-header">
        <h1 id="question-title">{question.title}</h1>
        <p className="thread-meta">
          <StatusBadge status={question.status} closedReason={question.closedReason} />
          <span>
            Asked <RelativeTime value={question.createdAt} />
          </span>
          <span>
            Active <RelativeTime value={question.lastActivityAt} />
          </span>
          <span>
            Viewed {question.viewCount.toLocaleString('en')}{' '}
            {question.viewCount === 1 ? 'time' : 'times'}
          </span>
          <span>
            in <Link to={`/questions?category=${category.slug}`}>{category.name}</Link>
          </span>
        </p>
      </header>

      {duplicateOf ? (
        <aside className="notice" role="note">
          <strong>This question has been answered before.</strong> See{' '}
          <Link to={`/questions/${duplicateOf.id}/${slugify(duplicateOf.title)}`}>
            {duplicateOf.title}
          </Link>
          .
        </aside>
      ) : question.closedReason ? (
        <aside className="notice" role="note">
          This question is closed and does not take new answers.
        </aside>
      ) : null}
      <KbThreadLinks links={kbLinks} />
      {question.hiddenAt ? (
        <aside className="notice notice-warning" role="note">
          This question is hidden from the public.
        </aside>
      ) : null}

      <section className="post" aria-label="Question">
        <VoteControl
          postType="question"
          postId={question.id}
          score={question.score}
          myVote={question.myVote}
          canVote={can(viewer, 'question.vote', target)}
        />
        <div className="post-main">
          <div className="prose" dangerouslySetInnerHTML={{ __html: question.bodyHtml }} />
          <TagList tags={tags} />
          <div className="post-footer">
            <PostActions
              editHref={
                can(viewer, 'question.edit', target) ? `/questions/${question.id}/edit` : null
              }
              historyHref={`/questions/${question.id}/revisions`}
              edited={question.updatedAt !== question.createdAt}
              deleteIntent={
                can(viewer, 'question.delete', target) ? { intent: 'delete-question' } : null
              }
              what="question"
            />
            <Byline verb="asked" at={question.createdAt} person={author} />
          </div>
        </div>
      </section>

      <CloseTools
        canClose={can(viewer, 'question.close', target)}
        canReopen={can(viewer, 'question.reopen', target)}
        path={path}
      />

      <section id="answers" aria-labelledby="answers-title" className="answers">
        <h2 id="answers-title">
          {answers.length === 0
            ? 'No answers yet'
            : `${answers.length} ${answers.length === 1 ? 'answer' : 'answers'}`}
        </h2>
        {answers.length === 0 ? (
          <p className="empty">Nobody has answered yet. If you know the answer, share it below.</p>
        ) : (
          <ol className="answer-list">
            {answers.map((answer) => (
              <AnswerItem
                key={answer.id}
                answer={answer}
                viewer={viewer}
                path={path}
                questionTarget={target}
              />
            ))}
          </ol>
        )}
      </section>

      <AnswerForm
        canAnswer={can(viewer, 'answer.create', target)}
        signedIn={viewer !== null}
        path={path}
        closed={Boolean(question.closedReason || question.lockedAt)}
      />
      <SimilarQuestions questions={similar} />
    </article>
  )
}

type AnswerView = SerializeFrom<typeof loader>['page']['answers'][number]

function AnswerItem({
  answer,
  viewer,
  path,
  questionTarget,
}: {
  answer: AnswerView
  viewer: Actor | null
  path: string
  questionTarget: QuestionTarget
}) {
  const acceptFetcher = useFetcher()
  const target = answerTargetOn(questionTarget, answer)
  const canAccept = can(viewer, 'answer.accept', target)
  return (
    <li
      id={`answer-${answer.id}`}
      className={`post answer${answer.isAccepted ? ' accepted' : ''}`}
      aria-label={answer.isAccepted ? 'Accepted answer' : 'Answer'}
    >
      <div className="post-side">
        <VoteControl
          postType="answer"
          postId={answer.id}
          score={answer.score}
          myVote={answer.myVote}
          canVote={can(viewer, 'answer.vote', target)}
        />
        {answer.isAccepted ? (
          <span className="accepted-mark" title="Accepted by the asker">
            ✓<span className="visually-hidden">Accepted answer</span>
          </span>
        ) : null}
      </div>
      <div className="post-main">
        {answer.isAccepted ? <p className="accepted-label">Accepted answer</p> : null}
        {answer.hiddenAt ? (
          <p className="notice notice-warning">This answer is hidden from the public.</p>
        ) : null}
        <div className="prose" dangerouslySetInnerHTML={{ __html: answer.bodyHtml }} />
        <div className="post-footer">
          <div className="post-actions">
            <PostActions
              editHref={can(viewer, 'answer.edit', target) ? `/answers/${answer.id}/edit` : null}
              historyHref={`/answers/${answer.id}/revisions`}
              edited={answer.updatedAt !== answer.createdAt}
              deleteIntent={
                can(viewer, 'answer.delete', target)
                  ? { intent: 'delete-answer', answerId: answer.id }
                  : null
              }
              what="answer"
            />
            {canAccept ? (
              <acceptFetcher.Form method="post" action={path} preventScrollReset>
                <input type="hidden" name="answerId" value={answer.id} />
                <button
                  type="submit"
                  name="intent"
                  value={answer.isAccepted ? 'unaccept' : 'accept'}
                  className={
                    answer.isAccepted
                      ? 'button button-secondary button-small'
                      : 'button button-small'
                  }
                  disabled={acceptFetcher.state !== 'idle'}
                >
                  {answer.isAccepted ? 'Undo accept' : 'Accept this answer'}
                </button>
              </acceptFetcher.Form>
            ) : null}
          </div>
          <Byline verb="answered" at={answer.createdAt} person={answer.author} />
        </div>
      </div>
    </li>
  )
}

function PostActions({
  editHref,
  historyHref,
  edited,
  deleteIntent,
  what,
}: {
  editHref: string | null
  historyHref: string
  edited: boolean
  deleteIntent: Record<string, string | number> | null
  what: string
}) {
  return (
    <div className="post-links">
      {editHref ? <Link to={editHref}>Edit</Link> : null}
      {edited ? <Link to={historyHref}>History</Link> : null}
      {deleteIntent ? (
        <Form method="post" className="inline-form" preventScrollReset>
          {Object.entries(deleteIntent).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <button type="submit" className="link-button danger" aria-label={`Delete this ${what}`}>
            Delete
          </button>
        </Form>
      ) : null}
    </div>
  )
}

function CloseTools({
  canClose,
  canReopen,
  path,
}: {
  canClose: boolean
  canReopen: boolean
  path: string
}) {
  const data = useActionData<typeof action>()
  const errors: Record<string, string | undefined> = data?.fieldErrors ?? {}
  const typed = data?.values && 'original' in data.values ? String(data.values.original) : ''
  if (canReopen)
    return (
      <Form method="post" action={path} className="close-tools">
        <button
          type="submit"
          name="intent"
          value="reopen"
          className="button button-secondary button-small"
        >
          Reopen this question
        </button>
      </Form>
    )
  if (!canClose) return null
  return (
    <details className="close-tools" open={Boolean(errors.original)}>
      <summary>Close as duplicate…</summary>
      <Form method="post" action={path} className="stack" noValidate>
        <TextField
          label="Original question"
          name="original"
          hint="The number or the link of the question this one repeats. The asker is notified."
          defaultValue={typed}
          error={errors.original}
          maxLength={300}
          required
        />
        <div className="form-actions">
          <button
            type="submit"
            name="intent"
            value="close-duplicate"
            className="button button-small"
          >
            Close as duplicate
          </button>
        </div>
      </Form>
    </details>
  )
}

function AnswerForm({
  canAnswer,
  signedIn,
  path,
  closed,
}: {
  canAnswer: boolean
  signedIn: boolean
  path: string
  closed: boolean
}) {
  const data = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'answer'
  if (closed) return null
  if (!signedIn)
    return (
      <p className="answer-cta">
        <Link to={`/login?redirectTo=${encodeURIComponent(path)}`}>Log in</Link> or{' '}
        <Link to={`/signup?redirectTo=${encodeURIComponent(path)}`}>sign up</Link> to answer.
      </p>
    )
  if (!canAnswer) return null
  const fieldErrors: Record<string, string | undefined> = data?.fieldErrors ?? {}
  return (
    <section aria-labelledby="your-answer" className="answer-form">
      <h2 id="your-answer">Your answer</h2>
      <Form method="post" action={`${path}#your-answer`} className="stack" noValidate>
        <FormError message={fieldErrors.form} />
        <MarkdownEditor
          name="body"
          label="Answer"
          defaultValue={data?.values && 'body' in data.values ? data.values.body : ''}
          error={fieldErrors.body}
          serverPreview={data && 'preview' in data ? data.preview : null}
          rows={8}
        />
        <div className="form-actions">
          <button type="submit" name="intent" value="answer" className="button" disabled={busy}>
            {busy ? 'Posting…' : 'Post your answer'}
          </button>
        </div>
      </Form>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
