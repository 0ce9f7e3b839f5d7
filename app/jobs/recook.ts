/**
 * Re-renders stored markdown (questions, answers and knowledge-base articles) cooked by an older
 * renderer or kept as plain text, in short batches so the site stays responsive while it runs.
 *   npm run recook            posts cooked by an older renderer, or not cooked
 *   npm run recook -- --all   every post
 */
import { migrateDatabase } from '../utils/db.server'
import { MARKDOWN_RENDERER_VERSION } from '../utils/markdown.server'
import { recookPosts } from '../utils/recook.server'

export { recookPosts }

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
