import { sql } from 'drizzle-orm'
import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core'
import { now } from '../app/utils/clock.server'
// The lists forms offer and the columns store are one list each, kept where forms can use them.
import { ARTICLE_STATUSES, FEEDBACK_REASON_VALUES } from '../app/modules/kb/validation'
import { POST_LANGUAGES } from '../app/modules/search/languages'
import type { CategoryTranslations } from '../app/modules/categories/localize'
import { AVATAR_COLOUR_NAMES } from '../app/modules/users/avatar'

export const ROLES = ['member', 'helper', 'moderator', 'staff', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const QUESTION_STATUSES = ['open', 'answered', 'solved'] as const
export type QuestionStatus = (typeof QUESTION_STATUSES)[number]

export const CLOSE_REASONS = [
  'duplicate',
  'off-topic',
  'resolved-elsewhere',
  'needs-details',
] as const
export type CloseReason = (typeof CLOSE_REASONS)[number]

/** Public questions are listed and searchable; private ones are seen by their asker and staff only. */
export const QUESTION_VISIBILITIES = ['public', 'private'] as const
export type QuestionVisibility = (typeof QUESTION_VISIBILITIES)[number]

/** Where a question came from: asked here, or an import of old history (which never escalates). */
export const QUESTION_ORIGINS = ['live', 'import'] as const

export const POST_TYPES = ['question', 'answer'] as const
export type PostType = (typeof POST_TYPES)[number]

/**
 * Everything that changes state appends one of these, in the transaction that made the change.
 * Metrics, the audit log and the reactions (notifications, reputation, the KB queue) read them.
 */
export const EVENT_TYPES = [
  'user.signed_up',
  'user.signed_in',
  'user.sign_in_failed',
  'user.signed_out',
  'user.signed_out_everywhere',
  'user.role_changed',
  'user.language_changed',
  'user.deleted',
  'question.created',
  'question.edited',
  'question.recategorised',
  'question.deleted',
  'question.restored',
  'question.hidden',
  'question.unhidden',
  'question.status_changed',
  'question.closed',
  'question.reopened',
  'answer.created',
  'answer.edited',
  'answer.deleted',
  'answer.restored',
  'answer.hidden',
  'answer.unhidden',
  'answer.accepted',
  'answer.unaccepted',
  'vote.cast',
  'kb.article_created',
  'kb.article_edited',
  'kb.article_published',
  'kb.article_archived',
  'kb.article_reviewed',
  'kb.feedback',
  'kb.candidate_queued',
  'kb.candidate_published',
  'kb.candidate_rejected',
  'kb.solved_question',
  'settings.changed',
  // escalation to staff
  'question.escalated',
  'question.escalation_raised',
  'question.acknowledged',
  'question.assigned',
  'question.escalation_resolved',
  'question.sla_breached',
  'question.made_public',
  'note.added',
  'note.deleted',
  // e-mail and notification choices
  'user.notification_preferences_changed',
  'user.unsubscribed',
  'user.followed',
  'user.unfollowed',
  // moderation of people
  'user.warned',
  'user.silenced',
  'user.suspended',
  'user.banned',
  'user.sanction_lifted',
  'user.sanction_ended',
  // flags and the review queue
  'post.flagged',
  'flag.decided',
  'review.claimed',
  // moderators' thread actions
  'question.locked',
  'question.unlocked',
  'question.retagged',
  // a duplicate's answers moved to its original (data: originalId, answerIds, unacceptedAnswerId)
  'question.merged',
  // support operations: the asker's survey answer (data: rating 1–5, comment; the newest one of
  // a question counts) and the asker saying an automatic suggestion did not solve it
  'survey.answered',
  'suggestion.declined',
  // accounts: password reset by e-mail, the person's own settings, an admin's export
  'user.password_reset_requested',
  'user.password_reset',
  'user.password_changed',
  'user.email_change_requested',
  'user.email_changed',
  'user.profile_updated',
  'user.data_exported',
  // reply templates: automation switched on by staff, or off by staff or by itself (data:
  // templateId, on, why, rate, uses)
  'template.automation_changed',
  // trust and spam: a post held for a moderator before anyone sees it (approving it emits its
  // `*.created`), trust levels moved by the job or a moderator, reputation rebuilt from the ledger
  'question.held',
  'answer.held',
  'user.trust_changed',
  'user.trust_locked',
  'reputation.recomputed',
  'settings.spam_changed',
] as const
export type EventType = (typeof EVENT_TYPES)[number]

/** Where an event came from: people using the site, an import of old history, or a job. */
export const EVENT_SOURCES = ['live', 'import', 'system'] as const
export type EventSource = (typeof EVENT_SOURCES)[number]

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .$defaultFn(() => now())

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    handle: text('handle').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ROLES }).notNull().default('member'),
    bio: text('bio').notNull().default(''),
    reputation: integer('reputation').notNull().default(0),
    // A deleted account stays as a tombstone (no e-mail, no password, no sessions) so that its
    // posts and the events it acted in keep pointing at someone.
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    // The interface language the person chose ('en', 'id'); null: the browser decides.
    language: text('language'),
    // Sanctions in force (see `sanctions`): read-only until, signed out and kept out until, and
    // banned for good. Past dates mean nothing: a sanction ends on time by itself.
    silencedUntil: integer('silenced_until', { mode: 'timestamp_ms' }),
    suspendedUntil: integer('suspended_until', { mode: 'timestamp_ms' }),
    bannedAt: integer('banned_at', { mode: 'timestamp_ms' }),
    // the colour behind the initials, from a fixed palette; null: one derived from the handle
    avatarColour: text('avatar_colour', { enum: AVATAR_COLOUR_NAMES }),
    // Trust level 0–4 (see app/modules/trust): computed by the trust job from activity, unless a
    // moderator locked it (trust_locked, the level it stays at). When it last moved, for the
    // grace period before a level-3 person can fall back.
    trustLevel: integer('trust_level').notNull().default(0),
    trustLocked: integer('trust_locked'),
    trustChangedAt: integer('trust_changed_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [
    // log-in by e-mail; e-mails are stored lower-cased
    uniqueIndex('users_email_unique').on(t.email),
    // profile URLs and @handles; handles are stored lower-cased
    uniqueIndex('users_handle_unique').on(t.handle),
  ],
)

/** Kept apart from users so that no query for a user ever carries a hash by accident. */
export const passwords = sqliteTable('passwords', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  hash: text('hash').notNull(),
})

/** Lucia's session table; `id` is the SHA-256 of the token in the cookie, never the token. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // seconds since the epoch, as lucia's adapter writes it
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [
    // "log out everywhere" and the user's session list
    index('sessions_user_idx').on(t.userId),
  ],
)

export const categories = sqliteTable(
  'categories',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull().default(0),
    // Name and description in the other interface languages, `{"id":{"name":…,"description":…}}`;
    // English is name and description above, and stands in for whatever a language lacks.
    translations: text('translations', { mode: 'json' })
      .$type<CategoryTranslations>()
      .notNull()
      .default({}),
  },
  (t) => [uniqueIndex('categories_slug_unique').on(t.slug)],
)

export const tags = sqliteTable(
  'tags',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('tags_name_unique').on(t.name)],
)

export const questions = sqliteTable(
  'questions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id),
    title: text('title').notNull(),
    bodyMd: text('body_md').notNull(),
    bodyHtml: text('body_html').notNull(),
    cookedVersion: integer('cooked_version').notNull(),
    // 'en' or 'id': chosen in the form or detected on save; the page's lang attribute
    language: text('language', { enum: POST_LANGUAGES }).notNull().default('en'),
    status: text('status', { enum: QUESTION_STATUSES }).notNull().default('open'),
    acceptedAnswerId: integer('accepted_answer_id').references((): AnySQLiteColumn => answers.id, {
      onDelete: 'set null',
    }),
    closedReason: text('closed_reason', { enum: CLOSE_REASONS }),
    duplicateOfId: integer('duplicate_of_id').references((): AnySQLiteColumn => questions.id),
    // merged into another question: its answers live there now and its URL redirects there
    mergedIntoId: integer('merged_into_id').references((): AnySQLiteColumn => questions.id),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
    lockedAt: integer('locked_at', { mode: 'timestamp_ms' }),
    hiddenAt: integer('hidden_at', { mode: 'timestamp_ms' }),
    // Held for a moderator by the spam rules (hidden_at is set too, so the one visibility rule
    // keeps it out of sight); cleared when approved.
    heldAt: integer('held_at', { mode: 'timestamp_ms' }),
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    score: integer('score').notNull().default(0),
    answerCount: integer('answer_count').notNull().default(0),
    viewCount: integer('view_count').notNull().default(0),
    firstResponseAt: integer('first_response_at', { mode: 'timestamp_ms' }),
    solvedAt: integer('solved_at', { mode: 'timestamp_ms' }),
    visibility: text('visibility', { enum: QUESTION_VISIBILITIES }).notNull().default('public'),
    origin: text('origin', { enum: QUESTION_ORIGINS }).notNull().default('live'),
    // Needs attention (see the escalation module): since when, and when its first-response target
    // passes on the category's clock. Both null when it does not need attention.
    attentionSince: integer('attention_since', { mode: 'timestamp_ms' }),
    slaDueAt: integer('sla_due_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .$defaultFn(() => now()),
    lastActivityAt: integer('last_activity_at', { mode: 'timestamp_ms' })
      .notNull()
      .$defaultFn(() => now()),
  },
  (t) => [
    // question list sorted by newest / recently active / votes, visible rows only
    index('questions_list_created_idx')
      .on(t.createdAt)
      .where(sql`hidden_at is null and deleted_at is null`),
    index('questions_list_activity_idx')
      .on(t.lastActivityAt)
      .where(sql`hidden_at is null and deleted_at is null`),
    index('questions_list_score_idx')
      .on(t.score, t.createdAt)
      .where(sql`hidden_at is null and deleted_at is null`),
    // list filtered by category (and status) newest first
    index('questions_category_idx').on(t.categoryId, t.status, t.createdAt),
    // list filtered by status newest first
    index('questions_status_idx').on(t.status, t.createdAt),
    // profile page: a user's questions
    index('questions_author_idx').on(t.authorId, t.createdAt),
    // syncQuestionSearch's related titles: a question's duplicates
    index('questions_duplicate_of_idx').on(t.duplicateOfId),
    // the escalation sweep and the desk: questions that need attention, by when they are due
    index('questions_sla_due_idx')
      .on(t.slaDueAt)
      .where(sql`sla_due_at is not null`),
    // the asker's and staff's private questions
    index('questions_private_idx')
      .on(t.authorId, t.createdAt)
      .where(sql`visibility = 'private'`),
  ],
)

export const questionTags = sqliteTable(
  'question_tags',
  {
    questionId: integer('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.questionId, t.tagId] }),
    // list filtered by tag; tag counts
    index('question_tags_tag_idx').on(t.tagId, t.questionId),
  ],
)

export const answers = sqliteTable(
  'answers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    questionId: integer('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    bodyMd: text('body_md').notNull(),
    bodyHtml: text('body_html').notNull(),
    cookedVersion: integer('cooked_version').notNull(),
    // 'en' or 'id': chosen in the form or detected on save; the page's lang attribute
    language: text('language', { enum: POST_LANGUAGES }).notNull().default('en'),
    score: integer('score').notNull().default(0),
    hiddenAt: integer('hidden_at', { mode: 'timestamp_ms' }),
    // held for a moderator, as on questions
    heldAt: integer('held_at', { mode: 'timestamp_ms' }),
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .$defaultFn(() => now()),
  },
  (t) => [
    // answers of a question page in order
    index('answers_question_idx').on(t.questionId, t.createdAt),
    // profile page: a user's answers
    index('answers_author_idx').on(t.authorId, t.createdAt),
  ],
)

/** Every version of a post, the first included, so the history reads from one table. */
export const revisions = sqliteTable(
  'revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    postType: text('post_type', { enum: POST_TYPES }).notNull(),
    postId: integer('post_id').notNull(),
    number: integer('number').notNull(),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    // title and tags belong to questions only
    title: text('title'),
    tags: text('tags'),
    bodyMd: text('body_md').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    // history page of one post, newest first; also guards against two revisions with one number
    uniqueIndex('revisions_post_number_unique').on(t.postType, t.postId, t.number),
  ],
)

export const votes = sqliteTable(
  'votes',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    postType: text('post_type', { enum: POST_TYPES }).notNull(),
    postId: integer('post_id').notNull(),
    value: integer('value').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.postType, t.postId] })],
)

/**
 * Append-only: metrics, the audit log and the reactions read from here. The actor's role is
 * the one they had at that moment; targets are typed columns so "everything that happened to
 * this question" and "everything this person did" are index reads.
 */
export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    type: text('type', { enum: EVENT_TYPES }).notNull(),
    source: text('source', { enum: EVENT_SOURCES }).notNull().default('live'),
    // null: nobody in particular did it (a job, the shipped content)
    actorId: integer('actor_id').references(() => users.id),
    actorRole: text('actor_role', { enum: ROLES }),
    questionId: integer('question_id'),
    answerId: integer('answer_id'),
    articleId: integer('article_id'),
    userId: integer('user_id'),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    // a question's timeline (first response, status, acceptance) for metrics and the audit log
    index('events_question_idx')
      .on(t.questionId, t.createdAt)
      .where(sql`question_id is not null`),
    index('events_answer_idx')
      .on(t.answerId, t.createdAt)
      .where(sql`answer_id is not null`),
    index('events_article_idx')
      .on(t.articleId, t.createdAt)
      .where(sql`article_id is not null`),
    // what happened to an account (sign-ins, role changes)
    index('events_user_idx')
      .on(t.userId, t.createdAt)
      .where(sql`user_id is not null`),
    // everything one person did, for the audit log and per-person metrics
    index('events_actor_idx')
      .on(t.actorId, t.createdAt)
      .where(sql`actor_id is not null`),
    // metrics by event type over a date range
    index('events_type_idx').on(t.type, t.createdAt),
    // the dashboard: a range's events of some types, read from the index alone (the questions
    // asked in a range, escalations, acceptances by whom). Partial, so that no other query
    // picks it and sees events of one moment in another order than they were written.
    index('events_metrics_type_idx')
      .on(t.type, t.createdAt, t.source, t.questionId, t.actorId, t.userId)
      .where(sql`source <> 'import'`),
    // the dashboard's replay of a range's threads, read from the index alone (partial: as above)
    index('events_metrics_question_idx')
      .on(t.questionId, t.createdAt, t.type, t.source, t.answerId, t.actorId, t.actorRole)
      .where(sql`question_id is not null and source <> 'import'`),
    // the dashboard's answers posted in a range, per person, read from the index alone
    index('events_metrics_answers_idx')
      .on(t.type, t.createdAt, t.source, t.actorId, t.questionId, t.answerId)
      .where(sql`type = 'answer.created' and source <> 'import'`),
    // answers posted by automation: no response, and the automatic resolution rate
    index('events_automatic_answers_idx')
      .on(t.answerId, t.questionId)
      .where(sql`type = 'answer.created' and json_extract(data, '$.automatic') = 1`),
  ],
)

/**
 * Forms that create something carry a one-time key; the first submission records what it
 * made, so a second click or a resent form returns the same thing instead of a copy.
 */
export const formSubmissions = sqliteTable('form_submissions', {
  key: text('key').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  resultId: integer('result_id').notNull(),
  createdAt: createdAt(),
})

/** Fixed-window counters shared by every process on the host. */
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: integer('window_start').notNull(),
  count: integer('count').notNull(),
})

export const KB_STATUSES = ARTICLE_STATUSES
export type KbStatus = (typeof KB_STATUSES)[number]
export const KB_ORIGINS = ['content', 'app', 'promoted'] as const
export type KbOrigin = (typeof KB_ORIGINS)[number]

export const kbArticles = sqliteTable(
  'kb_articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    bodyMd: text('body_md').notNull(),
    bodyHtml: text('body_html').notNull(),
    cookedVersion: integer('cooked_version').notNull(),
    // 'en' or 'id': chosen in the form or detected on save; the page's lang attribute
    language: text('language', { enum: POST_LANGUAGES }).notNull().default('en'),
    categoryId: integer('category_id').references(() => categories.id),
    // space-separated tag names; articles are few, a join table would buy nothing here
    tags: text('tags').notNull().default(''),
    status: text('status', { enum: KB_STATUSES }).notNull().default('draft'),
    origin: text('origin', { enum: KB_ORIGINS }).notNull(),
    // hash of the shipped file, so a start-up sync only rewrites articles whose file changed
    contentHash: text('content_hash'),
    reviewDueAt: integer('review_due_at', { mode: 'timestamp_ms' }),
    viewCount: integer('view_count').notNull().default(0),
    helpfulYes: integer('helpful_yes').notNull().default(0),
    helpfulNo: integer('helpful_no').notNull().default(0),
    solvedCount: integer('solved_count').notNull().default(0),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .$defaultFn(() => now()),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    // article URLs and content sync by file name
    uniqueIndex('kb_articles_slug_unique').on(t.slug),
    // KB home by category, published only
    index('kb_articles_category_idx').on(t.status, t.categoryId),
    // the "due for review" list
    index('kb_articles_review_idx').on(t.reviewDueAt),
    // the KB version (count, latest update) checked before KB searches: covering, so it never
    // reads the article bodies
    index('kb_articles_version_idx').on(t.status, t.updatedAt),
  ],
)

export const kbRevisions = sqliteTable(
  'kb_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => kbArticles.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    bodyMd: text('body_md').notNull(),
    tags: text('tags').notNull().default(''),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    comment: text('comment').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    // an article's history, and one revision per number
    uniqueIndex('kb_revisions_article_number_unique').on(t.articleId, t.number),
  ],
)

export const KB_FEEDBACK_REASONS = FEEDBACK_REASON_VALUES
export type KbFeedbackReason = (typeof KB_FEEDBACK_REASONS)[number]

export const kbFeedback = sqliteTable(
  'kb_feedback',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => kbArticles.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    // signed-in user id or a hash of the anonymous visitor: one vote each per article
    voterKey: text('voter_key').notNull(),
    helpful: integer('helpful', { mode: 'boolean' }).notNull(),
    reason: text('reason', { enum: KB_FEEDBACK_REASONS }),
    comment: text('comment').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('kb_feedback_voter_unique').on(t.articleId, t.voterKey),
    // staff read the latest feedback per article
    index('kb_feedback_article_idx').on(t.articleId, t.createdAt),
  ],
)

/** Threads an article was written from; the article links back to each. */
export const kbSources = sqliteTable(
  'kb_sources',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => kbArticles.id, { onDelete: 'cascade' }),
    questionId: integer('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    answerId: integer('answer_id').references(() => answers.id, { onDelete: 'set null' }),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.questionId] }),
    // the thread page's "Promoted to the knowledge base" link
    index('kb_sources_question_idx').on(t.questionId),
  ],
)

export const KB_CANDIDATE_STATUSES = ['pending', 'published', 'rejected'] as const

/** The promotion queue: accepted answers proposed as articles. */
export const kbCandidates = sqliteTable(
  'kb_candidates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    questionId: integer('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    answerId: integer('answer_id')
      .notNull()
      .references(() => answers.id, { onDelete: 'cascade' }),
    status: text('status', { enum: KB_CANDIDATE_STATUSES }).notNull().default('pending'),
    // 'accepted' when queued by acceptance, 'rule' when the automatic rule queued it
    queuedBy: text('queued_by', { enum: ['accepted', 'rule', 'moderator'] }).notNull(),
    articleId: integer('article_id').references(() => kbArticles.id, { onDelete: 'set null' }),
    decidedById: integer('decided_by_id').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    // one candidate per question; re-accepting another answer updates it
    uniqueIndex('kb_candidates_question_unique').on(t.questionId),
    // the queue, oldest first
    index('kb_candidates_status_idx').on(t.status, t.createdAt),
  ],
)

/** Questions an article solved: closed with it, or marked solved by it by the asker. */
export const kbSolutions = sqliteTable(
  'kb_solutions',
  {
    questionId: integer('question_id')
      .primaryKey()
      .references(() => questions.id, { onDelete: 'cascade' }),
    articleId: integer('article_id')
      .notNull()
      .references(() => kbArticles.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['closed', 'marked'] }).notNull(),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('kb_solutions_article_idx').on(t.articleId)],
)

/** Site settings edited in the app (thresholds, rules); values are JSON. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
    .notNull()
    .$defaultFn(() => now()),
})

/**
 * One ask-form visit: the unit of deflection (see the README). Suggestions shown and opened, and the
 * question posted from it, are stamped on the row; the details are in search_events.
 */
export const askVisits = sqliteTable(
  'ask_visits',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    startedAt: integer('started_at', { mode: 'timestamp_ms' })
      .notNull()
      .$defaultFn(() => now()),
    firstShownAt: integer('first_shown_at', { mode: 'timestamp_ms' }),
    firstOpenedAt: integer('first_opened_at', { mode: 'timestamp_ms' }),
    questionId: integer('question_id').references(() => questions.id, { onDelete: 'set null' }),
    postedAt: integer('posted_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    // deflection over a date range
    index('ask_visits_started_idx').on(t.startedAt),
  ],
)

export const SEARCH_EVENT_KINDS = [
  'search',
  'suggest_shown',
  'suggest_opened',
  'result_opened',
] as const

export const searchEvents = sqliteTable(
  'search_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: SEARCH_EVENT_KINDS }).notNull(),
    askVisitId: text('ask_visit_id').references(() => askVisits.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    query: text('query').notNull().default(''),
    targetType: text('target_type', { enum: ['kb', 'question'] }),
    targetId: integer('target_id'),
    resultCount: integer('result_count'),
    createdAt: createdAt(),
  },
  (t) => [
    // search analytics by kind over a date range
    index('search_events_kind_idx').on(t.kind, t.createdAt),
    index('search_events_visit_idx').on(t.askVisitId),
  ],
)

export const NOTIFICATION_TYPES = [
  'question.closed_duplicate',
  'question.answered',
  'answer.accepted',
  // to staff: a question escalated to them (level 1 or 2) or assigned to them
  'question.escalated',
  'question.assigned',
  // to the asker: staff acknowledged the question ("Our team is looking at this")
  'question.acknowledged',
  // followed threads, tags and categories; @mentions
  'followed.new_question',
  'followed.new_answer',
  'mention',
  // to the person: a moderator's warning, or a sanction with its reason and end
  'moderation.sanctioned',
  // to the author: flags hid their post until a moderator looks at it
  'post.hidden_by_flags',
  // to the asker: a moderator closed (for a reason other than a duplicate) or locked the thread
  'question.closed',
  'question.locked',
  // to the asker and followers of a duplicate: its answers moved to the original (the link)
  'question.merged',
  // to staff: a template's automatic answers switched themselves off (its closure rate fell);
  // about the thread whose outcome took it below the rate
  'template.automation_off',
  // to the asker: their question was solved; two questions about the help they got
  'survey.requested',
  // to the asker: answers wait for one to be accepted (at most two reminders)
  'question.accept_reminder',
] as const

export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type', { enum: NOTIFICATION_TYPES }).notNull(),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    questionId: integer('question_id').references(() => questions.id, { onDelete: 'cascade' }),
    // the answer the notification is about (a new answer, the accepted one): its link and its
    // visibility decide whether the notification is still shown
    answerId: integer('answer_id').references(() => answers.id, { onDelete: 'cascade' }),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>(),
    readAt: integer('read_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [
    // the header's unread count and the user's list, newest first
    index('notifications_user_idx').on(t.userId, t.readAt, t.createdAt),
    // opening a question marks its notifications read
    index('notifications_user_question_idx').on(t.userId, t.questionId),
  ],
)

/** Maps ids in an imported dump to ours, so a re-run of the importer adds nothing. */
export const importedIds = sqliteTable(
  'imported_ids',
  {
    source: text('source').notNull(),
    kind: text('kind', { enum: ['user', 'question', 'answer', 'tag'] }).notNull(),
    externalId: integer('external_id').notNull(),
    localId: integer('local_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.source, t.kind, t.externalId] })],
)

/**
 * One row per periodic job. A process runs a job only after winning its lease with a
 * conditional UPDATE, so with several processes on one database each run happens once.
 */
export const jobLeases = sqliteTable('job_leases', {
  name: text('name').primaryKey(),
  owner: text('owner').notNull(),
  // the lease lasts until the next run is due; nobody else runs the job before then
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  lastStartedAt: integer('last_started_at', { mode: 'timestamp_ms' }),
  lastFinishedAt: integer('last_finished_at', { mode: 'timestamp_ms' }),
  lastResult: text('last_result').notNull().default(''),
})

/**
 * The first-response promise per category. Counted around the clock or in the category's business
 * hours: `weeklyHours` maps ISO weekday (1 Monday … 7 Sunday) to opening spans like
 * `[["08:00","20:00"]]`, `holidays` lists closed dates `YYYY-MM-DD`, both in `timeZone`.
 */
export const SLA_CLOCKS = ['always', 'business'] as const
export type SlaClock = (typeof SLA_CLOCKS)[number]
export type WeeklyHours = Partial<
  Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', [string, string][]>
>

export const categorySla = sqliteTable('category_sla', {
  categoryId: integer('category_id')
    .primaryKey()
    .references(() => categories.id, { onDelete: 'cascade' }),
  firstResponseMinutes: integer('first_response_minutes').notNull(),
  level2DelayMinutes: integer('level2_delay_minutes').notNull(),
  clock: text('clock', { enum: SLA_CLOCKS }).notNull(),
  timeZone: text('time_zone').notNull(),
  weeklyHours: text('weekly_hours', { mode: 'json' }).$type<WeeklyHours>().notNull(),
  holidays: text('holidays', { mode: 'json' }).$type<string[]>().notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
    .notNull()
    .$defaultFn(() => now()),
})

export const ESCALATION_REASONS = ['sla', 'manual'] as const
export const ESCALATION_ENDINGS = [
  'staff_response',
  'solved',
  'closed',
  'hidden',
  'resolved',
] as const

/**
 * One escalation episode of a question: from the moment it escalated until staff responded, it
 * was solved or closed, or staff resolved it by hand. At most one open episode per question (the
 * unique index), so two sweeps can never escalate one question twice.
 */
export const escalations = sqliteTable(
  'escalations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    questionId: integer('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    level: integer('level').notNull().default(1),
    reason: text('reason', { enum: ESCALATION_REASONS }).notNull(),
    // a helper's or moderator's words when escalating by hand
    note: text('note').notNull().default(''),
    escalatedById: integer('escalated_by_id').references(() => users.id),
    escalatedAt: integer('escalated_at', { mode: 'timestamp_ms' }).notNull(),
    // when it goes to level 2 if nobody acknowledges it first
    level2DueAt: integer('level2_due_at', { mode: 'timestamp_ms' }).notNull(),
    level2At: integer('level2_at', { mode: 'timestamp_ms' }),
    // the staff member on call when it escalated (null: nobody was, so all staff were told)
    onCallId: integer('on_call_id').references(() => users.id),
    assigneeId: integer('assignee_id').references(() => users.id),
    acknowledgedAt: integer('acknowledged_at', { mode: 'timestamp_ms' }),
    acknowledgedById: integer('acknowledged_by_id').references(() => users.id),
    resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
    resolvedById: integer('resolved_by_id').references(() => users.id),
    resolution: text('resolution', { enum: ESCALATION_ENDINGS }),
  },
  (t) => [
    uniqueIndex('escalations_open_unique')
      .on(t.questionId)
      .where(sql`resolved_at is null`),
    // the sweep's level-2 pass: open, unacknowledged episodes by due time
    index('escalations_level2_idx')
      .on(t.level2DueAt)
      .where(sql`resolved_at is null and acknowledged_at is null and level = 1`),
    // the desk: open episodes; per-person load
    index('escalations_assignee_idx').on(t.assigneeId, t.resolvedAt),
    index('escalations_question_idx').on(t.questionId, t.escalatedAt),
  ],
)

/**
 * Who is on call. Staff take turns in `memberIds` order, each for `rotationDays`, handing off on
 * `handoffWeekday` (ISO, 1 Monday) at `handoffTime` in `timeZone`; `startsOn` is the date of the
 * first hand-off, to the first person. One row (id 1).
 */
export const oncallRota = sqliteTable('oncall_rota', {
  id: integer('id').primaryKey(),
  memberIds: text('member_ids', { mode: 'json' }).$type<number[]>().notNull(),
  timeZone: text('time_zone').notNull(),
  handoffWeekday: integer('handoff_weekday').notNull(),
  handoffTime: text('handoff_time').notNull(),
  rotationDays: integer('rotation_days').notNull(),
  startsOn: text('starts_on').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
    .notNull()
    .$defaultFn(() => now()),
})

/** Holidays and swaps: `userId` is on call from `startsAt` until `endsAt`, whatever the rota says. */
export const oncallOverrides = sqliteTable(
  'oncall_overrides',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
    endsAt: integer('ends_at', { mode: 'timestamp_ms' }).notNull(),
    reason: text('reason').notNull().default(''),
    createdById: integer('created_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('oncall_overrides_time_idx').on(t.endsAt, t.startsAt)],
)

/** Notes on a thread for staff and moderators only: never in search, feeds, e-mail or the page. */
export const internalNotes = sqliteTable(
  'internal_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    questionId: integer('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    bodyMd: text('body_md').notNull(),
    bodyHtml: text('body_html').notNull(),
    cookedVersion: integer('cooked_version').notNull(),
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('internal_notes_question_idx').on(t.questionId, t.createdAt)],
)

export const OUTBOX_STATUSES = ['pending', 'sent', 'dead'] as const
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number]

/**
 * E-mail waiting to go out, written in the transaction of what caused it. The delivery job sends
 * due rows, retrying with exponential backoff, and gives up (dead) after a number of failures.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    toAddress: text('to_address').notNull(),
    // what it is about (a notification type, 'digest', 'password_reset'…)
    kind: text('kind').notNull(),
    language: text('language').notNull().default('en'),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    headers: text('headers', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    // a delivery run claims a row until this time, so two runs never send it twice
    lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [
    // the delivery job: pending rows by due time
    index('outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`status = 'pending'`),
    // the admin's outbox page, newest first, filtered by status
    index('outbox_status_idx').on(t.status, t.createdAt),
    index('outbox_user_idx').on(t.userId, t.createdAt),
  ],
)

export const DELIVERY_CHOICES = ['instant', 'digest', 'off'] as const
export type DeliveryChoice = (typeof DELIVERY_CHOICES)[number]

/** A person's choice per notification type; no row means the type's default. */
export const notificationPreferences = sqliteTable(
  'notification_preferences',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type', { enum: NOTIFICATION_TYPES }).notNull(),
    inApp: integer('in_app', { mode: 'boolean' }).notNull().default(true),
    email: text('email', { enum: DELIVERY_CHOICES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.type] })],
)

export const FOLLOW_TARGETS = ['question', 'tag', 'category'] as const
export type FollowTarget = (typeof FOLLOW_TARGETS)[number]

/** Threads, tags and categories a person follows: new questions and answers there notify them. */
export const follows = sqliteTable(
  'follows',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    targetType: text('target_type', { enum: FOLLOW_TARGETS }).notNull(),
    targetId: integer('target_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.targetType, t.targetId] }),
    // who follows this thread, tag or category
    index('follows_target_idx').on(t.targetType, t.targetId),
  ],
)

export const SANCTION_KINDS = ['warn', 'silence', 'suspend', 'ban'] as const
export type SanctionKind = (typeof SANCTION_KINDS)[number]

/**
 * What moderators did to an account and why: a warning (a private message), silence (read-only)
 * or suspension (signed out, kept out) until a date, or a ban. The columns on `users` say what is
 * in force; this is the history the person and moderators read.
 */
export const sanctions = sqliteTable(
  'sanctions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: SANCTION_KINDS }).notNull(),
    reason: text('reason').notNull(),
    // null: a warning (nothing to end) or a ban (no end)
    endsAt: integer('ends_at', { mode: 'timestamp_ms' }),
    createdById: integer('created_by_id').references(() => users.id),
    createdAt: createdAt(),
    liftedAt: integer('lifted_at', { mode: 'timestamp_ms' }),
    liftedById: integer('lifted_by_id').references(() => users.id),
    // when the job recorded that it ran out (`user.sanction_ended`)
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    // a person's history, newest first
    index('sanctions_user_idx').on(t.userId, t.createdAt),
    // the job that records sanctions that ran out
    index('sanctions_ending_idx')
      .on(t.endsAt)
      .where(sql`ends_at is not null and lifted_at is null and ended_at is null`),
  ],
)

export const FLAG_REASONS = ['spam', 'rude', 'off-topic', 'needs-staff', 'other'] as const
export type FlagReason = (typeof FLAG_REASONS)[number]
/** A flag waits until a moderator decides its post: upheld (removed), rejected, or ignored. */
export const FLAG_STATUSES = ['pending', 'upheld', 'rejected', 'ignored'] as const
export type FlagStatus = (typeof FLAG_STATUSES)[number]
export const REVIEW_STATUSES = ['pending', 'resolved'] as const
// 'restore': the flags were wrong about a post someone removed, and it was brought back
export const REVIEW_DECISIONS = [
  'approve',
  'hide',
  'delete',
  'ignore',
  'spammer',
  'restore',
] as const
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number]
export const REVIEW_SOURCES = ['flags', 'held'] as const
export type ReviewSource = (typeof REVIEW_SOURCES)[number]

/**
 * One row per flagged post: what the review queue lists. Its pending flags' summed weight, their
 * count and the oldest one's time are kept here so the queue and the header's count read one
 * index. A decided item opens again when someone flags its post anew.
 */
export const reviewItems = sqliteTable(
  'review_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    postType: text('post_type', { enum: POST_TYPES }).notNull(),
    postId: integer('post_id').notNull(),
    questionId: integer('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: REVIEW_STATUSES }).notNull().default('pending'),
    score: real('score').notNull().default(0),
    flagCount: integer('flag_count').notNull().default(0),
    // the flags (not a moderator) hid the post: approving it shows it again
    hiddenByFlags: integer('hidden_by_flags', { mode: 'boolean' }).notNull().default(false),
    // the oldest pending flag: the queue is worked oldest first
    flaggedAt: integer('flagged_at', { mode: 'timestamp_ms' }).notNull(),
    // a moderator working the item keeps others off it until then
    claimedById: integer('claimed_by_id').references(() => users.id, { onDelete: 'set null' }),
    claimedUntil: integer('claimed_until', { mode: 'timestamp_ms' }),
    decision: text('decision', { enum: REVIEW_DECISIONS }),
    decidedById: integer('decided_by_id').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    // 'flags': people flagged it; 'held': the spam rules held it before anyone saw it, for the
    // reasons listed (rule codes, see app/modules/trust/spam.server.ts) and with their score
    source: text('source', { enum: REVIEW_SOURCES }).notNull().default('flags'),
    reasons: text('reasons', { mode: 'json' }).$type<string[]>(),
    createdAt: createdAt(),
  },
  (t) => [
    // one item per post, found again when the post is flagged anew
    uniqueIndex('review_items_post_unique').on(t.postType, t.postId),
    // the queue, oldest first, and the header's count of pending items
    index('review_items_pending_idx')
      .on(t.flaggedAt)
      .where(sql`status = 'pending'`),
    // delete spammer: every open item about one author
    index('review_items_author_idx').on(t.authorId, t.status),
  ],
)

/** A person's flag on a question or answer, with why, how much it weighed, and how it ended. */
export const flags = sqliteTable(
  'flags',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewItemId: integer('review_item_id')
      .notNull()
      .references(() => reviewItems.id, { onDelete: 'cascade' }),
    postType: text('post_type', { enum: POST_TYPES }).notNull(),
    postId: integer('post_id').notNull(),
    questionId: integer('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    flaggerId: integer('flagger_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text('reason', { enum: FLAG_REASONS }).notNull(),
    note: text('note').notNull().default(''),
    weight: real('weight').notNull(),
    status: text('status', { enum: FLAG_STATUSES }).notNull().default('pending'),
    createdAt: createdAt(),
    resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
    resolvedById: integer('resolved_by_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    // one flag per person per post
    uniqueIndex('flags_one_per_person_unique').on(t.postType, t.postId, t.flaggerId),
    // an item's pending flags: the queue's reasons and flaggers, and resolving them
    index('flags_item_idx').on(t.reviewItemId, t.status),
    // the daily limit (a person's flags since yesterday) and their accuracy (by status)
    index('flags_flagger_idx').on(t.flaggerId, t.createdAt),
    index('flags_flagger_status_idx').on(t.flaggerId, t.status),
  ],
)

// ── Reply templates and automatic suggestions ────────────────────────────────────────────────

/** Public templates may be used by helpers; staff-only ones by staff. */
export const TEMPLATE_VISIBILITIES = ['public', 'staff'] as const
export type TemplateVisibility = (typeof TEMPLATE_VISIBILITIES)[number]

/**
 * Saved replies. Shipped ones come from content/replies/<slug>.md (`slug` set, `fileHash` the
 * hash last applied); an edit in the app sets `editedInApp` and from then on the file no longer
 * overwrites it. Templates written in the app have no slug.
 */
export const replyTemplates = sqliteTable(
  'reply_templates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug'),
    title: text('title').notNull(),
    // a category slug, or '' for any category
    category: text('category').notNull().default(''),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull(),
    visibility: text('visibility', { enum: TEMPLATE_VISIBILITIES }).notNull().default('public'),
    language: text('language', { enum: POST_LANGUAGES }).notNull().default('en'),
    bodyMd: text('body_md').notNull(),
    fileHash: text('file_hash'),
    editedInApp: integer('edited_in_app', { mode: 'boolean' }).notNull().default(false),
    automatic: integer('automatic', { mode: 'boolean' }).notNull().default(false),
    automaticChangedAt: integer('automatic_changed_at', { mode: 'timestamp_ms' }),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .$defaultFn(() => now()),
  },
  (t) => [
    // the content sync finds a shipped template by its file name
    uniqueIndex('reply_templates_slug_unique').on(t.slug),
  ],
)

/**
 * One answer posted from a template (by a person or by the auto-responder), written by the
 * reaction to its `answer.created` event. Outcomes are read from the events that follow.
 */
export const templateUses = sqliteTable(
  'template_uses',
  {
    answerId: integer('answer_id')
      .primaryKey()
      .references(() => answers.id, { onDelete: 'cascade' }),
    templateId: integer('template_id')
      .notNull()
      .references(() => replyTemplates.id, { onDelete: 'cascade' }),
    questionId: integer('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    askerId: integer('asker_id').notNull(),
    // 0–1: the share of the filled-in text the person changed before posting
    edited: real('edited').notNull().default(0),
    automatic: integer('automatic', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    // a template's uses, newest first (the templates page, the automation gate)
    index('template_uses_template_idx').on(t.templateId, t.createdAt),
  ],
)

export const SUGGESTION_OUTCOMES = ['solved', 'declined'] as const

/**
 * Answers the auto-responder posted: never a response (the SLA clock and the question's state
 * ignore them), and the asker's "This solved my problem" / "I still need help".
 */
export const automaticAnswers = sqliteTable(
  'automatic_answers',
  {
    answerId: integer('answer_id')
      .primaryKey()
      .references(() => answers.id, { onDelete: 'cascade' }),
    questionId: integer('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    templateId: integer('template_id').references(() => replyTemplates.id, {
      onDelete: 'set null',
    }),
    articleSlug: text('article_slug'),
    score: real('score').notNull(),
    outcome: text('outcome', { enum: SUGGESTION_OUTCOMES }),
    createdAt: createdAt(),
  },
  (t) => [
    // the question page: which of its answers are automatic
    index('automatic_answers_question_idx').on(t.questionId),
  ],
)

// ---------------------------------------------------------------------------------------------
// Trust and reputation
// ---------------------------------------------------------------------------------------------

/**
 * The reputation ledger: one row per change of a person's reputation, written by the reactions
 * in the transaction of the event that caused it. `users.reputation` is the sum of a person's
 * rows (never below zero); the recompute command rebuilds both from the events.
 */
export const reputationChanges = sqliteTable(
  'reputation_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    amount: integer('amount').notNull(),
    // what earned or cost it: 'upvote', 'downvote', 'vote-changed', 'accepted', 'unaccepted', …
    reason: text('reason').notNull(),
    eventId: integer('event_id').references(() => events.id, { onDelete: 'set null' }),
    postType: text('post_type', { enum: POST_TYPES }),
    questionId: integer('question_id'),
    answerId: integer('answer_id'),
    createdAt: createdAt(),
  },
  (t) => [
    // the profile's "how reputation was earned", newest first, and the recompute per person
    index('reputation_changes_user_idx').on(t.userId, t.createdAt),
  ],
)

/**
 * Activity for trust levels: one row per person per day they came (`day` counts days since
 * 1970-01-01 UTC), with how many distinct questions they read that day.
 */
export const userDays = sqliteTable(
  'user_days',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    day: integer('day').notNull(),
    reads: integer('reads').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
)

export type User = typeof users.$inferSelect
export type Question = typeof questions.$inferSelect
export type Answer = typeof answers.$inferSelect
export type Category = typeof categories.$inferSelect
export type Revision = typeof revisions.$inferSelect
export type Event = typeof events.$inferSelect
export type KbArticle = typeof kbArticles.$inferSelect

// ── Accounts: one-time links sent by e-mail ─────────────────────────────────────────────────

export const ACCOUNT_TOKEN_PURPOSES = ['password_reset', 'email_change'] as const
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number]

/**
 * A link sent by e-mail to reset a password or confirm a new address. Only the SHA-256 of the
 * token is kept, so a copy of the database opens nothing. A token works once (`used_at`), until
 * `expires_at`; a new request of the same purpose deletes the account's older unused ones.
 */
export const accountTokens = sqliteTable(
  'account_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ACCOUNT_TOKEN_PURPOSES }).notNull(),
    tokenHash: text('token_hash').notNull(),
    // the address an e-mail change moves to
    newEmail: text('new_email'),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [
    // the link's lookup
    uniqueIndex('account_tokens_hash_unique').on(t.tokenHash),
    // superseding an account's older links of one purpose
    index('account_tokens_user_idx').on(t.userId, t.purpose),
  ],
)
export type ReplyTemplate = typeof replyTemplates.$inferSelect
// ── Support operations: the asker's survey and the reminders to accept an answer ──────────────

/**
 * The one survey of a solved question, asked of its asker when the question is first solved.
 * It takes answers, and changes to them, until `closesAt`; each answer is also a
 * `survey.answered` event, which is what the figures read.
 */
export const surveys = sqliteTable(
  'surveys',
  {
    questionId: integer('question_id')
      .primaryKey()
      .references(() => questions.id, { onDelete: 'cascade' }),
    askerId: integer('asker_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    requestedAt: integer('requested_at', { mode: 'timestamp_ms' }).notNull(),
    closesAt: integer('closes_at', { mode: 'timestamp_ms' }).notNull(),
    // null until answered; 1–5
    rating: integer('rating'),
    comment: text('comment').notNull().default(''),
    answeredAt: integer('answered_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    // the asker's own surveys (their profile, the notification's link)
    index('surveys_asker_idx').on(t.askerId, t.requestedAt),
  ],
)

/**
 * Reminders sent to an asker whose question has answers but none accepted: number 1 after three
 * days, number 2 after seven, never a third. The primary key makes each one sendable once,
 * whichever process runs the job.
 */
export const acceptReminders = sqliteTable(
  'accept_reminders',
  {
    questionId: integer('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.number] })],
)

// ---------------------------------------------------------------------------------------------
// Support figures: one summary row per question, projected from the event log
// ---------------------------------------------------------------------------------------------

/**
 * One row per question asked live: what the dashboard needs of its history, projected from its
 * events (never from the posts themselves) and rewritten in the same transaction as every event
 * that changes it. `last_event_at` is the newest of those events: a range that ends before it
 * replays the question's events instead, so a figure as of a past day stays exact. Rebuilt from
 * the event log by `rebuildQuestionSummaries`. Times are epoch milliseconds.
 */
export const questionSummaries = sqliteTable(
  'question_summaries',
  {
    questionId: integer('question_id').primaryKey(),
    createdAt: integer('created_at').notNull(),
    askerId: integer('asker_id'),
    // deleted or hidden now: not counted
    removed: integer('removed').notNull().default(0),
    closed: integer('closed').notNull().default(0),
    // the first response (see the metrics module) by someone not staff, and by staff
    firstCommunityAt: integer('first_community_at'),
    firstStaffAt: integer('first_staff_at'),
    escalatedAt: integer('escalated_at'),
    // the first staff response at or after the first escalation
    staffAfterEscalationAt: integer('staff_after_escalation_at'),
    slaBreaches: integer('sla_breaches').notNull().default(0),
    acceptedAt: integer('accepted_at'),
    acceptedAuthorId: integer('accepted_author_id'),
    acceptedAutomatic: integer('accepted_automatic').notNull().default(0),
    lastEventAt: integer('last_event_at').notNull(),
  },
  (t) => [
    // the dashboard's range, read from the index alone
    index('question_summaries_created_idx').on(
      t.createdAt,
      t.removed,
      t.lastEventAt,
      t.closed,
      t.firstCommunityAt,
      t.firstStaffAt,
      t.escalatedAt,
      t.staffAfterEscalationAt,
      t.acceptedAt,
      t.acceptedAutomatic,
      t.slaBreaches,
    ),
  ],
)
