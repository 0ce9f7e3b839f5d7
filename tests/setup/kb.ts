/**
 * The knowledge base for integration tests that search it: each test file keeps its index in a
 * file of its own, rebuilt at once when asked (no debounce, no periodic check), and a loaded
 * machine must not turn a slow first build into a missing result.
 */
import path from 'node:path'
import { expect } from 'vitest'
import { createArticle } from '~/modules/kb/kb.server'
import {
  configureKbIndex,
  ensureKbIndexFresh,
  resetKbIndexForTests,
} from '~/modules/search/kb-index.server'
import { makeCategory, makeUser } from '../factories'

/** Call in `beforeEach`: `name` keeps this file's index apart from other files'. */
export function useTestKbIndex(name: string) {
  configureKbIndex({
    file: path.resolve(`tmp/test-db/kb-index-${name}-${process.pid}.json`),
    debounceMs: 0,
    checkIntervalMs: 0,
    firstWaitMs: 60_000,
  })
  resetKbIndexForTests()
}

/** A published article in "Orders & shipping" by a new staff member, in the index on return. */
export async function publishArticle(
  title: string,
  summary: string,
  body = `${summary} Ask us in the community if anything is unclear.`,
) {
  makeCategory()
  const created = await createArticle(await makeUser({ role: 'staff' }), {
    title,
    summary,
    body,
    category: 'orders-shipping',
    tags: [],
    status: 'published',
    comment: '',
  })
  expect(created.ok).toBe(true)
  await ensureKbIndexFresh()
}
