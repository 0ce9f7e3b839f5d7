import {
  and,
  asc,
  count,
  desc,
  eq,
  exists,
  inArray,
  isNull,
  max,
  or,
  sql,
  type SQL,
} from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import {
  answers,
  categories,
  questionTags,
  questions,
  revisions,
  tags,
  users,
  votes,
  type PostType,
  type Question,
  type QuestionVisibility,
} from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { db, write, type Tx } from '../../utils/db.server'
import { Forbidden, NotFound } from '../../utils/domain-errors'
import { msg } from '../../i18n/message'
import { singleton } from '../../utils/singleton.server'
import { createViewDeduper } from '../../utils/view-dedupe.server'
import { cookMarkdown } from '../../utils/markdown.server'
import { markdownToText } from '../../utils/markdown-text.server'
import type { Language } from '../../i18n/config'
import { findCategoryId } from '../categories/categories.server'
import { localizeCategory } from '../categories/localize'
import { emit } from '../events/events.server'
import { resolveLanguage } from '../search/detect-language.server'
import { syncQuestionSearch } from '../search/thread-index.server'
import { atLeast, can, type Actor, type QuestionTarget } from '../policy/policy'
import { listed, visibleToMember } from '../policy/visibility.server'
import { getPublishConsent } from '../privacy/consent.server'
import { once } from '../submissions/submissions.server'
import {
  authorOf,
  checkNewAccountLimits,
  checkPostContent,
  holdPostIn,
  screenEdit,
  screenPost,
} from '../trust/spam.server'
import { answersClosedFor } from '../surveys/settings.server'
import { resolveTags, setQuestionTags, tagsByQuestion } from './tags.server'
import type { ListFilters, QuestionInput } from './validation'

export const PAGE_SIZE = 20
/** Characters of a question's opening read for its excerpt in lists. */
const EXCERPT_SOURCE = 600
const EXCERPT_LENGTH = 200

const authorColumns = {
  id: users.id,
  handle: users.handle,
  displayName: users.displayName,
  role: users.role,
  reputation: users.reputation,
  avatarColour: users.avatarColour,
}

export type QuestionListItem = Awaited<ReturnType<typeof listQuestions>>['items'][number]

/** A page of the question list; each question's category is named in `language`. */
export function listQuestions(filters: ListFilters, language: Language) {
  const where: (SQL | undefined)[] = [listed(questions)]
  // Closed questions take no answers, so they are never "waiting" in any status.
  if (filters.status === 'open')
    where.push(eq(questions.status, 'open'), isNull(questions.closedAt))
  else if (filters.status) where.push(eq(questions.status, filters.status))
  if (filters.category) where.push(eq(categories.slug, filters.category))
  if (filters.tag)
    where.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(questionTags)
          .innerJoin(tags, eq(tags.id, questionTags.tagId))
          .where(and(eq(questionTags.questionId, questions.id), eq(tags.name, filters.tag))),
      ),
    )
  const condition = and(...where)
  const order =
    filters.sort === 'active'
      ? [desc(questions.lastActivityAt)]
      : filters.sort === 'votes'
        ? [desc(questions.score), desc(questions.createdAt)]
        : [desc(questions.createdAt)]

  const total =
    db
      .select({ n: count() })
      .from(questions)
      .innerJoin(categories, eq(categories.id, questions.categoryId))
      .where(condition)
      .get()?.n ?? 0
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE))
  const page = Math.min(filters.page, pageCount)
  const rows = db
    .select({
      id: questions.id,
      title: questions.title,
      language: questions.language,
      status: questions.status,
      closedReason: questions.closedReason,
      score: questions.score,
      answerCount: questions.answerCount,
      viewCount: questions.viewCount,
      createdAt: questions.createdAt,
      lastActivityAt: questions.lastActivityAt,
      opening: sql<string>`substr(${questions.bodyMd}, 1, ${EXCERPT_SOURCE})`,
      category: {
        slug: categories.slug,
        name: categories.name,
        translations: categories.translations,
      },
      author: { handle: users.handle, displayName: users.displayName },
    })
    .from(questions)
    .innerJoin(categories, eq(categories.id, questions.categoryId))
    .innerJoin(users, eq(users.id, questions.authorId))
    .where(condition)
    .orderBy(...order, desc(questions.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .all()
  const tagMap = tagsByQuestion(rows.map((r) => r.id))
  return {
    items: rows.map(({ opening, category, ...r }) => ({
      ...r,
      category: localizeCategory(category, language),
      excerpt: markdownToText(opening, EXCERPT_LENGTH),
      tags: tagMap.get(r.id) ?? [],
    })),
    total,
    page,
    pageCount,
  }
}

export function questionTarget(
  q: Pick<
    Question,
    'authorId' | 'hiddenAt' | 'deletedAt' | 'closedAt' | 'lockedAt' | 'visibility'
  > &
    Partial<Pick<Question, 'status' | 'solvedAt'>>,
  othersAnswerCount = 0,
  publishConsent = false,
): QuestionTarget {
  return {
    answersClosed: answersClosedFor(q),
    authorId: q.authorId,
    hiddenAt: q.hiddenAt,
    deletedAt: q.deletedAt,
    closedAt: q.closedAt,
    lockedAt: q.lockedAt,
    visibility: q.visibility,
    othersAnswerCount,
    publishConsent,
  }
}

/** The raw question row when `actor` may see it; hidden and deleted ones are simply absent. */
export function getVisibleQuestion(id: number, actor: Actor | null): Question | null {
  const q = db.select().from(questions).where(eq(questions.id, id)).get()
  if (!q || !can(actor, 'question.view', questionTarget(q))) return null
  return q
}

// The question page is the hottest read: its statements are built and compiled once per
// process and reused, which takes about half of the loader's time away.
// Prepared on first use, not at import: the server imports modules before it migrates.
const pageStatements = () =>
  singleton('questionPageStatements', () => {
    const duplicate = alias(questions, 'duplicate_of')
    const id = sql.placeholder('id')
    const viewerId = sql.placeholder('viewerId')
    const answersQuery = (visibility: SQL | undefined) =>
      db
        .select({
          id: answers.id,
          bodyHtml: answers.bodyHtml,
          language: answers.language,
          score: answers.score,
          hiddenAt: answers.hiddenAt,
          heldAt: answers.heldAt,
          deletedAt: answers.deletedAt,
          createdAt: answers.createdAt,
          updatedAt: answers.updatedAt,
          author: authorColumns,
        })
        .from(answers)
        .innerJoin(users, eq(users.id, answers.authorId))
        .where(and(eq(answers.questionId, id), visibility))
        .orderBy(
          desc(
            sql`${answers.id} = coalesce((select accepted_answer_id from questions where id = ${id}), -1)`,
          ),
          desc(answers.score),
          asc(answers.createdAt),
        )
        .prepare()
    return {
      question: db
        .select({
          question: questions,
          author: authorColumns,
          category: {
            slug: categories.slug,
            name: categories.name,
            translations: categories.translations,
          },
          // The original is named only while anyone may see it.
          duplicateOf: { id: duplicate.id, title: duplicate.title },
        })
        .from(questions)
        .innerJoin(users, eq(users.id, questions.authorId))
        .innerJoin(categories, eq(categories.id, questions.categoryId))
        .leftJoin(duplicate, and(eq(duplicate.id, questions.duplicateOfId), listed(duplicate)))
        .where(eq(questions.id, id))
        .prepare(),
      answersForModerators: answersQuery(undefined),
      answersForOthers: answersQuery(visibleToMember(answers, viewerId)),
      tags: db
        .select({ name: tags.name })
        .from(questionTags)
        .innerJoin(tags, eq(tags.id, questionTags.tagId))
        .where(eq(questionTags.questionId, id))
        .orderBy(asc(tags.name))
        .prepare(),
      myVotes: db
        .select({ postType: votes.postType, postId: votes.postId, value: votes.value })
        .from(votes)
        .where(
          and(
            eq(votes.userId, viewerId),
            or(
              and(eq(votes.postType, 'question'), eq(votes.postId, id)),
              and(
                eq(votes.postType, 'answer'),
                inArray(
                  votes.postId,
                  db.select({ id: answers.id }).from(answers).where(eq(answers.questionId, id)),
                ),
              ),
            ),
          ),
        )
        .prepare(),
    }
  })

/**
 * Everything the question page shows, in a fixed number of queries whatever the number of
 * answers: question, tags, answers with authors, and the viewer's own votes. Moderators also
 * get the deleted answers, marked, so they can restore them. The category is named in `language`.
 */
export function getQuestionPage(id: number, viewer: Actor | null, language: Language) {
  const row = pageStatements().question.get({ id })
  if (!row || !can(viewer, 'question.view', questionTarget(row.question))) return null
  const q = row.question
  const answerRows = atLeast(viewer, 'moderator')
    ? pageStatements().answersForModerators.all({ id })
    : pageStatements().answersForOthers.all({ id, viewerId: viewer?.id ?? -1 })

  const myVotes = new Map<string, number>()
  if (viewer)
    for (const v of pageStatements().myVotes.all({ id, viewerId: viewer.id }))
      myVotes.set(`${v.postType}:${v.postId}`, v.value)

  const othersAnswerCount = answerRows.filter(
    (a) => a.author.id !== q.authorId && !a.deletedAt,
  ).length
  return {
    question: {
      id: q.id,
      title: q.title,
      bodyHtml: q.bodyHtml,
      language: q.language,
      status: q.status,
      closedReason: q.closedReason,
      closedAt: q.closedAt,
      lockedAt: q.lockedAt,
      hiddenAt: q.hiddenAt,
      heldAt: q.heldAt,
      deletedAt: q.deletedAt,
      score: q.score,
      viewCount: q.viewCount,
      answerCount: q.answerCount,
      acceptedAnswerId: q.acceptedAnswerId,
      createdAt: q.createdAt,
      updatedAt: q.updatedAt,
      lastActivityAt: q.lastActivityAt,
      visibility: q.visibility,
      // merged into another: the page redirects there (see moderation/merge.server.ts)
      mergedIntoId: q.mergedIntoId,
      myVote: myVotes.get(`question:${q.id}`) ?? 0,
    },
    author: row.author,
    category: localizeCategory(row.category, language),
    duplicateOf: row.duplicateOf?.id ? row.duplicateOf : null,
    tags: pageStatements()
      .tags.all({ id })
      .map((t) => t.name),
    // The policy target of the question; each answer's target is this plus its own fields.
    target: questionTarget(
      q,
      othersAnswerCount,
      q.visibility === 'private' && getPublishConsent(q.id) !== null,
    ),
    answers: answerRows.map((a) => ({
      ...a,
      isAccepted: a.id === q.acceptedAnswerId,
      myVote: myVotes.get(`answer:${a.id}`) ?? 0,
    })),
  }
}

export type QuestionPage = NonNullable<ReturnType<typeof getQuestionPage>>

export type CommandResult =
  { ok: true; id: number } | { ok: false; fieldErrors: Record<string, string> }

type ResolvedForm =
  | { ok: true; categoryId: number; tagIds: number[] }
  | { ok: false; fieldErrors: Record<string, string> }

/** Category and tags of a question form, resolved inside the transaction, or what is wrong. */
function resolveForm(tx: Tx, actor: Actor, input: QuestionInput): ResolvedForm {
  const categoryId = findCategoryId(tx, input.category)
  if (categoryId === null)
    return { ok: false, fieldErrors: { category: msg('questions.validation.chooseCategory') } }
  const resolved = resolveTags(tx, actor, input.tags)
  if (!resolved.ok) return { ok: false, fieldErrors: { tags: resolved.message } }
  return { ok: true, categoryId, tagIds: resolved.tagIds }
}

/**
 * Asks a question. `submissionKey` is the form's one-time key: sending the same form twice
 * asks once and returns the same question.
 */
export async function createQuestion(
  actor: Actor,
  input: QuestionInput & { visibility?: QuestionVisibility },
  submissionKey?: string | null,
): Promise<CommandResult> {
  if (!can(actor, 'question.create', null)) throw new Forbidden('question.create')
  const cooked = await cookMarkdown(input.body)
  return write((tx): CommandResult => {
    const form = resolveForm(tx, actor, input)
    if (!form.ok) return form
    const { id } = once(tx, submissionKey, actor.id, 'question', () => {
      // New-account limits refuse it; the spam rules may hold it for a moderator.
      const author = authorOf(tx, actor)
      const text = `${input.title}\n${input.body}`
      checkNewAccountLimits(tx, author, 'question', text)
      const screening = screenPost(tx, author, text, input.body)
      const q = tx
        .insert(questions)
        .values({
          authorId: actor.id,
          categoryId: form.categoryId,
          title: input.title,
          bodyMd: input.body,
          bodyHtml: cooked.html,
          cookedVersion: cooked.version,
          language: resolveLanguage(input.language, `${input.title}\n${input.body}`),
          visibility: input.visibility ?? 'public',
        })
        .returning({ id: questions.id })
        .get()
      setQuestionTags(tx, q.id, form.tagIds)
      addRevision(tx, 'question', q.id, actor.id, {
        title: input.title,
        tags: input.tags.join(' '),
        bodyMd: input.body,
      })
      if (screening.held)
        holdPostIn(tx, actor, { type: 'question', id: q.id, questionId: q.id }, screening)
      else {
        emit(tx, { type: 'question.created', actor, questionId: q.id })
        syncQuestionSearch(tx, q.id)
      }
      return q.id
    })
    return { ok: true, id }
  })
}

export async function updateQuestion(
  actor: Actor,
  id: number,
  input: QuestionInput & { comment?: string },
): Promise<CommandResult> {
  const current = getVisibleQuestion(id, actor)
  if (!current) throw new NotFound('question')
  if (!can(actor, 'question.edit', questionTarget(current))) throw new Forbidden('question.edit')
  const cooked = await cookMarkdown(input.body)
  return write((tx): CommandResult => {
    const form = resolveForm(tx, actor, input)
    if (!form.ok) return form
    // An edit passes the gates a new post does: too many links or images refuse it, and the
    // content rules may hold it for a moderator (see trust/spam.server.ts).
    const before = tx
      .select({ title: questions.title, bodyMd: questions.bodyMd })
      .from(questions)
      .where(eq(questions.id, id))
      .get()
    const author = authorOf(tx, actor)
    const text = `${input.title}\n${input.body}`
    checkPostContent(tx, author, text)
    const screening = screenEdit(author, before ? `${before.title}\n${before.bodyMd}` : '', text)
    const at = now()
    tx.update(questions)
      .set({
        title: input.title,
        bodyMd: input.body,
        bodyHtml: cooked.html,
        cookedVersion: cooked.version,
        language: resolveLanguage(input.language, `${input.title}\n${input.body}`),
        categoryId: form.categoryId,
        updatedAt: at,
        lastActivityAt: at,
      })
      .where(eq(questions.id, id))
      .run()
    setQuestionTags(tx, id, form.tagIds)
    addRevision(tx, 'question', id, actor.id, {
      title: input.title,
      tags: input.tags.join(' '),
      bodyMd: input.body,
      comment: input.comment ?? '',
    })
    emit(tx, { type: 'question.edited', actor, questionId: id })
    if (form.categoryId !== current.categoryId)
      emit(tx, {
        type: 'question.recategorised',
        actor,
        questionId: id,
        data: { from: current.categoryId, to: form.categoryId },
      })
    if (screening.held) holdPostIn(tx, actor, { type: 'question', id, questionId: id }, screening)
    syncQuestionSearch(tx, id)
    if (current.duplicateOfId !== null) syncQuestionSearch(tx, current.duplicateOfId)
    return { ok: true, id }
  })
}

export function addRevision(
  tx: Tx,
  postType: PostType,
  postId: number,
  authorId: number,
  content: { title?: string; tags?: string; bodyMd: string; comment?: string },
) {
  const last =
    tx
      .select({ n: max(revisions.number) })
      .from(revisions)
      .where(and(eq(revisions.postType, postType), eq(revisions.postId, postId)))
      .get()?.n ?? 0
  tx.insert(revisions)
    .values({
      postType,
      postId,
      number: last + 1,
      authorId,
      title: content.title ?? null,
      tags: content.tags ?? null,
      bodyMd: content.bodyMd,
      comment: content.comment ?? '',
    })
    .run()
}

/** A post's revisions, oldest first, with who made each. */
export function listRevisions(postType: PostType, postId: number) {
  return db
    .select({
      number: revisions.number,
      title: revisions.title,
      tags: revisions.tags,
      bodyMd: revisions.bodyMd,
      comment: revisions.comment,
      createdAt: revisions.createdAt,
      author: { handle: users.handle, displayName: users.displayName },
    })
    .from(revisions)
    .innerJoin(users, eq(users.id, revisions.authorId))
    .where(and(eq(revisions.postType, postType), eq(revisions.postId, postId)))
    .orderBy(asc(revisions.number))
    .all()
}

/** The edit form's starting values. */
export function getQuestionForEdit(id: number, actor: Actor) {
  const q = getVisibleQuestion(id, actor)
  if (!q) return null
  const category = db
    .select({ slug: categories.slug })
    .from(categories)
    .where(eq(categories.id, q.categoryId))
    .get()
  return {
    question: q,
    values: {
      title: q.title,
      body: q.bodyMd,
      category: category?.slug ?? '',
      tags: (tagsByQuestion([id]).get(id) ?? []).join(' '),
      language: q.language,
    },
  }
}

// Each visitor counts once per question per hour.
const isNewView = createViewDeduper()

export function recordView(questionId: number, viewerKey: string) {
  if (!isNewView(viewerKey, questionId)) return false
  write(
    (tx) =>
      tx
        .update(questions)
        .set({ viewCount: sql`${questions.viewCount} + 1` })
        .where(eq(questions.id, questionId))
        .run(),
    { pagesUnchanged: true },
  )
  return true
}
