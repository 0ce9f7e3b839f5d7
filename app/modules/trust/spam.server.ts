/**
 * What happens to a new post before anyone sees it, in the transaction that writes it:
 *
 * 1. New-account limits (trust 0) refuse it outright, saying when the limit lifts: too many
 *    links or any image, too many questions or answers in the account's first day, too soon
 *    after the last post. Nothing is written; the form keeps what was typed.
 * 2. The spam rules may hold it: it is written hidden (the one visibility rule keeps it from
 *    everyone but its author and moderators), marked held, and put in the review queue with
 *    the rules that caught it and their score. No `*.created` event is emitted, so nothing
 *    follows from it (followers, mentions, escalation, search) until a moderator approves it;
 *    approving emits it then, as if it had just been posted.
 *
 * The rules (codes stored on the review item; a post is held when any applies):
 * - `first-post`: the account is at trust 0 and has no approved post yet (a setting, on by
 *   default);
 * - `new-account-links`: a trust-0 account posts a link;
 * - `repeated`: the same text (ignoring case, spacing and punctuation) as another post of the
 *   last day, by anyone, from a trust-0 account;
 * - `blocked-words`: a word or phrase from the staff's blocked list, from anyone below
 *   moderator;
 * - `burst`: a trust-0 account's third post within ten minutes.
 */
import { and, count, desc, eq, gt, isNull, max, sql } from 'drizzle-orm'
import { answers, questions, reviewItems, settings, users, type PostType } from '../../../db/schema'
import { msg } from '../../i18n/message'
import { now } from '../../utils/clock.server'
import { env } from '../../utils/env.server'
import { db, write, type Tx } from '../../utils/db.server'
import { Forbidden, Invalid, RateLimited } from '../../utils/domain-errors'
import { emit } from '../events/events.server'
import { refreshQuestionState } from '../questions/state.server'
import { syncQuestionSearch } from '../search/thread-index.server'
import { atLeast, can, type Actor } from '../policy/policy'
import { clampLevel, countLinks, LINKS_PER_POST, NEW_ACCOUNT } from './levels'
import { BLOCKED_WORD_LENGTH, BLOCKED_WORDS_MAX, type SpamRule } from './rules'

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

export { SPAM_RULES, type SpamRule } from './rules'

/** What each rule adds to the item's score: the queue shows it, the likeliest spam first. */
const RULE_SCORE: Record<SpamRule, number> = {
  'first-post': 1,
  'new-account-links': 2,
  repeated: 3,
  'blocked-words': 3,
  burst: 2,
}
const BURST_POSTS = 3
const BURST_MINUTES = 10

// --- settings -------------------------------------------------------------------------------

export const SPAM_SETTINGS_KEY = 'spam'

export type SpamSettings = { holdFirstPosts: boolean; blockedWords: string[] }

export function getSpamSettings(): SpamSettings {
  const row = db.select().from(settings).where(eq(settings.key, SPAM_SETTINGS_KEY)).get()
  const stored = (row?.value ?? {}) as Partial<SpamSettings>
  return {
    holdFirstPosts: stored.holdFirstPosts ?? env().HOLD_FIRST_POSTS,
    blockedWords: Array.isArray(stored.blockedWords) ? stored.blockedWords : [],
  }
}

/** The blocked list as typed: one word or phrase a line, trimmed, lower-cased, no repeats. */
export function parseBlockedWords(text: string): string[] {
  const words = text
    .split(/\r?\n/)
    .map((w) => w.trim().toLowerCase().replace(/\s+/g, ' '))
    .filter(Boolean)
  return [...new Set(words)]
}

export function saveSpamSettings(actor: Actor, input: { holdFirstPosts: boolean; words: string }) {
  if (!can(actor, 'spam.settings', null)) throw new Forbidden('spam.settings')
  const blockedWords = parseBlockedWords(input.words)
  if (blockedWords.length > BLOCKED_WORDS_MAX)
    throw new Invalid({ words: msg('trust.spam.validation.tooMany', { max: BLOCKED_WORDS_MAX }) })
  if (blockedWords.some((w) => w.length > BLOCKED_WORD_LENGTH))
    throw new Invalid({
      words: msg('trust.spam.validation.tooLong', { max: BLOCKED_WORD_LENGTH }),
    })
  const value: SpamSettings = { holdFirstPosts: input.holdFirstPosts, blockedWords }
  write((tx) => {
    tx.insert(settings)
      .values({ key: SPAM_SETTINGS_KEY, value, updatedAt: now() })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now() } })
      .run()
    emit(tx, {
      type: 'settings.spam_changed',
      actor,
      data: { holdFirstPosts: value.holdFirstPosts, blockedWords: blockedWords.length },
    })
  })
}

// --- screening ------------------------------------------------------------------------------

export type Author = { id: number; trust: number; createdAt: Date; role: Actor['role'] }

/** The author as the rules judge them: trust and sign-up time from the database, not the session. */
export function authorOf(tx: Tx | typeof db, actor: Actor): Author {
  const row = tx
    .select({ trust: users.trustLevel, createdAt: users.createdAt, role: users.role })
    .from(users)
    .where(eq(users.id, actor.id))
    .get()
  return {
    id: actor.id,
    trust: clampLevel(row?.trust ?? 0),
    createdAt: row?.createdAt ?? now(),
    role: row?.role ?? actor.role,
  }
}

const live = (table: typeof questions | typeof answers, authorId: number) =>
  and(eq(table.authorId, authorId), isNull(table.deletedAt))

/** The author's posts (questions and answers) since `since`, and the latest one's time. */
function recentPosts(tx: Tx, authorId: number, since: Date) {
  const of = (table: typeof questions | typeof answers) =>
    tx
      .select({ n: count(), last: max(table.createdAt) })
      .from(table)
      .where(and(eq(table.authorId, authorId), gt(table.createdAt, since)))
      .get() ?? { n: 0, last: null }
  const q = of(questions)
  const a = of(answers)
  const last = [q.last, a.last]
    .filter((d): d is Date => d !== null)
    .map((d) => new Date(d).getTime())
  return { questions: q.n, answers: a.n, last: last.length ? Math.max(...last) : null }
}

function rateLimited(
  seconds: number,
  key: 'tooSoon' | 'firstDayQuestions' | 'firstDayAnswers',
  values: Record<string, number>,
) {
  const s = Math.max(1, Math.ceil(seconds))
  const when =
    s < 120
      ? { unit: 'seconds', count: s }
      : s < 7200
        ? { unit: 'minutes', count: Math.ceil(s / 60) }
        : { unit: 'hours', count: Math.ceil(s / 3600) }
  return new RateLimited(
    s,
    msg(`trust.limits.${key}.${when.unit}` as 'trust.limits.tooSoon.seconds', {
      ...values,
      count: when.count,
    }),
  )
}

/**
 * Refuses a post a trust-0 account may not make yet (see the module's comment). Moderators,
 * staff and helpers are never limited.
 */
export function checkNewAccountLimits(tx: Tx, author: Author, kind: PostType, text: string) {
  const actor: Actor = { id: author.id, role: author.role, reputation: 0, trust: author.trust }
  const content = countLinks(text)
  if (!can(actor, 'post.links', content))
    throw new Invalid({
      body:
        content.images > 0 && content.links <= LINKS_PER_POST[0]
          ? msg('trust.limits.images')
          : msg('trust.limits.links', { max: LINKS_PER_POST[0] }),
    })
  if (author.trust > 0 || atLeast(actor, 'helper')) return
  const at = now().getTime()
  const firstDayEnds = author.createdAt.getTime() + DAY
  const recent = recentPosts(
    tx,
    author.id,
    new Date(Math.min(author.createdAt.getTime(), at - DAY)),
  )
  if (recent.last !== null) {
    const wait = recent.last + NEW_ACCOUNT.secondsBetweenPosts * 1000 - at
    if (wait > 0)
      throw rateLimited(wait / 1000, 'tooSoon', { seconds: NEW_ACCOUNT.secondsBetweenPosts })
  }
  if (at < firstDayEnds) {
    const max = kind === 'question' ? NEW_ACCOUNT.firstDayQuestions : NEW_ACCOUNT.firstDayAnswers
    const made = kind === 'question' ? recent.questions : recent.answers
    if (made >= max)
      throw rateLimited(
        (firstDayEnds - at) / 1000,
        kind === 'question' ? 'firstDayQuestions' : 'firstDayAnswers',
        { max },
      )
  }
}

/** Text as the repeated-post rule compares it: letters and digits, single-spaced, lower case. */
export function normalizeForRepeat(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

function containsBlockedWord(text: string, words: string[]): boolean {
  if (words.length === 0) return false
  const haystack = ` ${normalizeForRepeat(text)} `
  return words.some((w) => {
    const needle = normalizeForRepeat(w)
    return needle !== '' && haystack.includes(` ${needle} `)
  })
}

/** Whether the same text was posted in the last day (the latest 200 posts of each kind). */
function isRepeated(tx: Tx, text: string): boolean {
  const target = normalizeForRepeat(text)
  if (target.length < 20) return false
  const since = new Date(now().getTime() - DAY)
  const bodies = [
    ...tx
      .select({ body: answers.bodyMd })
      .from(answers)
      .where(gt(answers.createdAt, since))
      .orderBy(desc(answers.id))
      .limit(200)
      .all(),
    ...tx
      .select({ body: questions.bodyMd })
      .from(questions)
      .where(gt(questions.createdAt, since))
      .orderBy(desc(questions.id))
      .limit(200)
      .all(),
  ]
  return bodies.some((b) => normalizeForRepeat(b.body) === target)
}

/** Whether the author has a post anyone can see (approved, or never held). */
function hasApprovedPost(tx: Tx, authorId: number): boolean {
  const shown = (table: typeof questions | typeof answers) =>
    tx
      .select({ id: table.id })
      .from(table)
      .where(and(live(table, authorId), isNull(table.heldAt), isNull(table.hiddenAt)))
      .limit(1)
      .get() !== undefined
  return shown(questions) || shown(answers)
}

export type Screening = { held: false } | { held: true; reasons: SpamRule[]; score: number }

/** The rules that catch the post (before it is written), and whether it is held. */
/** `body` is what the repeated-post rule compares (a question's text without its title). */
export function screenPost(tx: Tx, author: Author, text: string, body = text): Screening {
  const actor: Actor = { id: author.id, role: author.role, reputation: 0 }
  if (atLeast(actor, 'moderator')) return { held: false }
  const config = getSpamSettings()
  const reasons: SpamRule[] = []
  const fresh = author.trust === 0 && !atLeast(actor, 'helper')
  if (fresh && config.holdFirstPosts && !hasApprovedPost(tx, author.id)) reasons.push('first-post')
  if (fresh && countLinks(text).links > 0) reasons.push('new-account-links')
  if (fresh && isRepeated(tx, body)) reasons.push('repeated')
  if (containsBlockedWord(text, config.blockedWords)) reasons.push('blocked-words')
  if (fresh) {
    const since = new Date(now().getTime() - BURST_MINUTES * MINUTE)
    const recent = recentPosts(tx, author.id, since)
    if (recent.questions + recent.answers >= BURST_POSTS - 1) reasons.push('burst')
  }
  if (reasons.length === 0) return { held: false }
  return { held: true, reasons, score: reasons.reduce((s, r) => s + RULE_SCORE[r], 0) }
}

/**
 * Inside the creating transaction, after the post row is written: hides and marks it held,
 * queues it for review, and appends `question.held` / `answer.held`.
 */
export function holdPostIn(
  tx: Tx,
  actor: Actor,
  post: { type: PostType; id: number; questionId: number },
  screening: Extract<Screening, { held: true }>,
) {
  const at = now()
  const table = post.type === 'question' ? questions : answers
  tx.update(table).set({ hiddenAt: at, heldAt: at }).where(eq(table.id, post.id)).run()
  tx.insert(reviewItems)
    .values({
      postType: post.type,
      postId: post.id,
      questionId: post.questionId,
      authorId: actor.id,
      source: 'held',
      reasons: screening.reasons,
      score: screening.score,
      flaggedAt: at,
      createdAt: at,
    })
    .run()
  emit(tx, {
    type: post.type === 'question' ? 'question.held' : 'answer.held',
    actor,
    questionId: post.questionId,
    answerId: post.type === 'answer' ? post.id : null,
    data: { reasons: screening.reasons, score: screening.score },
  })
}

/**
 * Inside a transaction: a moderator approved the held post. It becomes public exactly as if
 * just posted: its time is now, its `*.created` event (by its author) is appended, so
 * followers, mentions, escalation and the first-response clock start now, and the search index
 * and the thread's state take it in. False when it was not held any more.
 */
export function releaseHeldIn(
  tx: Tx,
  moderator: Actor,
  post: { type: PostType; id: number; questionId: number; authorId: number },
): boolean {
  const at = now()
  const table = post.type === 'question' ? questions : answers
  const released = tx
    .update(table)
    .set({
      hiddenAt: null,
      heldAt: null,
      createdAt: at,
      updatedAt: at,
      ...(post.type === 'question' ? { lastActivityAt: at } : {}),
    })
    .where(and(eq(table.id, post.id), sql`${table.heldAt} is not null`))
    .run()
  if (released.changes === 0) return false
  const author = tx
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(eq(users.id, post.authorId))
    .get()
  const data = { approvedBy: moderator.id }
  if (post.type === 'question') {
    emit(tx, { type: 'question.created', actor: author ?? null, questionId: post.id, data })
    syncQuestionSearch(tx, post.id)
  } else {
    tx.update(questions).set({ lastActivityAt: at }).where(eq(questions.id, post.questionId)).run()
    emit(tx, {
      type: 'answer.created',
      actor: author ?? null,
      questionId: post.questionId,
      answerId: post.id,
      data,
    })
    refreshQuestionState(tx, post.questionId, author ?? null)
  }
  return true
}
