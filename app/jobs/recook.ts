/**
 * Re-renders stored markdown (questions, answers and knowledge-base articles) after the
 * renderer's allow-list changes (its version is bumped).
 * Batches keep each write transaction short so the site stays responsive while it runs.
 *   npm run recook            posts cooked by an older renderer
 *   npm run recook -- --all   every post
 */
import { and, asc, eq, gt, lt } from 'drizzle-orm'
import { answers, kbArticles, questions } from '../../db/schema'
import { db, migrateDatabase, write } from '../utils/db.server'
import { MARKDOWN_RENDERER_VERSION, renderMarkdown } from '../utils/markdown.server'

const BATCH = 500

export function recookPosts(
  options: { all?: boolean; onProgress?: (done: number, table: string) => void } = {},
) {
  let total = 0
  const tables = [
    { name: 'questions', table: questions },
    { name: 'answers', table: answers },
    { name: 'knowledge-base articles', table: kbArticles },
  ]
  for (const { name, table } of tables) {
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

if (import.meta.url === `file://${process.argv[1]}`) {
  migrateDatabase()
  const started = Date.now()
  const n = recookPosts({
    all: process.argv.includes('--all'),
    onProgress: (done, table) => process.stdout.write(`\r${table}: ${done} re-cooked`),
  })
  process.stdout.write(
    `\nRe-cooked ${n} posts with renderer v${MARKDOWN_RENDERER_VERSION} in ${Date.now() - started} ms\n`,
  )
}
