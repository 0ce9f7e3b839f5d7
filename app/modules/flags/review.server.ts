/**
 * The one review queue: every flagged post with pending flags, oldest first. A moderator claims
 * an item (others are kept off it for a while), then decides it: approve (the flags were wrong;
 * a post the flags hid is shown again), hide, delete, or ignore (nothing changes). A decision
 * resolves every pending flag on the item, which is what each flagger's accuracy is read from.
 * "Restore" brings back a removed post the flags were wrong about. "Delete spammer" hides every
 * post of the author and bans the account (also from the person's moderation page).
 */
import {
  and,
  asc,
  count,
  eq,
  inArray,
  isNull,
  not,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm'
import {
  answers,
  flags,
  questions,
  reviewItems,
  users,
  type FlagStatus,
  type ReviewDecision,
} from '../../../db/schema'
import { msg } from '../../i18n/message'
import { now } from '../../utils/clock.server'
import { db, write, type Tx } from '../../utils/db.server'
import { Conflict, Forbidden, Invalid, NotFound } from '../../utils/domain-errors'
import { emit } from '../events/events.server'
import { bringBackPost, changePostIn, type Change } from '../moderation/posts.server'
import { sanctionUser } from '../moderation/sanctions.server'
import { SANCTION_REASON_MAX } from '../moderation/sanction-validation'
import { removalSchema } from '../moderation/validation'
import { can, canSee, type Actor } from '../policy/policy'
import { releaseHeldIn } from '../trust/spam.server'
import { visibleTo } from '../policy/visibility.server'
import type { ReviewFilter } from './validation'

export const REVIEW_PAGE_SIZE = 20
/** How long a claim keeps other moderators off an item. */
export const CLAIM_MINUTES = 15
const MINUTE = 60_000

// A literal, not a bound value, so SQLite can use the partial index of pending items.
const isPending = sql`${reviewItems.status} = 'pending'`

/** The header's count: one read of the pending items' index. */
export function countPendingReviews(): number {
  return db.select({ n: count() }).from(reviewItems).where(isPending).get()?.n ?? 0
}

function requireReviewer(actor: Actor, action: 'review.view' | 'review.decide') {
  if (!can(actor, action, null)) throw new Forbidden(action)
}

function queueWhere(actor: Actor, filter: ReviewFilter): SQL {
  return and(
    isPending,
    filter.kind ? eq(reviewItems.postType, filter.kind) : undefined,
    filter.reason
      ? sql`exists (select 1 from ${flags} where ${flags.reviewItemId} = ${reviewItems.id} and ${flags.status} = 'pending' and ${flags.reason} = ${filter.reason})`
      : undefined,
    outOfSight(actor),
  )!
}

/**
 * Items on private questions `actor` may not open (the one visibility rule, negated). Read once
 * from the small private-questions index, instead of joining every pending item's question.
 */
function outOfSight(actor: Actor): SQL | undefined {
  const rule = visibleTo(actor, questions)
  if (!rule) return undefined
  return notInArray(
    reviewItems.questionId,
    db
      .select({ id: questions.id })
      .from(questions)
      .where(and(sql`${questions.visibility} = 'private'`, not(rule))),
  )
}

export type ReviewFlag = {
  reason: string
  note: string
  weight: number
  createdAt: Date
  flagger: { handle: string; displayName: string }
}

/** One page of the queue, with what a moderator needs to decide each item there. */
export function listReviewQueue(actor: Actor, filter: ReviewFilter) {
  requireReviewer(actor, 'review.view')
  const where = queueWhere(actor, filter)
  const total = db.select({ n: count() }).from(reviewItems).where(where).get()?.n ?? 0
  const rows = db
    .select({
      id: reviewItems.id,
      postType: reviewItems.postType,
      postId: reviewItems.postId,
      score: reviewItems.score,
      flagCount: reviewItems.flagCount,
      hiddenByFlags: reviewItems.hiddenByFlags,
      flaggedAt: reviewItems.flaggedAt,
      source: reviewItems.source,
      reasons: reviewItems.reasons,
      claimedById: reviewItems.claimedById,
      claimedUntil: reviewItems.claimedUntil,
      question: {
        id: questions.id,
        title: questions.title,
        bodyMd: questions.bodyMd,
        hiddenAt: questions.hiddenAt,
        deletedAt: questions.deletedAt,
      },
      author: {
        id: users.id,
        handle: users.handle,
        displayName: users.displayName,
        bannedAt: users.bannedAt,
      },
    })
    .from(reviewItems)
    .innerJoin(questions, eq(questions.id, reviewItems.questionId))
    .innerJoin(users, eq(users.id, reviewItems.authorId))
    .where(where)
    .orderBy(asc(reviewItems.flaggedAt), asc(reviewItems.id))
    .limit(REVIEW_PAGE_SIZE)
    .offset((filter.page - 1) * REVIEW_PAGE_SIZE)
    .all()

  const ids = rows.map((r) => r.id)
  const answerIds = rows.filter((r) => r.postType === 'answer').map((r) => r.postId)
  const answerRows = answerIds.length
    ? db
        .select({
          id: answers.id,
          bodyMd: answers.bodyMd,
          hiddenAt: answers.hiddenAt,
          deletedAt: answers.deletedAt,
        })
        .from(answers)
        .where(inArray(answers.id, answerIds))
        .all()
    : []
  const flagRows = ids.length
    ? db
        .select({
          itemId: flags.reviewItemId,
          reason: flags.reason,
          note: flags.note,
          weight: flags.weight,
          createdAt: flags.createdAt,
          flagger: { handle: users.handle, displayName: users.displayName },
        })
        .from(flags)
        .innerJoin(users, eq(users.id, flags.flaggerId))
        .where(and(inArray(flags.reviewItemId, ids), eq(flags.status, 'pending')))
        .orderBy(asc(flags.createdAt))
        .all()
    : []
  const claimerIds = [...new Set(rows.map((r) => r.claimedById).filter((id) => id !== null))]
  const claimers = claimerIds.length
    ? db
        .select({ id: users.id, displayName: users.displayName })
        .from(users)
        .where(inArray(users.id, claimerIds))
        .all()
    : []
  const at = now()
  const items = rows.map((r) => {
    const answer = answerRows.find((a) => a.id === r.postId)
    const post = r.postType === 'answer' && answer ? answer : r.question
    const live = r.claimedUntil !== null && r.claimedUntil > at && r.claimedById !== null
    return {
      id: r.id,
      postType: r.postType,
      postId: r.postId,
      question: { id: r.question.id, title: r.question.title },
      excerpt: excerpt(post.bodyMd),
      hidden: Boolean(post.hiddenAt),
      deleted: Boolean(post.deletedAt),
      hiddenByFlags: r.hiddenByFlags,
      // held by the spam rules before anyone saw it, and which rules caught it
      held: r.source === 'held',
      reasons: r.reasons ?? [],
      score: r.score,
      flagCount: r.flagCount,
      flaggedAt: r.flaggedAt,
      author: {
        handle: r.author.handle,
        displayName: r.author.displayName,
        banned: r.author.bannedAt !== null,
      },
      claim: live
        ? {
            mine: r.claimedById === actor.id,
            by: claimers.find((c) => c.id === r.claimedById)?.displayName ?? '',
            until: r.claimedUntil!,
          }
        : null,
      flags: flagRows.filter((f) => f.itemId === r.id).map(({ itemId: _, ...f }): ReviewFlag => f),
    }
  })
  return {
    items,
    total,
    page: filter.page,
    pages: Math.max(1, Math.ceil(total / REVIEW_PAGE_SIZE)),
  }
}
export type ReviewQueue = ReturnType<typeof listReviewQueue>

/** The post's first words as plain text: links keep their words, markup signs go. */
function excerpt(markdown: string) {
  const text = markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~#>|]+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  return text.length > 280 ? `${text.slice(0, 279)}…` : text
}

/** The item, when `actor` may see its question (a private one is for staff). */
function requireItem(actor: Actor, itemId: number) {
  const item = db.select().from(reviewItems).where(eq(reviewItems.id, itemId)).get()
  if (!item) throw new NotFound('page')
  const q = db.select().from(questions).where(eq(questions.id, item.questionId)).get()
  if (!q || !canSee(actor, { ...q, deletedAt: null, hiddenAt: null })) throw new NotFound('page')
  return item
}

/** Free, or held by `actor`, or held by someone whose claim has run out. */
const claimableBy = (actor: Actor) =>
  or(
    isNull(reviewItems.claimedById),
    eq(reviewItems.claimedById, actor.id),
    isNull(reviewItems.claimedUntil),
    sql`${reviewItems.claimedUntil} <= ${now().getTime()}`,
  )

/** Why `actor` cannot take the item now: decided already, or someone else is on it. */
function explainTaken(tx: Tx | typeof db, itemId: number): never {
  const item = tx
    .select({
      status: reviewItems.status,
      until: reviewItems.claimedUntil,
      by: users.displayName,
    })
    .from(reviewItems)
    .leftJoin(users, eq(users.id, reviewItems.claimedById))
    .where(eq(reviewItems.id, itemId))
    .get()
  if (!item || item.status === 'resolved') throw new Conflict(msg('flags.review.errors.decided'))
  const minutes = Math.max(1, Math.ceil(((item.until?.getTime() ?? 0) - now().getTime()) / MINUTE))
  throw new Conflict(msg('flags.review.errors.claimed', { name: item.by ?? '', count: minutes }))
}

/** `actor` takes the item for CLAIM_MINUTES; refused while another moderator holds it. */
export function claimItem(actor: Actor, itemId: number) {
  requireReviewer(actor, 'review.decide')
  requireItem(actor, itemId)
  write((tx) => {
    const until = new Date(now().getTime() + CLAIM_MINUTES * MINUTE)
    const taken = tx
      .update(reviewItems)
      .set({ claimedById: actor.id, claimedUntil: until })
      .where(and(eq(reviewItems.id, itemId), isPending, claimableBy(actor)))
      .run()
    if (taken.changes === 0) explainTaken(tx, itemId)
    emit(tx, { type: 'review.claimed', actor, data: { reviewItemId: itemId, until: +until } })
  })
}

/** Lets go of the item before the claim runs out. */
export function releaseItem(actor: Actor, itemId: number) {
  requireReviewer(actor, 'review.decide')
  requireItem(actor, itemId)
  write(
    (tx) =>
      tx
        .update(reviewItems)
        .set({ claimedById: null, claimedUntil: null })
        .where(and(eq(reviewItems.id, itemId), eq(reviewItems.claimedById, actor.id)))
        .run(),
    { pagesUnchanged: true },
  )
}

/** What each decision does to the post, and how it ends the flags. */
const OUTCOME: Record<ReviewDecision, { flags: FlagStatus; change: Change | null }> = {
  approve: { flags: 'rejected', change: 'unhide' },
  hide: { flags: 'upheld', change: 'hide' },
  delete: { flags: 'upheld', change: 'delete' },
  ignore: { flags: 'ignored', change: null },
  spammer: { flags: 'upheld', change: 'hide' },
  restore: { flags: 'rejected', change: null },
}

type Item = typeof reviewItems.$inferSelect

/**
 * Marks the item decided if `actor` may take it (no one else's live claim), resolves its pending
 * flags, and appends `flag.decided`. Returns false when it was not pending any more.
 */
function resolveIn(tx: Tx, actor: Actor, item: Item, decision: ReviewDecision, strict = true) {
  const at = now()
  const taken = tx
    .update(reviewItems)
    .set({
      status: 'resolved',
      decision,
      decidedById: actor.id,
      decidedAt: at,
      claimedById: null,
      claimedUntil: null,
    })
    .where(and(eq(reviewItems.id, item.id), isPending, claimableBy(actor)))
    .run()
  if (taken.changes === 0) {
    if (strict) explainTaken(tx, item.id)
    return false
  }
  const status = OUTCOME[decision].flags
  const resolved = tx
    .update(flags)
    .set({ status, resolvedAt: at, resolvedById: actor.id })
    .where(and(eq(flags.reviewItemId, item.id), eq(flags.status, 'pending')))
    .returning({ flaggerId: flags.flaggerId })
    .all()
  emit(tx, {
    type: 'flag.decided',
    actor,
    questionId: item.questionId,
    answerId: item.postType === 'answer' ? item.postId : null,
    userId: item.authorId,
    data: {
      reviewItemId: item.id,
      decision,
      status,
      flaggers: resolved.map((f) => f.flaggerId),
    },
  })
  return true
}

function parseRemoval(input: { reason?: string; note?: string }) {
  const parsed = removalSchema.safeParse(input)
  if (parsed.success) return parsed.data
  const errors: Record<string, string> = {}
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message
  throw new Invalid(errors)
}

/**
 * Decides one item. Hide and delete need a reason (as anywhere else a post is removed); approve
 * shows again a post that the flags hid, never one a moderator hid.
 */
export function decideItem(
  actor: Actor,
  itemId: number,
  decision: Exclude<ReviewDecision, 'spammer' | 'restore'>,
  input: { reason?: string; note?: string } = {},
) {
  requireReviewer(actor, 'review.decide')
  const item = requireItem(actor, itemId)
  if (item.source === 'held' && (decision === 'hide' || decision === 'ignore'))
    throw new Invalid({ form: msg('trust.review.onlyApproveOrDelete') })
  const removal = decision === 'hide' || decision === 'delete' ? parseRemoval(input) : null
  write((tx) => {
    resolveIn(tx, actor, item, decision)
    // A held post that is approved is published as if just posted.
    if (item.source === 'held' && decision === 'approve') {
      releaseHeldIn(tx, actor, {
        type: item.postType,
        id: item.postId,
        questionId: item.questionId,
        authorId: item.authorId,
      })
      return
    }
    const post = { type: item.postType, id: item.postId }
    const change = OUTCOME[decision].change
    if (decision === 'approve' && item.hiddenByFlags)
      changePostIn(tx, actor, post, 'unhide', { reviewItemId: item.id })
    else if (removal && change)
      changePostIn(tx, actor, post, change, {
        reason: removal.reason,
        ...(removal.note ? { note: removal.note } : {}),
        reviewItemId: item.id,
      })
  })
}

/**
 * Restore: the post was deleted or hidden (by a moderator, or by the flags), and the flags were
 * wrong. Brings it back exactly as the thread's Restore and "Show again" do, with the optional
 * reason in their events, and resolves the item in the same transaction.
 */
export function restoreItem(actor: Actor, itemId: number, reason = '') {
  requireReviewer(actor, 'review.decide')
  const item = requireItem(actor, itemId)
  // a held post was never published: approving it is what brings it out
  if (item.source === 'held') throw new Invalid({ form: msg('trust.review.onlyApproveOrDelete') })
  const post = { type: item.postType, id: item.postId }
  const changes = bringBackPost(actor, post, reason, (tx) => resolveIn(tx, actor, item, 'restore'))
  if (changes.length === 0) throw new Conflict(msg('flags.review.errors.notRemoved'))
}

export type SpammerResult = { hidden: number; items: number; banned: boolean }

function checkSpammerReason(reason: string) {
  const why = reason.trim()
  if (why.length < 3 || why.length > SANCTION_REASON_MAX)
    throw new Invalid({
      reason:
        why.length < 3
          ? msg('moderation.validation.reasonRequired')
          : msg('moderation.validation.reasonTooLong', { max: SANCTION_REASON_MAX }),
    })
  return why
}

function requireSpammer(actor: Actor, userId: number) {
  const person = db
    .select({
      id: users.id,
      role: users.role,
      bannedAt: users.bannedAt,
      deletedAt: users.deletedAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .get()
  if (!person || person.deletedAt) throw new NotFound('user')
  if (!can(actor, 'user.sanction', person)) throw new Forbidden('user.sanction')
  return person
}

/**
 * Delete spammer, from the queue: the steps of `deleteSpammerAccount` for the item's author,
 * once nobody else is working on the item (a claim of theirs is respected).
 */
export function deleteSpammer(actor: Actor, itemId: number, reason: string): SpammerResult {
  requireReviewer(actor, 'review.decide')
  const item = requireItem(actor, itemId)
  requireSpammer(actor, item.authorId)
  checkSpammerReason(reason)
  if (
    item.status === 'pending' &&
    db
      .select({ id: reviewItems.id })
      .from(reviewItems)
      .where(and(eq(reviewItems.id, itemId), claimableBy(actor)))
      .get() === undefined
  )
    explainTaken(db, itemId)
  return deleteSpammerAccount(actor, item.authorId, reason)
}

/** What "delete spammer" would do to the person now: posts to hide, open items to decide. */
export function previewSpammer(actor: Actor, userId: number, reason: string) {
  requireReviewer(actor, 'review.decide')
  const person = requireSpammer(actor, userId)
  const why = checkSpammerReason(reason)
  const shown = (table: typeof questions | typeof answers) =>
    db
      .select({ n: count() })
      .from(table)
      .where(and(eq(table.authorId, person.id), isNull(table.hiddenAt), isNull(table.deletedAt)))
      .get()?.n ?? 0
  const items =
    db
      .select({ n: count() })
      .from(reviewItems)
      .where(and(eq(reviewItems.authorId, person.id), isPending))
      .get()?.n ?? 0
  return {
    reason: why,
    questions: shown(questions),
    answers: shown(answers),
    items,
    banned: person.bannedAt !== null,
  }
}
export type SpammerPreview = ReturnType<typeof previewSpammer>

/**
 * Delete spammer, keyed by the person (the queue and their moderation page): hides every post
 * of theirs, decides every open item about them, and bans the account (which ends its
 * sessions). Each step is its own transaction and skips what is already done, so running it
 * again after an interruption finishes the job.
 */
export function deleteSpammerAccount(actor: Actor, userId: number, reason: string): SpammerResult {
  requireReviewer(actor, 'review.decide')
  const person = requireSpammer(actor, userId)
  const why = checkSpammerReason(reason)
  const removal = { reason: 'spam', note: why }
  const hidden = write((tx) => {
    let n = 0
    const qs = tx
      .select({ id: questions.id })
      .from(questions)
      .where(
        and(
          eq(questions.authorId, person.id),
          isNull(questions.hiddenAt),
          isNull(questions.deletedAt),
        ),
      )
      .all()
    for (const q of qs)
      if (changePostIn(tx, actor, { type: 'question', id: q.id }, 'hide', removal)) n++
    const as = tx
      .select({ id: answers.id })
      .from(answers)
      .where(
        and(eq(answers.authorId, person.id), isNull(answers.hiddenAt), isNull(answers.deletedAt)),
      )
      .all()
    for (const a of as)
      if (changePostIn(tx, actor, { type: 'answer', id: a.id }, 'hide', removal)) n++
    return n
  })
  const items = write((tx) => {
    const open = tx
      .select()
      .from(reviewItems)
      .where(and(eq(reviewItems.authorId, person.id), isPending))
      .all()
    return open.filter((i) => resolveIn(tx, actor, i, 'spammer', false)).length
  })
  let banned = false
  if (person.bannedAt === null) {
    sanctionUser(actor, person.id, { kind: 'ban', days: '', reason: why })
    banned = true
  }
  return { hidden, items, banned }
}
