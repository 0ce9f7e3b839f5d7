import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FlaggedNotice } from '~/components/flags/flag-form'
import { KbThreadLinks } from '~/components/kb-thread-links'
import { FollowButton } from '~/components/mail/follow-button'
import { PrivateQuestionPanel } from '~/components/privacy/private-question-panel'
import { TemplateAnswerForm } from '~/components/templates/answer-templates'
import { ThreadAnswers } from '~/components/question/thread-answers'
import { CloseTools } from '~/components/question/close-tools'
import { ThreadModeration, THREAD_MODERATION_INTENTS } from '~/components/audit/thread-moderation'
import { AcknowledgedBanner, ThreadEscalationTools } from '~/components/desk/thread-escalation'
import { QuestionPost } from '~/components/question/question-post'
import { SimilarQuestions } from '~/components/similar-questions'
import { ThreadSupport } from '~/components/dashboard/thread-support'
import { getLanguage, getT } from '~/i18n/i18n.server'
import { msg } from '~/i18n/message'
import { getUser } from '~/modules/auth/auth.server'
import { getThreadEscalationView } from '~/modules/escalation/thread.server'
import { threadStaffIntent, THREAD_STAFF_INTENTS } from '~/modules/escalation/desk-validation'
import { getKbLinksForQuestion } from '~/modules/kb/promotion.server'
import { getMergeTarget } from '~/modules/moderation/merge.server'
import { getRemovals } from '~/modules/moderation/posts.server'
import { isFollowing } from '~/modules/notifications/follows.server'
import { markQuestionRead } from '~/modules/notifications/notifications.server'
import { atLeast, can, type Actor } from '~/modules/policy/policy'
import { getQuestionPage } from '~/modules/questions/questions.server'
import { getSimilarQuestions } from '~/modules/search/search.server'
import { settleSuggestion } from '~/modules/templates/autorespond.server'
import { getAnswerReplies } from '~/modules/templates/page.server'
import { getThreadSupportView } from '~/modules/surveys/surveys.server'
import { newSubmissionKey } from '~/modules/submissions/submissions.server'
import { NotFound } from '~/utils/domain-errors'
import { readForm } from '~/utils/form.server'
import { QUESTION_INTENTS, questionIntent } from '~/utils/question-intents'
import { actorOf, countView, handleQuestionIntent, hasRemovals } from '~/utils/question-page.server'
import { handleThreadStaffIntent } from '~/utils/staff-intents.server'
import { getThreadModerationView, moderateThread } from '~/utils/thread-moderation.server'
import { requireUser } from '~/utils/session.server'
import { slugify, threadPath } from '~/utils/slug'

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [{ title: data.title }, { name: 'description', content: data.description }]
    : [{ title: 'Tanya' }]

function parseId(raw: string | undefined) {
  const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).safeParse(raw)
  if (!id.success) throw new NotFound('question')
  return id.data
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await getUser(request)
  const id = parseId(params.questionId)
  await settleSuggestion(id)
  const page = getQuestionPage(id, user, await getLanguage(request))
  if (!page) throw new NotFound('question')
  const merged = page.question.mergedIntoId ? getMergeTarget(id, user) : null
  if (merged) throw redirect(threadPath(merged), 301)
  const canonical = slugify(page.question.title)
  if (params.slug !== canonical) throw redirect(`/questions/${id}/${canonical}`, 301)
  countView(page, user, request, context.clientIp as string)
  if (user) markQuestionRead(user.id, id)
  const viewer: Actor | null = user && actorOf(user)
  const t = await getT(request)
  const words = { title: page.question.title, category: page.category.name }
  return json({
    title: t('questions.page.meta', words),
    description: t('questions.page.description', words),
    page,
    viewer,
    kbLinks: getKbLinksForQuestion(id),
    similar: getSimilarQuestions(id),
    // Who removed what and why is for moderators; an author sees only that their post is hidden.
    removals: hasRemovals(page) && atLeast(user, 'moderator') ? getRemovals(id) : null,
    submissionKey: newSubmissionKey(),
    following: user ? isFollowing(user.id, { type: 'question', id }) : null,
    escalation: getThreadEscalationView(viewer, id, page.target),
    flagged: new URL(request.url).searchParams.has('flagged'),
    replies: getAnswerReplies(viewer, page, new URL(request.url).searchParams.get('template')),
    moderation: getThreadModerationView(user, page, await getLanguage(request)),
    support: getThreadSupportView(viewer, id, page.target, page.question.status),
  })
}

// The values of the form's `intent` field this action takes (the forged-request test posts each).
export const intents = [...QUESTION_INTENTS, ...THREAD_STAFF_INTENTS, ...THREAD_MODERATION_INTENTS]

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const id = parseId(params.questionId)
  const form = Object.fromEntries(await readForm(request))
  const here = `/questions/${id}/${params.slug ?? ''}`
  const staff = threadStaffIntent.safeParse(form)
  if (staff.success) return handleThreadStaffIntent(user, id, here, staff.data)
  const moderated = moderateThread(user, id, here, form)
  if (moderated) return moderated
  const parsed = questionIntent.safeParse(form)
  if (!parsed.success) throw new Response(msg('errors.unknownAction'), { status: 400 })
  return handleQuestionIntent(user, id, here, parsed.data, request.url)
}

export default function QuestionRoute() {
  const data = useLoaderData<typeof loader>()
  const { page, viewer, removals, escalation, following } = data
  const { question, answers, target } = page
  const path = threadPath(question)
  return (
    <article className="thread" aria-labelledby="question-title">
      <FlaggedNotice flagged={data.flagged} />
      <QuestionPost
        question={question}
        author={page.author}
        category={page.category}
        tags={page.tags}
        target={target}
        duplicateOf={page.duplicateOf}
        removal={removals?.question ?? null}
        viewer={viewer}
        path={path}
      />
      <AcknowledgedBanner view={escalation} />
      <PrivateQuestionPanel questionId={question.id} target={target} viewer={viewer} />
      {following !== null ? (
        <FollowButton type="question" id={question.id} following={following} returnTo={path} />
      ) : null}
      <KbThreadLinks links={data.kbLinks} />
      <CloseTools
        canClose={can(viewer, 'question.close', target)}
        canReopen={can(viewer, 'question.reopen', target)}
        path={path}
      />
      <ThreadEscalationTools view={escalation} path={path} title={question.title} />
      <ThreadModeration view={data.moderation} locked={Boolean(question.lockedAt)} path={path} />
      <ThreadAnswers
        answers={answers}
        removals={removals?.answers}
        suggestions={data.replies.suggestions}
        viewer={viewer}
        path={path}
        questionTarget={target}
      />

      <ThreadSupport view={data.support} />
      <TemplateAnswerForm
        replies={data.replies}
        canAnswer={can(viewer, 'answer.create', target)}
        signedIn={viewer !== null}
        path={path}
        closed={Boolean(question.closedReason || question.lockedAt || question.deletedAt)}
        submissionKey={data.submissionKey}
      />
      <SimilarQuestions questions={data.similar} />
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
