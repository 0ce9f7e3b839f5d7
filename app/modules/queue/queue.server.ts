/**
 * The helpers' queue: "needs an answer" in the tags and categories a helper follows. A question
 * is in it while it needs attention (`attention_since`, kept by the escalation module) and is
 * listed to anyone (never private, hidden or deleted), oldest wait first, with how long it has
 * waited and how long until its response target passes.
 */
import {
  and,
  asc,
  count,
  eq,
  exists,
  inArray,
  isNotNull,
  isNull,
  ne,
  or,
  sql,
  type SQL,
} from 'drizzle-orm'
import {
  categories,
  escalations,
  follows,
  questionTags,
  questions,
  tags,
  users,
} from '../../../db/schema'
import type { Language } from '../../i18n/config'
import { now } from '../../utils/clock.server'
import { db } from '../../utils/db.server'
import { Forbidden } from '../../utils/domain-errors'
import { localizeCategory } from '../categories/localize'
import { can, type Actor } from '../policy/policy'
import { listed } from '../policy/visibility.server'
import { tagsByQuestion } from '../questions/tags.server'
import type { QueueFilters } from './validation'

export const QUEUE_PAGE_SIZE = 20

/** The tags and categories `userId` follows, named for the filters. */
function followedBy(userId: number, language: Language) {
  const followedCategories = db
    .select({
      id: categories.id,
      slug: categories.slug,
      name: categories.name,
      description: categories.description,
      translations: categories.translations,
    })
    .from(follows)
    .innerJoin(categories, eq(categories.id, follows.targetId))
    .where(and(eq(follows.userId, userId), eq(follows.targetType, 'category')))
    .orderBy(asc(categories.position), asc(categories.name))
    .all()
    .map((c) => localizeCategory(c, language))
  const followedTags = db
    .select({ id: tags.id, name: tags.name })
    .from(follows)
    .innerJoin(tags, eq(tags.id, follows.targetId))
    .where(and(eq(follows.userId, userId), eq(follows.targetType, 'tag')))
    .orderBy(asc(tags.name))
    .all()
  return { categories: followedCategories, tags: followedTags }
}

/** Questions carrying one of `tagIds`. */
const taggedWith = (tagIds: number[]) =>
  exists(
    db
      .select({ one: sql`1` })
      .from(questionTags)
      .where(and(eq(questionTags.questionId, questions.id), inArray(questionTags.tagId, tagIds))),
  )

export type QueueItem = ReturnType<typeof listQueue>['items'][number]

/**
 * One page of the queue of `viewer`, narrowed to one followed category and/or tag. A filter
 * naming something the helper does not follow is dropped and reported in `rejected`.
 */
export function listQueue(viewer: Actor, filters: QueueFilters, language: Language) {
  if (!can(viewer, 'queue.view', null)) throw new Forbidden('queue.view')
  const followed = followedBy(viewer.id, language)
  const rejected: ('category' | 'tag')[] = []
  const category = filters.category
    ? followed.categories.find((c) => c.slug === filters.category)
    : undefined
  if (filters.category && !category) rejected.push('category')
  const tag = filters.tag ? followed.tags.find((t) => t.name === filters.tag) : undefined
  if (filters.tag && !tag) rejected.push('tag')
  const empty = { items: [], total: 0, page: 1, pageCount: 1, followed, rejected }
  if (followed.categories.length === 0 && followed.tags.length === 0) return empty

  const scope: (SQL | undefined)[] = []
  if (category) scope.push(eq(questions.categoryId, category.id))
  if (tag) scope.push(taggedWith([tag.id]))
  if (!category && !tag)
    scope.push(
      or(
        followed.categories.length
          ? inArray(
              questions.categoryId,
              followed.categories.map((c) => c.id),
            )
          : undefined,
        followed.tags.length ? taggedWith(followed.tags.map((t) => t.id)) : undefined,
      ),
    )
  const where = and(
    listed(questions),
    isNotNull(questions.attentionSince),
    // Kept by the escalation module; said again so a stale row can never show a finished thread.
    ne(questions.status, 'solved'),
    isNull(questions.closedAt),
    ...scope,
  )
  const total = db.select({ n: count() }).from(questions).where(where).get()?.n ?? 0
  const pageCount = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE))
  const page = Math.min(filters.page, pageCount)
  const rows = db
    .select({
      id: questions.id,
      title: questions.title,
      language: questions.language,
      status: questions.status,
      answerCount: questions.answerCount,
      createdAt: questions.createdAt,
      attentionSince: questions.attentionSince,
      slaDueAt: questions.slaDueAt,
      escalated: sql<boolean>`exists (select 1 from ${escalations} e
        where e.question_id = ${questions.id} and e.resolved_at is null)`.mapWith(Boolean),
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
    .where(where)
    .orderBy(asc(questions.attentionSince), asc(questions.id))
    .limit(QUEUE_PAGE_SIZE)
    .offset((page - 1) * QUEUE_PAGE_SIZE)
    .all()
  const at = now().getTime()
  const tagMap = tagsByQuestion(rows.map((r) => r.id))
  return {
    items: rows.map(({ category: c, attentionSince, slaDueAt, escalated, ...r }) => ({
      ...r,
      category: localizeCategory(c, language),
      tags: tagMap.get(r.id) ?? [],
      waitedMs: Math.max(0, at - attentionSince!.getTime()),
      /** Until its target passes; null without a target. */
      dueInMs: slaDueAt ? slaDueAt.getTime() - at : null,
      timing: escalated
        ? ('escalated' as const)
        : slaDueAt && slaDueAt.getTime() <= at
          ? ('overdue' as const)
          : slaDueAt
            ? ('due' as const)
            : ('no-target' as const),
    })),
    total,
    page,
    pageCount,
    followed,
    rejected,
  }
}
