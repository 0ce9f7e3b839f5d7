/**
 * The one visibility rule, as SQL. `canSee` in policy.ts answers the same question for one
 * post in memory; a test walks every state × viewer and checks that the two agree. A new state
 * (held for review, spam, private to staff) is added here and there, and nowhere else.
 *
 * Two places a post can appear:
 * - its own page (and what hangs off it: its answers, its revisions, an edit form): deleted posts
 *   are seen by moderators only, hidden ones by moderators and their author, private questions
 *   by their asker and staff or admins only (not by moderators);
 * - everywhere it is listed (question lists, search, suggestions, similar questions, profiles,
 *   counts, notifications, the KB queue, feeds): only public posts in no moderation state at
 *   all. Moderators find the others in moderation tools, not mixed into lists. The lists that
 *   belong to one person (their notifications, their own profile) add the private questions
 *   that person may open (`listedTo`).
 *
 * Answers have no visibility of their own: an answer's reads join its question, and the
 * question's columns carry the private rule.
 */
import { and, eq, isNull, or, sql, type Placeholder, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { ROLES } from '../../../db/schema'
import { atLeast, type Actor } from './policy'

export type PostColumns = {
  authorId: SQLiteColumn
  hiddenAt: SQLiteColumn
  deletedAt: SQLiteColumn
  /** Questions only: 'private' ones are for their asker and staff. */
  visibility?: SQLiteColumn
  /** Questions only: one merged into another is listed nowhere; its URL leads to the other. */
  mergedIntoId?: SQLiteColumn
}

/** A question merged into another appears in no list: its answers are listed with the other. */
const unmerged = (table: PostColumns) =>
  table.mergedIntoId ? isNull(table.mergedIntoId) : undefined

/** Roles that see every private question. */
const STAFF_ROLES = ROLES.filter((role) => atLeast({ id: 0, role, reputation: 0 }, 'staff'))

/**
 * The private part of the rule for someone below staff whose id is `viewerId` (null: signed
 * out): public questions and their own. Undefined for tables without a visibility (answers).
 */
function privateRule(table: PostColumns, viewerId: number | Placeholder | SQLiteColumn | null) {
  if (!table.visibility) return undefined
  const isPublic = eq(table.visibility, 'public')
  return viewerId === null ? isPublic : or(isPublic, eq(table.authorId, viewerId))
}

/** Posts of `table` that `viewer` may open on their own page; undefined means all of them. */
export function visibleTo(viewer: Actor | null, table: PostColumns): SQL | undefined {
  if (atLeast(viewer, 'staff')) return undefined
  if (atLeast(viewer, 'moderator')) return privateRule(table, viewer!.id)
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
    privateRule(table, viewerId),
  )!
}

/** Posts of `table` that may be listed to anyone. */
export function listed(table: PostColumns): SQL {
  return and(
    isNull(table.hiddenAt),
    isNull(table.deletedAt),
    table.visibility ? eq(table.visibility, 'public') : undefined,
    unmerged(table),
  )!
}

/**
 * `listed`, plus the private questions `viewer` may open, for a list that is theirs alone (their
 * own profile).
 */
export function listedTo(table: PostColumns, viewer: Actor | null): SQL {
  return and(
    isNull(table.hiddenAt),
    isNull(table.deletedAt),
    atLeast(viewer, 'staff') ? undefined : privateRule(table, viewer?.id ?? null),
    unmerged(table),
  )!
}

const STAFF_ROLE_LIST = sql.raw(STAFF_ROLES.map((role) => `'${role}'`).join(', '))

/**
 * `listedTo` for the user whose id is in `recipient` (a notification's addressee), whose role
 * is read in the same query.
 */
export function listedToRecipient(table: PostColumns, recipient: SQLiteColumn): SQL {
  return and(
    isNull(table.hiddenAt),
    isNull(table.deletedAt),
    table.visibility
      ? or(
          privateRule(table, recipient),
          sql`exists (select 1 from users recipient where recipient.id = ${recipient} and recipient.role in (${STAFF_ROLE_LIST}))`,
        )
      : undefined,
    unmerged(table),
  )!
}

/**
 * `listed` for hand-written SQL (the search index and the FTS queries), on the `kind` table
 * aliased `alias`. `unindexed` prefixes each column with `+` so SQLite does not pick an index
 * for a filter that keeps almost every row.
 */
export function listedSql(
  alias: string,
  kind: 'question' | 'answer',
  options: { unindexed?: boolean } = {},
): string {
  const p = options.unindexed ? '+' : ''
  const moderationFree = `${p}${alias}.hidden_at is null and ${p}${alias}.deleted_at is null`
  return kind === 'question'
    ? `${moderationFree} and ${p}${alias}.visibility = 'public' and ${p}${alias}.merged_into_id is null`
    : moderationFree
}
