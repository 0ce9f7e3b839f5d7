import { sql } from 'drizzle-orm'
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core'
import { now } from '../app/utils/clock.server'

export const ROLES = ['member', 'helper', 'moderator', 'staff', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const QUESTION_STATUSES = ['open', 'answered', 'solved'] as const
export type QuestionStatus = (typeof QUESTION_STATUSES)[number]

export const CLOSE_REASONS = ['duplicate', 'off-topic', 'resolved-elsewhere'] as const
export type CloseReason = (typeof CLOSE_REASONS)[number]

export const POST_TYPES = ['question', 'answer'] as const
export type PostType = (typeof POST_TYPES)[number]

export const EVENT_TYPES = [
  'user.signed_up',
  'question.created',
  'question.edited',
  'question.deleted',
  'question.closed',
  'answer.created',
  'answer.edited',
  'answer.deleted',
  'question.first_response',
  'answer.accepted',
  'answer.unaccepted',
] as const
export type EventType = (typeof EVENT_TYPES)[number]

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
    status: text('status', { enum: QUESTION_STATUSES }).notNull().default('open'),
    acceptedAnswerId: integer('accepted_answer_id').references((): AnySQLiteColumn => answers.id, {
      onDelete: 'set null',
    }),
    closedReason: text('closed_reason', { enum: CLOSE_REASONS }),
    duplicateOfId: integer('duplicate_of_id').references((): AnySQLiteColumn => questions.id),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
    lockedAt: integer('locked_at', { mode: 'timestamp_ms' }),
    hiddenAt: integer('hidden_at', { mode: 'timestamp_ms' }),
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    score: integer('score').notNull().default(0),
    answerCount: integer('answer_count').notNull().default(0),
    viewCount: integer('view_count').notNull().default(0),
    firstResponseAt: integer('first_response_at', { mode: 'timestamp_ms' }),
    solvedAt: integer('solved_at', { mode: 'timestamp_ms' }),
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
    score: integer('score').notNull().default(0),
    hiddenAt: integer('hidden_at', { mode: 'timestamp_ms' }),
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

/** Append-only: metrics, the audit log and notifications read from here. */
export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    type: text('type', { enum: EVENT_TYPES }).notNull(),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    questionId: integer('question_id'),
    answerId: integer('answer_id'),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    // a question's timeline (first response, acceptance) for metrics
    index('events_question_idx').on(t.questionId, t.createdAt),
    // metrics by event type over a date range
    index('events_type_idx').on(t.type, t.createdAt),
  ],
)

/** Fixed-window counters shared by every process on the host. */
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: integer('window_start').notNull(),
  count: integer('count').notNull(),
})

export type User = typeof users.$inferSelect
export type Question = typeof questions.$inferSelect
export type Answer = typeof answers.$inferSelect
export type Category = typeof categories.$inferSelect
export type Revision = typeof revisions.$inferSelect
export type Event = typeof events.$inferSelect
