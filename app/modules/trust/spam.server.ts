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
 *
 * An edit is a way to post too, so it passes the same gates (`screenEdit`): the links and images
 * limit refuses it exactly as it refuses a new post, and the content rules (`new-account-links`,
 * `blocked-words`) hold it when it brings links or blocked words the post did not have. The
 * rules about posting (`first-post`, `repeated`, `burst`) are not about an edit. A caught edit
 * of a public post hides it and holds it with the `edit` mark beside the rules, so approving it
 * shows the post again as it was (no new `*.created`); the edit itself is the post's newest
 * revision, which the moderator reads.
 */
import { and, count, desc, eq, gt, isNull, max, sql, sum } from 'drizzle-orm'
import {
  answers,
  questions,
  reviewItems,
  settings,
  userDays,
  users,
  type PostType,
} from '../../../db/schema'
import { msg, type MessageValues } from '../../i18n/message'
import { now } from '../../utils/clock.server'
import { env } from '../../utils/env.server'
import { db, write, type Tx } from '../../utils/db.server'
import { Forbidden, Invalid, RateLimited } from '../../utils/domain-errors'
import { emit, withEventSource } from '../events/events.server'
import { changePostIn } from '../moderation/posts.server'
import { refreshQuestionState } from '../questions/state.server'
import { syncQuestionSearch } from '../search/thread-index.server'
import { atLeast, can, type Actor } from '../policy/policy'
import {
  clampLevel,
  countLinks,
  linksIn,
  LINKS_PER_POST,
  NEW_ACCOUNT,
  TRUST_REQUIREMENTS,
  TRUST_UPDATE_HOURS,
} from './levels'
import {
  BLOCKED_WORD_LENGTH,
  BLOCKED_WORDS_MAX,
  EDIT_MARK,
  type HoldReason,
  type SpamRule,
} from './rules'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export { SPAM_RULES, type SpamRule } from './rules'

/** What each rule adds to the item's score: the queue shows it, the likeliest spam first. */
const RULE_SCORE: Record<HoldReason, number> = {
  [EDIT_MARK]: 0,
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

export type Author = {
  id: number
  trust: number
  createdAt: Date
  role: Actor['role']
  /** a moderator fixed the level: activity does not move it */
  locked?: boolean
}

/** The author as the rules judge them: trust and sign-up time from the database, not the session. */
export function authorOf(tx: Tx | typeof db, actor: Actor): Author {
  const row = tx
    .select({
      trust: users.trustLevel,
      locked: users.trustLocked,
      createdAt: users.createdAt,
      role: users.role,
    })
    .from(users)
    .where(eq(users.id, actor.id))
    .get()
  return {
    id: actor.id,
    trust: clampLevel(row?.trust ?? 0),
    createdAt: row?.createdAt ?? now(),
    role: row?.role ?? actor.role,
    locked: row?.locked !== null && row?.locked !== undefined,
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

const NEEDS = ['age', 'visits', 'reads'] as const
const LIFTS = ['one', 'two', 'three'] as const

/**
 * What is left before the links and images limit lifts for `author`, as the refusal's values:
 * what trust level 1 asks (TRUST_REQUIREMENTS[1]) minus what they have done (time, visits, reads,
 * in that order), or that only the job's next run is missing, or that a moderator locked the
 * level. The messages name each need (`trust.limits.need.*`) in the sentence `lift` picks.
 */
export function linkLimitLift(tx: Tx | typeof db, author: Author): MessageValues {
  if (author.locked) return { lift: 'locked' }
  const r1 = TRUST_REQUIREMENTS[1]
  const done = tx
    .select({ days: count(), reads: sum(userDays.reads) })
    .from(userDays)
    .where(eq(userDays.userId, author.id))
    .get()
  const ageLeft = author.createdAt.getTime() + r1.accountDays * DAY - now().getTime()
  const left: Record<(typeof NEEDS)[number], number> = {
    age: Math.max(0, Math.ceil(ageLeft / HOUR)),
    visits: Math.max(0, r1.daysVisited - (done?.days ?? 0)),
    reads: Math.max(0, r1.questionsRead - Number(done?.reads ?? 0)),
  }
  const needs = NEEDS.filter((n) => left[n] > 0)
  const values: MessageValues = { every: TRUST_UPDATE_HOURS }
  if (needs.length === 0) return { ...values, lift: 'soon' }
  const places = ['first', 'second', 'third'] as const
  needs.forEach((n, i) => {
    values[places[i]!] = n
    values[`${places[i]!}Count`] = left[n]
  })
  return { ...values, lift: LIFTS[needs.length - 1]! }
}

/**
 * Refuses a post or edit carrying more links or images than the author's level allows, with
 * what lifts the limit. Helpers and up are never limited.
 */
export function checkPostContent(tx: Tx, author: Author, text: string) {
  const actor: Actor = { id: author.id, role: author.role, reputation: 0, trust: author.trust }
  const content = countLinks(text)
  if (can(actor, 'post.links', content)) return
  const lift = linkLimitLift(tx, author)
  throw new Invalid({
    body:
      content.images > 0 && content.links <= LINKS_PER_POST[0]
        ? msg('trust.limits.images', lift)
        : msg('trust.limits.links', { ...lift, max: LINKS_PER_POST[0] }),
  })
}

/**
 * Refuses a post a trust-0 account may not make yet (see the module's comment). Moderators,
 * staff and helpers are never limited.
 */
export function checkNewAccountLimits(tx: Tx, author: Author, kind: PostType, text: string) {
  const actor: Actor = { id: author.id, role: author.role, reputation: 0, trust: author.trust }
  checkPostContent(tx, author, text)
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

/** The blocked words and phrases that `text` contains, whole words only. */
function blockedWordsIn(text: string, words: string[]): string[] {
  if (words.length === 0) return []
  const haystack = ` ${normalizeForRepeat(text)} `
  return words.filter((w) => {
    const needle = normalizeForRepeat(w)
    return needle !== '' && haystack.includes(` ${needle} `)
  })
}

const containsBlockedWord = (text: string, words: string[]) =>
  blockedWordsIn(text, words).length > 0

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

export type Screening = { held: false } | { held: true; reasons: HoldReason[]; score: number }

const scored = (reasons: HoldReason[]): Screening =>
  reasons.length === 0
    ? { held: false }
    : { held: true, reasons, score: reasons.reduce((s, r) => s + RULE_SCORE[r], 0) }

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
  return scored(reasons)
}

/**
 * The content rules on an edit by `author` (who may not be the post's author) from `before` to
 * `after`: held when it brings links from a trust-0 account, or blocked words, that the post did
 * not carry already, so fixing a typo in an approved post does not hold it again. Exempt as a new
 * post is: moderators and up entirely, helpers and trust 1 and up from the links rule.
 */
export function screenEdit(author: Author, before: string, after: string): Screening {
  const actor: Actor = { id: author.id, role: author.role, reputation: 0 }
  if (atLeast(actor, 'moderator')) return { held: false }
  const rules: SpamRule[] = []
  const fresh = author.trust === 0 && !atLeast(actor, 'helper')
  if (fresh) {
    const had = linksIn(before)
    if ([...linksIn(after)].some((url) => !had.has(url))) rules.push('new-account-links')
  }
  const words = getSpamSettings().blockedWords
  const had = new Set(blockedWordsIn(before, words))
  if (blockedWordsIn(after, words).some((w) => !had.has(w))) rules.push('blocked-words')
  return rules.length === 0 ? { held: false } : scored([EDIT_MARK, ...rules])
}

const scoreOf = (reasons: string[]) =>
  reasons.reduce((s, r) => s + (RULE_SCORE[r as HoldReason] ?? 0), 0)

/**
 * Inside the writing transaction, after the post row is written: hides and marks it held,
 * queues it for review (the post's one review item, opened again if it had one), and appends
 * `question.held` / `answer.held`. Returns whether the post is held.
 *
 * A caught edit (the `edit` mark) is of a post people could see until now: it is hidden the way
 * a moderator hides a post (the search index, the thread's state and an accepted answer follow),
 * as a step of the system. An edit of a post still waiting for its first approval adds its rules
 * to that item; a post a moderator or flags hid stays as it is, theirs to decide.
 */
export function holdPostIn(
  tx: Tx,
  actor: Actor,
  post: { type: PostType; id: number; questionId: number },
  screening: Extract<Screening, { held: true }>,
): boolean {
  const at = now()
  const table = post.type === 'question' ? questions : answers
  const row = tx
    .select({ authorId: table.authorId, hiddenAt: table.hiddenAt, heldAt: table.heldAt })
    .from(table)
    .where(eq(table.id, post.id))
    .get()
  if (!row) return false
  const item = tx
    .select({ id: reviewItems.id, status: reviewItems.status, reasons: reviewItems.reasons })
    .from(reviewItems)
    .where(and(eq(reviewItems.postType, post.type), eq(reviewItems.postId, post.id)))
    .get()
  const edit = screening.reasons.includes(EDIT_MARK)
  let reasons: string[] = screening.reasons
  if (edit && row.heldAt) {
    // not public yet: the first approval still decides it, now knowing what the edit brought
    const rules = screening.reasons.filter((r) => r !== EDIT_MARK)
    reasons = [...new Set([...(item?.reasons ?? []), ...rules])]
  } else if (edit && row.hiddenAt) return false
  else if (edit)
    withEventSource('system', () =>
      changePostIn(tx, null, post, 'hide', { reason: 'held', reasons: screening.reasons }),
    )
  if (!row.heldAt)
    tx.update(table).set({ hiddenAt: at, heldAt: at }).where(eq(table.id, post.id)).run()
  const values = {
    status: 'pending' as const,
    source: 'held' as const,
    reasons,
    score: scoreOf(reasons),
    hiddenByFlags: false,
    claimedById: null,
    claimedUntil: null,
    decision: null,
    decidedById: null,
    decidedAt: null,
  }
  if (item)
    tx.update(reviewItems)
      // a pending item keeps its place in the queue
      .set(item.status === 'pending' ? values : { ...values, flaggedAt: at })
      .where(eq(reviewItems.id, item.id))
      .run()
  else
    tx.insert(reviewItems)
      .values({
        ...values,
        postType: post.type,
        postId: post.id,
        questionId: post.questionId,
        authorId: row.authorId,
        flaggedAt: at,
        createdAt: at,
      })
      .run()
  emit(tx, {
    type: post.type === 'question' ? 'question.held' : 'answer.held',
    actor,
    questionId: post.questionId,
    answerId: post.type === 'answer' ? post.id : null,
    data: { reasons, score: scoreOf(reasons) },
  })
  return true
}

/**
 * Inside a transaction: a moderator approved the held post. A held edit shows the post again
 * (`*.unhidden`, by the moderator). A held new post becomes public exactly as if just posted:
 * its time is now, its `*.created` event (by its author) is appended, so followers, mentions,
 * escalation and the first-response clock start now, and the search index and the thread's
 * state take it in. False when it was not held any more.
 */
export function releaseHeldIn(
  tx: Tx,
  moderator: Actor,
  post: { type: PostType; id: number; questionId: number; authorId: number },
): boolean {
  const at = now()
  const table = post.type === 'question' ? questions : answers
  const item = tx
    .select({ reasons: reviewItems.reasons })
    .from(reviewItems)
    .where(and(eq(reviewItems.postType, post.type), eq(reviewItems.postId, post.id)))
    .get()
  // A held edit: the post was public before it, so it is shown again as it was, not made new.
  if (item?.reasons?.includes(EDIT_MARK)) {
    const released = tx
      .update(table)
      .set({ heldAt: null })
      .where(and(eq(table.id, post.id), sql`${table.heldAt} is not null`))
      .run()
    if (released.changes === 0) return false
    changePostIn(tx, moderator, post, 'unhide', { approvedEdit: true })
    return true
  }
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
