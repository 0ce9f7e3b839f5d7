/**
 * From accepted answer to article. Accepting an answer queues its thread as a candidate;
 * moderators edit the prefilled draft and publish or reject it; an automatic rule can queue or
 * publish answers that proved themselves. Published articles link back to their threads, and
 * later threads solved by an article count toward its "solved N questions".
 */
import { and, asc, eq, notExists, sql } from 'drizzle-orm'
import {
  answers,
  categories,
  events,
  kbArticles,
  kbCandidates,
  kbSolutions,
  kbSources,
  questions,
  settings,
  users,
} from '../../../db/schema'
import type { Language } from '../../i18n/config'
import { msg } from '../../i18n/message'
import { now } from '../../utils/clock.server'
import { db, write, type Tx } from '../../utils/db.server'
import { singleton } from '../../utils/singleton.server'
import { Conflict, Forbidden, NotFound } from '../../utils/domain-errors'
import { cookMarkdown } from '../../utils/markdown.server'
import { markdownToText } from '../../utils/markdown-text.server'
import { findCategoryId } from '../categories/categories.server'
import { localizeCategory } from '../categories/localize'
import { emit, type EmittedEvent, type EventActor } from '../events/events.server'
import { atLeast, can, canSee, type Actor } from '../policy/policy'
import { listed } from '../policy/visibility.server'
import { tagsByQuestion } from '../questions/tags.server'
import { scheduleKbIndexRebuild } from '../search/kb-index.server'
import type { PostLanguage } from '../search/languages'
import {
  DAY_MS,
  insertArticle,
  reviewDueFrom,
  uniqueArticleSlug,
  type KbCommandResult,
} from './kb.server'
import {
  DEFAULT_PROMOTION_SETTINGS,
  promotionSettingsSchema,
  SUMMARY_MAX,
  SUMMARY_MIN,
  type PromotionInput,
  type PromotionSettings,
} from './validation'

export type QueuedBy = 'accepted' | 'rule' | 'moderator'

const PROMOTION_SETTINGS_KEY = 'kb.promotion'
// Bounds one run of the rule, so a first run over an imported forum stays short.
const RULE_BATCH = 100

function isInKb(tx: Tx, questionId: number): boolean {
  return Boolean(
    tx
      .select({ one: sql`1` })
      .from(kbSources)
      .where(eq(kbSources.questionId, questionId))
      .get(),
  )
}

/** A private question's thread never goes to the KB queue (only once it is made public). */
function isPrivate(tx: Tx, questionId: number): boolean {
  const q = tx
    .select({ visibility: questions.visibility })
    .from(questions)
    .where(eq(questions.id, questionId))
    .get()
  return q?.visibility === 'private'
}

/**
 * Puts a thread's accepted answer in the promotion queue, inside the caller's transaction.
 * One candidate per question: accepting another answer moves a pending candidate to it and
 * gives a rejected one a second chance; a thread already in the KB is left alone.
 * Returns the candidate's id, or null when nothing was queued.
 */
export function queueCandidate(
  tx: Tx,
  questionId: number,
  answerId: number,
  queuedBy: QueuedBy,
  actor: EventActor = null,
): number | null {
  if (isInKb(tx, questionId) || isPrivate(tx, questionId)) return null
  const existing = tx
    .select()
    .from(kbCandidates)
    .where(eq(kbCandidates.questionId, questionId))
    .get()
  if (existing?.status === 'published') return null
  if (existing && existing.answerId === answerId)
    return existing.status === 'pending' ? existing.id : null

  let id: number
  if (!existing) {
    id = tx
      .insert(kbCandidates)
      .values({ questionId, answerId, queuedBy, status: 'pending' })
      .returning({ id: kbCandidates.id })
      .get().id
  } else {
    id = existing.id
    tx.update(kbCandidates)
      .set({
        answerId,
        queuedBy,
        status: 'pending',
        decidedById: null,
        decidedAt: null,
        note: '',
        createdAt: now(),
      })
      .where(eq(kbCandidates.id, id))
      .run()
  }
  emit(tx, {
    type: 'kb.candidate_queued',
    actor,
    questionId,
    answerId,
    data: { candidateId: id, queuedBy },
  })
  return id
}

/** A reaction (see reactions.server.ts): an accepted answer is proposed for the KB. */
export function queueAcceptedAnswer(tx: Tx, e: EmittedEvent) {
  if (e.questionId && e.answerId) queueCandidate(tx, e.questionId, e.answerId, 'accepted', e.actor)
}

// A candidate is live while its thread and answer are visible and the answer still accepted;
// otherwise it waits out of sight (an un-accept, a hide) rather than being thrown away.
const liveCandidate = and(
  eq(kbCandidates.status, 'pending'),
  listed(questions),
  listed(answers),
  eq(questions.acceptedAnswerId, kbCandidates.answerId),
)

/**
 * The promotion queue, oldest first, each with the answer's opening as plain text and its
 * category's name in `language`.
 */
export function listCandidates(language: Language) {
  const rows = db
    .select({
      id: kbCandidates.id,
      queuedBy: kbCandidates.queuedBy,
      createdAt: kbCandidates.createdAt,
      question: {
        id: questions.id,
        title: questions.title,
        language: questions.language,
        solvedAt: questions.solvedAt,
      },
      category: { name: categories.name, translations: categories.translations },
      answer: {
        score: answers.score,
        language: answers.language,
        opening: sql<string>`substr(${answers.bodyMd}, 1, 400)`,
      },
      author: {
        handle: users.handle,
        displayName: users.displayName,
        reputation: users.reputation,
      },
    })
    .from(kbCandidates)
    .innerJoin(questions, eq(questions.id, kbCandidates.questionId))
    .innerJoin(answers, eq(answers.id, kbCandidates.answerId))
    .innerJoin(users, eq(users.id, answers.authorId))
    .innerJoin(categories, eq(categories.id, questions.categoryId))
    .where(liveCandidate)
    .orderBy(asc(kbCandidates.createdAt), asc(kbCandidates.id))
    .all()
  return rows.map(({ answer: { opening, ...answer }, category, ...r }) => ({
    ...r,
    category: localizeCategory(category, language).name,
    answer: { ...answer, excerpt: markdownToText(opening, 220) },
  }))
}

export function countPendingCandidates(): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(kbCandidates)
      .innerJoin(questions, eq(questions.id, kbCandidates.questionId))
      .innerJoin(answers, eq(answers.id, kbCandidates.answerId))
      .where(liveCandidate)
      .get()?.n ?? 0
  )
}

/** The first sentence or two of a question: long enough to say what it is about, within limits. */
export function summarize(markdown: string, fallback: string): string {
  const text = markdownToText(markdown)
  const sentences = text.match(/[^.!?]+(?:[.!?]+|$)/g) ?? []
  let summary = ''
  for (const s of sentences) {
    const next = `${summary} ${s.trim()}`.trim()
    if (next.length > SUMMARY_MAX) break
    summary = next
    if (summary.length >= 80) break
  }
  if (!summary && text) {
    const cut = text.slice(0, SUMMARY_MAX - 1)
    summary = `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SUMMARY_MIN))}…`
  }
  return summary.length >= SUMMARY_MIN ? summary : fallback.slice(0, SUMMARY_MAX)
}

type DraftSource = {
  question: { title: string; bodyMd: string }
  answer: { bodyMd: string }
  categorySlug: string
  tags: string[]
}

/**
 * The two headings a draft starts with. They become the article's text, which is stored as it
 * is written and never translated on the way out, so the caller writes them in the writer's
 * language: the moderator's, or the site's default when the rule publishes on its own.
 */
export type DraftHeadings = { question: string; answer: string }

function draftFrom({ question, answer, categorySlug, tags }: DraftSource, h: DraftHeadings) {
  const body = `# ${h.question}\n\n${question.bodyMd.trim()}\n\n# ${h.answer}\n\n${answer.bodyMd.trim()}\n`
  return {
    title: question.title,
    summary: summarize(question.bodyMd, question.title),
    body,
    category: categorySlug,
    tags: tags.join(' '),
  }
}

function loadLiveCandidate(id: number) {
  return db
    .select({
      candidate: {
        id: kbCandidates.id,
        queuedBy: kbCandidates.queuedBy,
        createdAt: kbCandidates.createdAt,
      },
      question: {
        id: questions.id,
        title: questions.title,
        bodyMd: questions.bodyMd,
        bodyHtml: questions.bodyHtml,
      },
      answer: {
        id: answers.id,
        bodyMd: answers.bodyMd,
        bodyHtml: answers.bodyHtml,
        score: answers.score,
      },
      author: {
        handle: users.handle,
        displayName: users.displayName,
        reputation: users.reputation,
      },
      categorySlug: categories.slug,
    })
    .from(kbCandidates)
    .innerJoin(questions, eq(questions.id, kbCandidates.questionId))
    .innerJoin(answers, eq(answers.id, kbCandidates.answerId))
    .innerJoin(users, eq(users.id, answers.authorId))
    .innerJoin(categories, eq(categories.id, questions.categoryId))
    .where(and(eq(kbCandidates.id, id), liveCandidate))
    .get()
}

/**
 * A pending candidate with the draft the moderator starts from: the question's title, its
 * first sentences as the summary, and question plus accepted answer as the body.
 */
export function getCandidateDraft(id: number, headings: DraftHeadings) {
  const row = loadLiveCandidate(id)
  if (!row) return null
  const tags = tagsByQuestion([row.question.id]).get(row.question.id) ?? []
  return {
    candidate: row.candidate,
    question: { id: row.question.id, title: row.question.title, bodyHtml: row.question.bodyHtml },
    answer: { id: row.answer.id, bodyHtml: row.answer.bodyHtml, score: row.answer.score },
    author: row.author,
    draft: draftFrom({ ...row, tags }, headings),
  }
}

/** Inside a transaction: the article, its first revision, the link back, the candidate closed. */
function publishIn(
  tx: Tx,
  candidateId: number,
  source: { questionId: number; answerId: number },
  content: {
    title: string
    summary: string
    body: string
    bodyHtml: string
    cookedVersion: number
    tags: string[]
  },
  categoryId: number,
  actor: EventActor,
): { id: number; slug: string } | null {
  const at = now()
  // The conditional update decides: two moderators (or the rule) publishing at once make one.
  const claimed = tx
    .update(kbCandidates)
    .set({ status: 'published', decidedById: actor?.id ?? null, decidedAt: at })
    .where(and(eq(kbCandidates.id, candidateId), eq(kbCandidates.status, 'pending')))
    .run()
  if (claimed.changes !== 1) return null
  const slug = uniqueArticleSlug(tx, content.title)
  const articleId = insertArticle(tx, actor, {
    slug,
    title: content.title,
    summary: content.summary,
    bodyMd: content.body,
    bodyHtml: content.bodyHtml,
    cookedVersion: content.cookedVersion,
    categoryId,
    tags: content.tags,
    status: 'published',
    origin: 'promoted',
    reviewDueAt: reviewDueFrom(at),
    // The site's own note, not a person's: a descriptor, shown in each reader's language.
    comment: msg('kb.history.promotedFrom', { id: source.questionId }),
  })
  tx.insert(kbSources)
    .values({ articleId, ...source })
    .run()
  tx.update(kbCandidates).set({ articleId }).where(eq(kbCandidates.id, candidateId)).run()
  emit(tx, {
    type: 'kb.candidate_published',
    actor,
    questionId: source.questionId,
    answerId: source.answerId,
    articleId,
    data: { candidateId, ...(actor === null ? { rule: true } : {}) },
  })
  return { id: articleId, slug }
}

export async function publishCandidate(
  actor: Actor,
  id: number,
  input: PromotionInput,
): Promise<KbCommandResult> {
  if (!can(actor, 'kb.manage', null)) throw new Forbidden('kb.manage')
  const row = loadLiveCandidate(id)
  if (!row) throw new NotFound('candidate')
  const cooked = await cookMarkdown(input.body)
  const result = write((tx): KbCommandResult => {
    const categoryId = findCategoryId(tx, input.category)
    if (categoryId === null)
      return { ok: false, fieldErrors: { category: msg('kb.validation.chooseCategory') } }
    const published = publishIn(
      tx,
      id,
      { questionId: row.question.id, answerId: row.answer.id },
      { ...input, bodyHtml: cooked.html, cookedVersion: cooked.version },
      categoryId,
      actor,
    )
    if (!published) throw new Conflict(msg('kb.promote.alreadyDecided'))
    return { ok: true, ...published }
  })
  if (result.ok) void scheduleKbIndexRebuild()
  return result
}

export function rejectCandidate(actor: Actor, id: number, note: string): boolean {
  if (!can(actor, 'kb.manage', null)) throw new Forbidden('kb.manage')
  const row = loadLiveCandidate(id)
  if (!row) throw new NotFound('candidate')
  return write((tx) => {
    const decided = tx
      .update(kbCandidates)
      .set({ status: 'rejected', decidedById: actor.id, decidedAt: now(), note })
      .where(and(eq(kbCandidates.id, id), eq(kbCandidates.status, 'pending')))
      .run()
    if (decided.changes !== 1) return false
    emit(tx, {
      type: 'kb.candidate_rejected',
      actor,
      questionId: row.question.id,
      answerId: row.answer.id,
      data: { candidateId: id, note },
    })
    return true
  })
}

export function getPromotionSettings(): PromotionSettings {
  const row = db.select().from(settings).where(eq(settings.key, PROMOTION_SETTINGS_KEY)).get()
  const stored = row?.value && typeof row.value === 'object' ? row.value : {}
  const parsed = promotionSettingsSchema.safeParse({ ...DEFAULT_PROMOTION_SETTINGS, ...stored })
  return parsed.success ? parsed.data : DEFAULT_PROMOTION_SETTINGS
}

export type SettingsResult =
  { ok: true; settings: PromotionSettings } | { ok: false; fieldErrors: Record<string, string> }

export function updatePromotionSettings(actor: Actor, input: unknown): SettingsResult {
  if (!can(actor, 'kb.settings', null)) throw new Forbidden('kb.settings')
  const parsed = promotionSettingsSchema.safeParse(input)
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {}
    for (const issue of parsed.error.issues)
      fieldErrors[String(issue.path[0] ?? 'form')] ??= issue.message
    return { ok: false, fieldErrors }
  }
  const value = parsed.data
  const before = getPromotionSettings()
  write((tx) => {
    tx.insert(settings)
      .values({ key: PROMOTION_SETTINGS_KEY, value, updatedAt: now() })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now() } })
      .run()
    emit(tx, {
      type: 'settings.changed',
      actor,
      data: { key: PROMOTION_SETTINGS_KEY, from: before, to: value },
    })
  })
  return { ok: true, settings: value }
}

export type RuleResult = { mode: PromotionSettings['mode']; queued: number; published: number }

/**
 * The automatic promotion rule, a periodic job. An accepted answer qualifies when it has at
 * least `minScore`, has been the accepted answer for `minAcceptedDays`, and its author has
 * `minAuthorReputation`. In "queue" mode qualifying threads without a candidate are queued; in
 * "publish" mode they, and pending candidates, are published as they are. A rejected candidate
 * is a moderator's decision and is never overruled. Safe to run any number of times, from any
 * number of processes: every write is conditional.
 */
export async function applyPromotionRule(headings: DraftHeadings): Promise<RuleResult> {
  const config = getPromotionSettings()
  const result: RuleResult = { mode: config.mode, queued: 0, published: 0 }
  if (config.mode === 'off') return result
  const cutoff = now().getTime() - config.minAcceptedDays * DAY_MS
  const acceptedAt = sql<number>`coalesce((
    select max(${events.createdAt}) from ${events}
    where ${events.questionId} = ${questions.id} and ${events.type} = 'answer.accepted'
      and ${events.answerId} = ${answers.id}), ${questions.solvedAt})`
  const candidateStatus =
    config.mode === 'publish'
      ? sql`(${kbCandidates.id} is null or ${kbCandidates.status} = 'pending')`
      : sql`${kbCandidates.id} is null`
  const eligible = db
    .select({
      questionId: questions.id,
      answerId: answers.id,
      title: questions.title,
      questionMd: questions.bodyMd,
      answerMd: answers.bodyMd,
      categoryId: questions.categoryId,
      categorySlug: categories.slug,
    })
    .from(questions)
    .innerJoin(answers, eq(answers.id, questions.acceptedAnswerId))
    .innerJoin(users, eq(users.id, answers.authorId))
    .innerJoin(categories, eq(categories.id, questions.categoryId))
    .leftJoin(kbCandidates, eq(kbCandidates.questionId, questions.id))
    .where(
      and(
        eq(questions.status, 'solved'),
        listed(questions),
        sql`${questions.closedReason} is not 'duplicate'`,
        listed(answers),
        sql`${answers.score} >= ${config.minScore}`,
        sql`${users.reputation} >= ${config.minAuthorReputation}`,
        sql`${acceptedAt} <= ${cutoff}`,
        candidateStatus,
        notExists(
          db
            .select({ one: sql`1` })
            .from(kbSources)
            .where(eq(kbSources.questionId, questions.id)),
        ),
      ),
    )
    .orderBy(asc(questions.id))
    .limit(RULE_BATCH)
    .all()
  if (eligible.length === 0) return result

  const tagMap = tagsByQuestion(eligible.map((e) => e.questionId))
  for (const e of eligible) {
    if (config.mode === 'queue') {
      const queued = write((tx) => {
        const existing = tx
          .select({ id: kbCandidates.id })
          .from(kbCandidates)
          .where(eq(kbCandidates.questionId, e.questionId))
          .get()
        if (existing) return false
        return queueCandidate(tx, e.questionId, e.answerId, 'rule') !== null
      })
      if (queued) result.queued++
      continue
    }
    const draft = draftFrom(
      {
        question: { title: e.title, bodyMd: e.questionMd },
        answer: { bodyMd: e.answerMd },
        categorySlug: e.categorySlug,
        tags: (tagMap.get(e.questionId) ?? []).slice(0, 5),
      },
      headings,
    )
    const cooked = await cookMarkdown(draft.body)
    const published = write((tx) => {
      const candidateId = queueCandidate(tx, e.questionId, e.answerId, 'rule')
      if (candidateId === null) return null
      return publishIn(
        tx,
        candidateId,
        { questionId: e.questionId, answerId: e.answerId },
        {
          ...draft,
          tags: draft.tags.split(' ').filter(Boolean),
          bodyHtml: cooked.html,
          cookedVersion: cooked.version,
        },
        e.categoryId,
        null,
      )
    })
    if (published) result.published++
  }
  if (result.published > 0) void scheduleKbIndexRebuild()
  return result
}

/**
 * Records, inside the caller's transaction, that `articleId` solved a question: closed with
 * it, or marked by its asker. One article per question; a repeat changes nothing. Returns
 * whether the article's count went up.
 */
export function recordKbSolution(
  tx: Tx,
  s: { questionId: number; articleId: number; kind: 'closed' | 'marked'; actor: EventActor },
): boolean {
  const inserted = tx
    .insert(kbSolutions)
    .values({
      questionId: s.questionId,
      articleId: s.articleId,
      kind: s.kind,
      actorId: s.actor?.id ?? null,
    })
    .onConflictDoNothing({ target: kbSolutions.questionId })
    .run()
  if (inserted.changes !== 1) return false
  tx.update(kbArticles)
    .set({ solvedCount: sql`${kbArticles.solvedCount} + 1` })
    .where(eq(kbArticles.id, s.articleId))
    .run()
  emit(tx, {
    type: 'kb.solved_question',
    actor: s.actor,
    questionId: s.questionId,
    articleId: s.articleId,
    data: { kind: s.kind },
  })
  return true
}

/**
 * "This article solved it": by the asker (or a moderator) marking it, or by whoever closed the
 * question with it. Counts once per question toward the article's "solved N questions".
 */
export function markSolvedByArticle(
  actor: Actor,
  questionId: number,
  articleId: number,
  kind: 'closed' | 'marked',
): boolean {
  const question = db
    .select({
      authorId: questions.authorId,
      hiddenAt: questions.hiddenAt,
      deletedAt: questions.deletedAt,
      visibility: questions.visibility,
    })
    .from(questions)
    .where(eq(questions.id, questionId))
    .get()
  // Private questions are for their asker and staff (hidden ones stay as they were).
  const opens =
    question && canSee(actor, { authorId: question.authorId, visibility: question.visibility })
  if (!question || question.deletedAt || !opens) throw new NotFound('question')
  const allowed =
    kind === 'marked'
      ? actor.id === question.authorId || atLeast(actor, 'moderator')
      : atLeast(actor, 'helper')
  if (!allowed) throw new Forbidden('kb.solution')
  const article = db
    .select({ status: kbArticles.status })
    .from(kbArticles)
    .where(eq(kbArticles.id, articleId))
    .get()
  if (!article || article.status !== 'published') throw new NotFound('article')
  return write((tx) => recordKbSolution(tx, { questionId, articleId, kind, actor }))
}

type KbLink = { slug: string; title: string; language: PostLanguage }
export type KbThreadLinks = { promotedTo: KbLink[]; solvedBy: KbLink | null }

/**
 * What the thread page says about the KB: the articles made from it, the one that solved it.
 * One statement, so the thread page's query count grows by one.
 */
// Runs on every question page view, so it is compiled once per process.
const kbLinksStatement = () =>
  singleton('kbLinksForQuestion', () => {
    const questionId = sql.placeholder('questionId')
    const promoted = db
      .select({
        kind: sql<string>`'promoted'`,
        slug: kbArticles.slug,
        title: kbArticles.title,
        language: kbArticles.language,
      })
      .from(kbSources)
      .innerJoin(kbArticles, eq(kbArticles.id, kbSources.articleId))
      .where(and(eq(kbSources.questionId, questionId), eq(kbArticles.status, 'published')))
    const solved = db
      .select({
        kind: sql<string>`'solved'`,
        slug: kbArticles.slug,
        title: kbArticles.title,
        language: kbArticles.language,
      })
      .from(kbSolutions)
      .innerJoin(kbArticles, eq(kbArticles.id, kbSolutions.articleId))
      .where(and(eq(kbSolutions.questionId, questionId), eq(kbArticles.status, 'published')))
    return promoted.unionAll(solved).prepare()
  })

export function getKbLinksForQuestion(questionId: number): KbThreadLinks {
  const rows = kbLinksStatement().all({ questionId })
  const link = (r: (typeof rows)[number]) => ({
    slug: r.slug,
    title: r.title,
    language: r.language,
  })
  const solvedBy = rows.find((r) => r.kind === 'solved')
  return {
    promotedTo: rows.filter((r) => r.kind === 'promoted').map(link),
    solvedBy: solvedBy ? link(solvedBy) : null,
  }
}
