/**
 * Flags: a person asks moderators to look at a question or answer, with a reason. Each flag
 * weighs by the flagger's role and by how often their past flags were upheld; once the pending
 * flags on a post weigh FLAG_THRESHOLD together, the post is hidden until a moderator decides
 * (the one `hidden_at`, so every list leaves it out) and its author is told why. Every flagged
 * post has one review item, the row the review queue lists.
 */
import { and, count, eq, gt, min, sum } from 'drizzle-orm'
import { flags, reviewItems, type PostType } from '../../../db/schema'
import { msg } from '../../i18n/message'
import { now } from '../../utils/clock.server'
import { db, write, type Tx } from '../../utils/db.server'
import { Conflict, Forbidden, Invalid, NotFound, RateLimited } from '../../utils/domain-errors'
import { getVisibleAnswer } from '../answers/answers.server'
import { emit, withEventSource, type EmittedEvent } from '../events/events.server'
import { notify } from '../notifications/notifications.server'
import { changePostIn } from '../moderation/posts.server'
import { can, type Actor } from '../policy/policy'
import { getVisibleQuestion, questionTarget } from '../questions/questions.server'
import { flagSchema } from './validation'
import { dailyFlagLimit, FLAG_THRESHOLD, flagWeight } from './weights'

const DAY = 86_400_000

export { DAILY_FLAGS, FLAG_THRESHOLD, flagAccuracy, flagWeight } from './weights'

/** A person's decided flags, by how they ended. */
export function getFlagRecord(tx: Tx | typeof db, userId: number) {
  const rows = tx
    .select({ status: flags.status, n: count() })
    .from(flags)
    .where(eq(flags.flaggerId, userId))
    .groupBy(flags.status)
    .all()
  const of = (s: string) => rows.find((r) => r.status === s)?.n ?? 0
  return { upheld: of('upheld'), rejected: of('rejected'), ignored: of('ignored') }
}

type Post = {
  type: PostType
  id: number
  questionId: number
  authorId: number
  hidden: boolean
}

/** The post as `actor` sees it, after checking they may flag it. */
function flaggablePost(actor: Actor, type: PostType, id: number): Post {
  if (type === 'question') {
    const q = getVisibleQuestion(id, actor)
    if (!q) throw new NotFound('question')
    if (!can(actor, 'question.flag', questionTarget(q))) throw new Forbidden('question.flag')
    return { type, id, questionId: id, authorId: q.authorId, hidden: Boolean(q.hiddenAt) }
  }
  const found = getVisibleAnswer(id, actor)
  if (!found) throw new NotFound('answer')
  if (!can(actor, 'answer.flag', found.target)) throw new Forbidden('answer.flag')
  const { answer } = found
  return {
    type,
    id,
    questionId: answer.questionId,
    authorId: answer.authorId,
    hidden: Boolean(answer.hiddenAt),
  }
}

/** Throws RateLimited, saying when the next flag is possible, once the day's flags are used. */
function checkDailyLimit(actor: Actor) {
  const max = dailyFlagLimit(actor.role, actor.trust ?? 0)
  const since = new Date(now().getTime() - DAY)
  const recent = db
    .select({ n: count(), oldest: min(flags.createdAt) })
    .from(flags)
    .where(and(eq(flags.flaggerId, actor.id), gt(flags.createdAt, since)))
    .get()
  if (!recent || recent.n < max || !recent.oldest) return
  // The limit lifts when the oldest flag of the last 24 hours is a day old.
  const oldest = new Date(recent.oldest)
  const seconds = Math.max(1, Math.ceil((oldest.getTime() + DAY - now().getTime()) / 1000))
  const reason =
    seconds >= 3600
      ? msg('flags.errors.limitHours', { max, count: Math.ceil(seconds / 3600) })
      : msg('flags.errors.limitMinutes', { max, count: Math.ceil(seconds / 60) })
  throw new RateLimited(seconds, reason)
}

/** The post's review item, made or opened again for a new round of flags. */
function openItem(tx: Tx, post: Post): number {
  const at = now()
  const existing = tx
    .select({ id: reviewItems.id, status: reviewItems.status })
    .from(reviewItems)
    .where(and(eq(reviewItems.postType, post.type), eq(reviewItems.postId, post.id)))
    .get()
  if (!existing)
    return tx
      .insert(reviewItems)
      .values({
        postType: post.type,
        postId: post.id,
        questionId: post.questionId,
        authorId: post.authorId,
        flaggedAt: at,
        createdAt: at,
      })
      .returning({ id: reviewItems.id })
      .get().id
  if (existing.status === 'resolved')
    tx.update(reviewItems)
      .set({
        status: 'pending',
        score: 0,
        flagCount: 0,
        hiddenByFlags: false,
        // an item the spam rules opened is about flags from now on, and about the post's author
        // (a held edit's item named whoever made the edit)
        source: 'flags',
        authorId: post.authorId,
        reasons: null,
        flaggedAt: at,
        claimedById: null,
        claimedUntil: null,
        decision: null,
        decidedById: null,
        decidedAt: null,
      })
      .where(eq(reviewItems.id, existing.id))
      .run()
  return existing.id
}

/** Sums an item's pending flags onto it; returns the summed weight. */
export function refreshItem(tx: Tx, itemId: number): number {
  const totals = tx
    .select({ score: sum(flags.weight), n: count(), oldest: min(flags.createdAt) })
    .from(flags)
    .where(and(eq(flags.reviewItemId, itemId), eq(flags.status, 'pending')))
    .get()
  const score = Number(totals?.score ?? 0)
  tx.update(reviewItems)
    .set({
      score,
      flagCount: totals?.n ?? 0,
      ...(totals?.oldest ? { flaggedAt: new Date(totals.oldest) } : {}),
    })
    .where(eq(reviewItems.id, itemId))
    .run()
  return score
}

export type Flagged = {
  flagId: number
  reviewItemId: number
  weight: number
  score: number
  hidden: boolean
}

/**
 * `actor` flags a question or answer. One flag per person per post; the day's flags are limited
 * by role. Hides the post when the pending flags reach the threshold.
 */
export function flagPost(actor: Actor, type: PostType, id: number, input: unknown): Flagged {
  const parsed = flagSchema.safeParse(input)
  if (!parsed.success) {
    const errors: Record<string, string> = {}
    for (const issue of parsed.error.issues)
      errors[String(issue.path[0] ?? 'form')] ??= issue.message
    throw new Invalid(errors)
  }
  const post = flaggablePost(actor, type, id)
  const already = db
    .select({ id: flags.id })
    .from(flags)
    .where(and(eq(flags.postType, type), eq(flags.postId, id), eq(flags.flaggerId, actor.id)))
    .get()
  if (already) throw new Conflict(msg('flags.errors.already'))
  checkDailyLimit(actor)
  const { reason, note } = parsed.data
  return write((tx) => {
    const record = getFlagRecord(tx, actor.id)
    const weight = flagWeight(actor.role, record.upheld, record.rejected, actor.trust ?? 0)
    const itemId = openItem(tx, post)
    const inserted = tx
      .insert(flags)
      .values({
        reviewItemId: itemId,
        postType: type,
        postId: id,
        questionId: post.questionId,
        flaggerId: actor.id,
        reason,
        note,
        weight,
      })
      .onConflictDoNothing()
      .returning({ id: flags.id })
      .get()
    if (!inserted) throw new Conflict(msg('flags.errors.already'))
    const score = refreshItem(tx, itemId)
    emit(tx, {
      type: 'post.flagged',
      actor,
      questionId: post.questionId,
      answerId: type === 'answer' ? id : null,
      userId: post.authorId,
      data: { flagId: inserted.id, reviewItemId: itemId, reason, weight, score },
    })
    let hidden = post.hidden
    // Nearly equal is enough: weights are rounded to cents.
    if (!hidden && score >= FLAG_THRESHOLD - 1e-9) {
      hidden = withEventSource('system', () =>
        changePostIn(tx, null, post, 'hide', { reason: 'flagged', reviewItemId: itemId }),
      )
      if (hidden)
        tx.update(reviewItems).set({ hiddenByFlags: true }).where(eq(reviewItems.id, itemId)).run()
    }
    return { flagId: inserted.id, reviewItemId: itemId, weight, score, hidden }
  })
}

/**
 * Reaction to a post hidden by its flags: its author is told, with the reasons, that it waits
 * for a moderator. They can still open and edit it.
 */
export function notifyAuthorOfFlags(tx: Tx, e: EmittedEvent) {
  if (e.data?.reason !== 'flagged' || !e.userId || !e.questionId) return
  const itemId = Number(e.data.reviewItemId)
  const reasons = tx
    .selectDistinct({ reason: flags.reason })
    .from(flags)
    .where(and(eq(flags.reviewItemId, itemId), eq(flags.status, 'pending')))
    .all()
    .map((r) => r.reason)
  notify(tx, {
    userId: e.userId,
    type: 'post.hidden_by_flags',
    actorId: null,
    questionId: e.questionId,
    answerId: e.answerId ?? null,
    data: { reasons },
  })
}
