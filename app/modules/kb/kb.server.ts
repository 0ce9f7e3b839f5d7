/**
 * Knowledge-base articles: the KB home, the article page, writing and editing articles in the
 * app, views, "was this helpful?" and the review list. Shipped articles arrive through
 * content.server.ts, promoted ones through promotion.server.ts; all three write revisions here.
 */
import { createHash } from 'node:crypto'
import { and, asc, desc, eq, lte, max, sql } from 'drizzle-orm'
import {
  categories,
  kbArticles,
  type KbOrigin,
  type KbStatus,
  kbFeedback,
  kbRevisions,
  kbSources,
  questions,
  users,
} from '../../../db/schema'
import type { Language } from '../../i18n/config'
import { msg } from '../../i18n/message'
import { now } from '../../utils/clock.server'
import { db, write, type Tx } from '../../utils/db.server'
import { diffText } from '../questions/history.server'
import { createViewDeduper } from '../../utils/view-dedupe.server'
import { Forbidden, NotFound, RateLimited } from '../../utils/domain-errors'
import { cookMarkdown, MARKDOWN_RENDERER_VERSION } from '../../utils/markdown.server'
import { slugify } from '../../utils/slug'
import { hitRateLimit } from '../auth/rate-limit.server'
import { emit, type EventActor } from '../events/events.server'
import { findCategoryId, listCategories } from '../categories/categories.server'
import { localizeCategory } from '../categories/localize'
import { can, type Actor } from '../policy/policy'
import { once } from '../submissions/submissions.server'
import { questionTarget } from '../questions/questions.server'
import { scheduleKbIndexRebuild } from '../search/kb-index.server'
import { detectLanguage, resolveLanguage } from '../search/detect-language.server'
import type { PostLanguage } from '../search/languages'
import {
  KB_SLUG_MAX,
  RESERVED_KB_SLUGS,
  REVIEW_EVERY_DAYS,
  reasonFits,
  type ArticleInput,
  type FeedbackReason,
} from './validation'

export const DAY_MS = 24 * 60 * 60_000

export type KbCommandResult =
  { ok: true; id: number; slug: string } | { ok: false; fieldErrors: Record<string, string> }

/** Tags are stored space-separated on the article; articles are few, a join table buys nothing. */
export function articleTags(stored: string): string[] {
  return stored.split(' ').filter(Boolean)
}

export function reviewDueFrom(from: Date, days = REVIEW_EVERY_DAYS): Date {
  return new Date(from.getTime() + days * DAY_MS)
}

/** A free URL for a new article: the title's slug, then -2, -3… when taken or reserved. */
export function uniqueArticleSlug(tx: Tx, title: string): string {
  const base = slugify(title, KB_SLUG_MAX - 4)
  const taken = new Set(
    tx
      .select({ slug: kbArticles.slug })
      .from(kbArticles)
      .where(sql`${kbArticles.slug} = ${base} or ${kbArticles.slug} like ${`${base}-%`}`)
      .all()
      .map((r) => r.slug),
  )
  const reserved = new Set<string>(RESERVED_KB_SLUGS)
  if (!taken.has(base) && !reserved.has(base)) return base
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`
}

export function addArticleRevision(
  tx: Tx,
  articleId: number,
  authorId: number | null,
  content: { title: string; summary: string; bodyMd: string; tags: string; comment?: string },
): number {
  const last =
    tx
      .select({ n: max(kbRevisions.number) })
      .from(kbRevisions)
      .where(eq(kbRevisions.articleId, articleId))
      .get()?.n ?? 0
  tx.insert(kbRevisions)
    .values({ articleId, number: last + 1, authorId, comment: '', ...content })
    .run()
  return last + 1
}

export type NewArticle = {
  slug: string
  title: string
  summary: string
  bodyMd: string
  bodyHtml: string
  /** The renderer that cooked `bodyHtml` (NOT_COOKED when it is the plain text); the current one when left out. */
  cookedVersion?: number
  /** Shipped articles may name a category that does not exist (yet): they wait without one. */
  categoryId: number | null
  tags: string[]
  status: KbStatus
  origin: KbOrigin
  reviewDueAt: Date
  contentHash?: string
  updatedAt?: Date
  /** The first revision's note: where the article came from. */
  comment: string
  /** The language it is written in; detected from its text when not given. */
  language?: PostLanguage
}

/**
 * Inside a transaction: a new article with its first revision and its events (created, and
 * published when it is). Articles written in the app, promoted from a thread and shipped as
 * files all start here.
 */
export function insertArticle(tx: Tx, actor: EventActor, a: NewArticle): number {
  const at = now()
  const tags = a.tags.join(' ')
  const published = a.status === 'published'
  const row = tx
    .insert(kbArticles)
    .values({
      slug: a.slug,
      title: a.title,
      summary: a.summary,
      bodyMd: a.bodyMd,
      bodyHtml: a.bodyHtml,
      cookedVersion: a.cookedVersion ?? MARKDOWN_RENDERER_VERSION,
      language: a.language ?? detectLanguage(`${a.title}\n${a.summary}\n${a.bodyMd}`),
      categoryId: a.categoryId,
      tags,
      status: a.status,
      origin: a.origin,
      contentHash: a.contentHash ?? null,
      reviewDueAt: a.reviewDueAt,
      createdById: actor?.id ?? null,
      updatedAt: a.updatedAt ?? at,
      publishedAt: published ? at : null,
    })
    .returning({ id: kbArticles.id })
    .get()
  addArticleRevision(tx, row.id, actor?.id ?? null, {
    title: a.title,
    summary: a.summary,
    bodyMd: a.bodyMd,
    tags,
    comment: a.comment,
  })
  const data = { slug: a.slug, origin: a.origin }
  emit(tx, { type: 'kb.article_created', actor, articleId: row.id, data })
  if (published) emit(tx, { type: 'kb.article_published', actor, articleId: row.id, data })
  return row.id
}

const canManage = (actor: Actor | null) => can(actor, 'kb.manage', null)

const articleLanguage = (input: ArticleInput) =>
  resolveLanguage(input.language, `${input.title}\n${input.summary}\n${input.body}`)

/**
 * Published articles grouped by category in the categories' own order (named and described in
 * `language`), plus the most read.
 */
export function listKbHome(language: Language) {
  const rows = db
    .select({
      id: kbArticles.id,
      slug: kbArticles.slug,
      title: kbArticles.title,
      summary: kbArticles.summary,
      language: kbArticles.language,
      updatedAt: kbArticles.updatedAt,
      viewCount: kbArticles.viewCount,
      solvedCount: kbArticles.solvedCount,
      categorySlug: categories.slug,
    })
    .from(kbArticles)
    .leftJoin(categories, eq(categories.id, kbArticles.categoryId))
    .where(eq(kbArticles.status, 'published'))
    .orderBy(asc(kbArticles.title))
    .all()
  const groups = listCategories(language).map((c) => ({
    category: c,
    articles: rows.filter((r) => r.categorySlug === c.slug),
  }))
  const known = new Set(groups.map((g) => g.category.slug))
  const other = rows.filter((r) => r.categorySlug === null || !known.has(r.categorySlug))
  if (other.length > 0)
    groups.push({
      category: { slug: 'other', name: msg('kb.home.otherTopics'), description: '' },
      articles: other,
    })
  const mostRead = rows
    .filter((r) => r.viewCount > 0)
    .sort((a, b) => b.viewCount - a.viewCount || a.title.localeCompare(b.title))
    .slice(0, 5)
  return {
    groups: groups.filter((g) => g.articles.length > 0),
    mostRead,
    total: rows.length,
  }
}

/**
 * The article as `viewer` may see it: drafts and archived articles exist only for those who
 * manage the KB. Source threads the viewer may not see (hidden, deleted) are left out. The
 * category is named in `language`.
 */
export function getArticlePage(slug: string, viewer: Actor | null, language: Language) {
  const row = db
    .select({
      article: kbArticles,
      category: {
        slug: categories.slug,
        name: categories.name,
        translations: categories.translations,
      },
    })
    .from(kbArticles)
    .leftJoin(categories, eq(categories.id, kbArticles.categoryId))
    .where(eq(kbArticles.slug, slug))
    .get()
  if (!row) return null
  const manager = canManage(viewer)
  const a = row.article
  if (a.status !== 'published' && !manager) return null

  const sources = db
    .select({
      id: questions.id,
      title: questions.title,
      language: questions.language,
      authorId: questions.authorId,
      hiddenAt: questions.hiddenAt,
      deletedAt: questions.deletedAt,
      closedAt: questions.closedAt,
      lockedAt: questions.lockedAt,
      visibility: questions.visibility,
    })
    .from(kbSources)
    .innerJoin(questions, eq(questions.id, kbSources.questionId))
    .where(eq(kbSources.articleId, a.id))
    .orderBy(asc(questions.id))
    .all()
    .filter((q) => can(viewer, 'question.view', questionTarget(q)))
    .map((q) => ({
      id: q.id,
      title: q.title,
      language: q.language,
      hidden: Boolean(q.hiddenAt || q.deletedAt),
    }))

  return {
    article: {
      id: a.id,
      slug: a.slug,
      title: a.title,
      summary: a.summary,
      bodyHtml: a.bodyHtml,
      language: a.language,
      status: a.status,
      origin: a.origin,
      tags: articleTags(a.tags),
      viewCount: a.viewCount,
      helpfulYes: a.helpfulYes,
      helpfulNo: a.helpfulNo,
      solvedCount: a.solvedCount,
      updatedAt: a.updatedAt,
      publishedAt: a.publishedAt,
      // Only those who review articles need to know when the next review is due.
      reviewDueAt: manager ? a.reviewDueAt : null,
    },
    category: row.category?.slug ? localizeCategory(row.category, language) : null,
    sources,
    canManage: manager,
  }
}
export type ArticlePage = NonNullable<ReturnType<typeof getArticlePage>>

/** The editor's starting values, for those who manage the KB. */
export function getArticleForEdit(slug: string, actor: Actor) {
  if (!canManage(actor)) return null
  const row = db
    .select({ article: kbArticles, categorySlug: categories.slug })
    .from(kbArticles)
    .leftJoin(categories, eq(categories.id, kbArticles.categoryId))
    .where(eq(kbArticles.slug, slug))
    .get()
  if (!row) return null
  const a = row.article
  return {
    id: a.id,
    slug: a.slug,
    origin: a.origin,
    values: {
      title: a.title,
      summary: a.summary,
      body: a.bodyMd,
      category: row.categorySlug ?? '',
      tags: articleTags(a.tags).join(' '),
      status: a.status,
      language: a.language,
    },
  }
}

export async function createArticle(
  actor: Actor,
  input: ArticleInput,
  submissionKey?: string | null,
): Promise<KbCommandResult> {
  if (!canManage(actor)) throw new Forbidden('kb.manage')
  const cooked = await cookMarkdown(input.body)
  const result = write((tx): KbCommandResult => {
    const categoryId = findCategoryId(tx, input.category)
    if (categoryId === null)
      return { ok: false, fieldErrors: { category: msg('kb.validation.chooseCategory') } }
    const { id } = once(tx, submissionKey, actor.id, 'article', () =>
      insertArticle(tx, actor, {
        slug: uniqueArticleSlug(tx, input.title),
        title: input.title,
        summary: input.summary,
        bodyMd: input.body,
        bodyHtml: cooked.html,
        cookedVersion: cooked.version,
        categoryId,
        tags: input.tags,
        status: input.status,
        origin: 'app',
        reviewDueAt: reviewDueFrom(now()),
        comment: input.comment,
        language: articleLanguage(input),
      }),
    )
    const slug = tx
      .select({ slug: kbArticles.slug })
      .from(kbArticles)
      .where(eq(kbArticles.id, id))
      .get()!.slug
    return { ok: true, id, slug }
  })
  if (result.ok && input.status === 'published') void scheduleKbIndexRebuild()
  return result
}

/**
 * Saves a new version: a revision every time, the body re-cooked, the review clock restarted
 * (an edit is a review). The slug never changes, so links to the article keep working.
 */
export async function updateArticle(
  actor: Actor,
  id: number,
  input: ArticleInput,
): Promise<KbCommandResult> {
  if (!canManage(actor)) throw new Forbidden('kb.manage')
  const current = db.select().from(kbArticles).where(eq(kbArticles.id, id)).get()
  if (!current) throw new NotFound('article')
  const cooked = await cookMarkdown(input.body)
  const result = write((tx): KbCommandResult => {
    const categoryId = findCategoryId(tx, input.category)
    if (categoryId === null)
      return { ok: false, fieldErrors: { category: msg('kb.validation.chooseCategory') } }
    const at = now()
    const tags = input.tags.join(' ')
    const firstPublish = input.status === 'published' && current.publishedAt === null
    tx.update(kbArticles)
      .set({
        title: input.title,
        summary: input.summary,
        bodyMd: input.body,
        bodyHtml: cooked.html,
        cookedVersion: cooked.version,
        language: articleLanguage(input),
        categoryId,
        tags,
        status: input.status,
        updatedAt: at,
        reviewDueAt: reviewDueFrom(at),
        ...(firstPublish ? { publishedAt: at } : {}),
      })
      .where(eq(kbArticles.id, id))
      .run()
    const number = addArticleRevision(tx, id, actor.id, {
      title: input.title,
      summary: input.summary,
      bodyMd: input.body,
      tags,
      comment: input.comment,
    })
    const data = { slug: current.slug, revision: number, status: input.status }
    emit(tx, { type: 'kb.article_edited', actor, articleId: id, data })
    if (firstPublish) emit(tx, { type: 'kb.article_published', actor, articleId: id, data })
    if (input.status === 'archived' && current.status !== 'archived')
      emit(tx, { type: 'kb.article_archived', actor, articleId: id, data })
    return { ok: true, id, slug: current.slug }
  })
  if (result.ok && (current.status === 'published' || input.status === 'published'))
    void scheduleKbIndexRebuild()
  return result
}

/** Confirms an article is still right without changing it: the next review moves on. */
export function markArticleReviewed(actor: Actor, id: number) {
  if (!canManage(actor)) throw new Forbidden('kb.manage')
  const current = db
    .select({ slug: kbArticles.slug })
    .from(kbArticles)
    .where(eq(kbArticles.id, id))
    .get()
  if (!current) throw new NotFound('article')
  write((tx) => {
    tx.update(kbArticles)
      .set({ reviewDueAt: reviewDueFrom(now()) })
      .where(eq(kbArticles.id, id))
      .run()
    emit(tx, { type: 'kb.article_reviewed', actor, articleId: id, data: { slug: current.slug } })
  })
}

// Each visitor counts once per article per hour.
const isNewView = createViewDeduper()

export function recordArticleView(articleId: number, viewerKey: string): boolean {
  if (!isNewView(viewerKey, articleId)) return false
  write(
    (tx) =>
      tx
        .update(kbArticles)
        .set({ viewCount: sql`${kbArticles.viewCount} + 1` })
        .where(eq(kbArticles.id, articleId))
        .run(),
    { pagesUnchanged: true },
  )
  return true
}

/** A view of a published article's page served without its loader (the page cache). */
export function recordPublishedArticleView(slug: string, viewerKey: string) {
  const article = db
    .select({ id: kbArticles.id })
    .from(kbArticles)
    .where(and(eq(kbArticles.slug, slug), eq(kbArticles.status, 'published')))
    .get()
  if (article) recordArticleView(article.id, viewerKey)
}

/**
 * Who is answering "was this helpful?": the account when signed in, otherwise the visitor's
 * own first-party cookie (hashed), so two people behind one address never share an answer.
 * The address only limits how often anyone may answer.
 */
export function feedbackVoterKey(userId: number | null, visitorId: string | null) {
  if (userId !== null) return `u:${userId}`
  if (!visitorId) return null
  return `v:${createHash('sha256').update(visitorId).digest('hex').slice(0, 32)}`
}

/** Answers from one address, per hour: far above a person's, far below a script's. */
export const FEEDBACK_PER_ADDRESS = { max: 60, windowMs: 60 * 60_000 }

export type FeedbackState = {
  helpful: boolean
  reason: FeedbackReason | null
  comment: string
} | null

export function getFeedback(articleId: number, voterKey: string): FeedbackState {
  const row = db
    .select({ helpful: kbFeedback.helpful, reason: kbFeedback.reason, comment: kbFeedback.comment })
    .from(kbFeedback)
    .where(and(eq(kbFeedback.articleId, articleId), eq(kbFeedback.voterKey, voterKey)))
    .get()
  return row ?? null
}

export type FeedbackResult = { ok: true } | { ok: false; fieldErrors: Record<string, string> }

/**
 * One answer per voter per article, which they may change. The article's yes/no counters move
 * by the difference in the same transaction. A changed yes/no drops the old reason, which was
 * an answer to the other question.
 */
export function submitFeedback(
  voter: { user: Actor | null; key: string; clientIp: string },
  articleId: number,
  helpful: boolean,
  reason: FeedbackReason | null = null,
  comment = '',
): FeedbackResult {
  if (reason !== null && !reasonFits(helpful, reason))
    return { ok: false, fieldErrors: { reason: msg('kb.validation.chooseReason') } }
  const limit = hitRateLimit(`kb-feedback:ip:${voter.clientIp}`, FEEDBACK_PER_ADDRESS)
  if (!limit.ok) throw new RateLimited(limit.retryAfterSeconds)
  const voterKey = voter.key
  const userId = voter.user?.id ?? null
  return write((tx): FeedbackResult => {
    const article = tx
      .select({ status: kbArticles.status })
      .from(kbArticles)
      .where(eq(kbArticles.id, articleId))
      .get()
    if (!article || article.status !== 'published') throw new NotFound('article')
    const recorded = () =>
      emit(tx, {
        type: 'kb.feedback',
        actor: voter.user,
        articleId,
        data: { helpful, reason, ...(comment ? { comment } : {}) },
      })
    const existing = tx
      .select()
      .from(kbFeedback)
      .where(and(eq(kbFeedback.articleId, articleId), eq(kbFeedback.voterKey, voterKey)))
      .get()
    const counter = (yes: boolean) => (yes ? kbArticles.helpfulYes : kbArticles.helpfulNo)
    const bump = (yes: boolean, by: number) =>
      tx
        .update(kbArticles)
        .set(
          yes
            ? { helpfulYes: sql`max(0, ${counter(true)} + ${by})` }
            : { helpfulNo: sql`max(0, ${counter(false)} + ${by})` },
        )
        .where(eq(kbArticles.id, articleId))
        .run()

    if (!existing) {
      tx.insert(kbFeedback).values({ articleId, voterKey, userId, helpful, reason, comment }).run()
      bump(helpful, 1)
      recorded()
      return { ok: true }
    }
    if (existing.helpful !== helpful) {
      tx.update(kbFeedback)
        .set({ helpful, reason, comment, createdAt: now() })
        .where(eq(kbFeedback.id, existing.id))
        .run()
      bump(existing.helpful, -1)
      bump(helpful, 1)
      recorded()
      return { ok: true }
    }
    if (reason !== null && (reason !== existing.reason || comment !== existing.comment)) {
      tx.update(kbFeedback).set({ reason, comment }).where(eq(kbFeedback.id, existing.id)).run()
      recorded()
    }
    return { ok: true }
  })
}

/**
 * Published articles whose review date has passed, the longest overdue first, each with its
 * category's name in `language` (null without one).
 */
export function listDueForReview(language: Language) {
  const rows = db
    .select({
      id: kbArticles.id,
      slug: kbArticles.slug,
      title: kbArticles.title,
      language: kbArticles.language,
      origin: kbArticles.origin,
      reviewDueAt: kbArticles.reviewDueAt,
      updatedAt: kbArticles.updatedAt,
      helpfulYes: kbArticles.helpfulYes,
      helpfulNo: kbArticles.helpfulNo,
      category: { name: categories.name, translations: categories.translations },
    })
    .from(kbArticles)
    .leftJoin(categories, eq(categories.id, kbArticles.categoryId))
    .where(and(eq(kbArticles.status, 'published'), lte(kbArticles.reviewDueAt, now())))
    .orderBy(asc(kbArticles.reviewDueAt), asc(kbArticles.id))
    .all()
  return rows.map(({ category, ...r }) => ({
    ...r,
    category: category ? localizeCategory(category, language).name : null,
  }))
}

export function countDueForReview(): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(kbArticles)
      .where(and(eq(kbArticles.status, 'published'), lte(kbArticles.reviewDueAt, now())))
      .get()?.n ?? 0
  )
}

/** Every version of an article, newest first, each with what changed since the one before. */
export function getArticleRevisions(articleId: number) {
  const rows = db
    .select({
      number: kbRevisions.number,
      title: kbRevisions.title,
      summary: kbRevisions.summary,
      bodyMd: kbRevisions.bodyMd,
      tags: kbRevisions.tags,
      comment: kbRevisions.comment,
      createdAt: kbRevisions.createdAt,
      author: { handle: users.handle, displayName: users.displayName },
    })
    .from(kbRevisions)
    .leftJoin(users, eq(users.id, kbRevisions.authorId))
    .where(eq(kbRevisions.articleId, articleId))
    .orderBy(asc(kbRevisions.number))
    .all()
  return rows
    .map((r, i) => {
      const prev = i > 0 ? rows[i - 1] : null
      return {
        number: r.number,
        createdAt: r.createdAt,
        comment: r.comment,
        author: r.author?.handle ? r.author : null,
        title: r.title,
        titleDiff: prev && r.title !== prev.title ? diffText(prev.title, r.title) : null,
        summaryDiff: prev && r.summary !== prev.summary ? diffText(prev.summary, r.summary) : null,
        tagsDiff: prev && r.tags !== prev.tags ? diffText(prev.tags, r.tags) : null,
        bodyDiff: prev
          ? diffText(prev.bodyMd, r.bodyMd)
          : [{ kind: 'same' as const, text: r.bodyMd }],
      }
    })
    .reverse()
}

/** Articles saved as drafts, newest first, for those who manage the KB. */
export function listDrafts() {
  return db
    .select({
      slug: kbArticles.slug,
      title: kbArticles.title,
      language: kbArticles.language,
      updatedAt: kbArticles.updatedAt,
    })
    .from(kbArticles)
    .where(eq(kbArticles.status, 'draft'))
    .orderBy(desc(kbArticles.updatedAt))
    .all()
}
