/**
 * The one visibility rule, as SQL. `canSee` in policy.ts answers the same question for one
 * post in memory; a test walks every state × viewer and checks that the two agree. A new state
 * (held for review, spam, private to staff) is added here and there, and nowhere else.
 *
 * Two places a post can appear:
 * - its own page (and what hangs off it: its answers, its revisions, an edit form): deleted posts
 *   are seen by moderators only, hidden ones by moderators and their author;
 * - everywhere it is listed (question lists, search, suggestions, similar questions, profiles,
 *   counts, notifications, the KB queue, feeds): only posts in no moderation state at all.
 *   Moderators find the others in moderation tools, not mixed into lists.
 */
import { and, eq, isNull, or, type Placeholder, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { atLeast, type Actor } from './policy'

export type PostColumns = {
  authorId: SQLiteColumn
  hiddenAt: SQLiteColumn
  deletedAt: SQLiteColumn
}

/** Posts of `table` that `viewer` may open on their own page; undefined means all of them. */
export function visibleTo(viewer: Actor | null, table: PostColumns): SQL | undefined {
  if (atLeast(viewer, 'moderator')) return undefined
  return visibleToMember(table, viewer?.id ?? null)
}

/**
 * `visibleTo` for someone below moderator whose id is `viewerId` (null: signed out), which may
 * be a placeholder so that a hot query is prepared once for every such viewer.
 */
export function visibleToMember(table: PostColumns, viewerId: number | Placeholder | null): SQL {
  return and(
    isNull(table.deletedAt),
    viewerId === null
      ? isNull(table.hiddenAt)
      : or(isNull(table.hiddenAt), eq(table.authorId, viewerId)),
  )!
}

/** Posts of `table` that may be listed to anyone. */
export function listed(table: PostColumns): SQL {
  return and(isNull(table.hiddenAt), isNull(table.deletedAt))!
}

/**
 * `listed` for hand-written SQL (the search index and the FTS queries), on the table aliased
 * `alias`. `unindexed` prefixes each column with `+` so SQLite does not pick an index for a
 * filter that keeps almost every row.
 */
export function listedSql(alias: string, options: { unindexed?: boolean } = {}): string {
  const p = options.unindexed ? '+' : ''
  return `${p}${alias}.hidden_at is null and ${p}${alias}.deleted_at is null`
}
