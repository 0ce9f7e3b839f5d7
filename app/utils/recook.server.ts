/**
 * Re-cooking stored markdown (questions, answers and knowledge-base articles). `recookPosts`
 * re-renders the posts cooked by an older renderer (its version is bumped when the allow-list
 * changes) or kept as plain text, in batches that keep each write transaction short;
 * `recookPlainText` is the server's periodic pass over the plain-text ones.
 */
import { and, asc, eq, gt, lt } from 'drizzle-orm'
import { answers, kbArticles, questions } from '../../db/schema'
import { db, write } from './db.server'
import {
  COOK_BUDGET_MS,
  cookMarkdown,
  MARKDOWN_RENDERER_VERSION,
  NOT_COOKED,
  renderMarkdown,
} from './markdown.server'

const BATCH = 500

const TABLES = [
  { name: 'questions', table: questions },
  { name: 'answers', table: answers },
  { name: 'knowledge-base articles', table: kbArticles },
] as const

/** Once cooking has run over its budget twice, the post waits for `npm run recook`. */
export const GAVE_UP = -1

/**
 * The server's periodic pass: posts kept as plain text because cooking ran over its budget
 * (usually a moment of heavy load) are cooked again, in the worker and within the same budget.
 * A post that runs over it again is marked GAVE_UP and left to `npm run recook`, which cooks
 * without a budget.
 */
export async function recookPlainText(limit = 100, budgetMs = COOK_BUDGET_MS) {
  let cooked = 0
  let gaveUp = 0
  for (const { table } of TABLES) {
    const rows = db
      .select({ id: table.id, bodyMd: table.bodyMd })
      .from(table)
      .where(eq(table.cookedVersion, NOT_COOKED))
      .orderBy(asc(table.id))
      .limit(limit)
      .all()
    for (const row of rows) {
      const result = await cookMarkdown(row.bodyMd, budgetMs)
      const done = result.version !== NOT_COOKED
      write((tx) =>
        tx
          .update(table)
          .set(
            done
              ? { bodyHtml: result.html, cookedVersion: result.version }
              : { cookedVersion: GAVE_UP },
          )
          // Skip a post edited meanwhile: its edit cooked it again.
          .where(
            and(
              eq(table.id, row.id),
              eq(table.bodyMd, row.bodyMd),
              eq(table.cookedVersion, NOT_COOKED),
            ),
          )
          .run(),
      )
      if (done) cooked++
      else gaveUp++
    }
  }
  return { cooked, gaveUp }
}

export function recookPosts(
  options: { all?: boolean; onProgress?: (done: number, table: string) => void } = {},
) {
  let total = 0
  for (const { name, table } of TABLES) {
    let lastId = 0
    let done = 0
    for (;;) {
      const stale = options.all ? undefined : lt(table.cookedVersion, MARKDOWN_RENDERER_VERSION)
      const rows = db
        .select({ id: table.id, bodyMd: table.bodyMd })
        .from(table)
        .where(and(gt(table.id, lastId), stale))
        .orderBy(asc(table.id))
        .limit(BATCH)
        .all()
      if (rows.length === 0) break
      const cooked = rows.map((r) => ({ ...r, html: renderMarkdown(r.bodyMd) }))
      write((tx) => {
        for (const c of cooked)
          tx.update(table)
            .set({ bodyHtml: c.html, cookedVersion: MARKDOWN_RENDERER_VERSION })
            // Skip a post edited since we read it: its edit already cooked it with this renderer.
            .where(and(eq(table.id, c.id), eq(table.bodyMd, c.bodyMd)))
            .run()
      })
      lastId = rows[rows.length - 1].id
      done += rows.length
      options.onProgress?.(done, name)
    }
    total += done
  }
  return total
}
