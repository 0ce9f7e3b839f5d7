/**
 * Benchmark-only reference page (BENCH_ROUTES=true): the question page's own component and
 * meta, fed the benchmark thread from memory. No database, no session lookup, no markdown
 * per request, so `npm run bench` can compare the real page against this floor.
 */
import { json } from '@remix-run/node'
import { benchThreadPage } from '~/modules/bench/thread-fixture.server'
import { env } from '~/utils/env.server'
import { notFound } from '~/utils/http.server'

export { default, meta } from './questions.$questionId.($slug)'

// No work at module level: this file is also bundled for the browser, where the server-only
// imports are empty. The fixture is cooked on the first request and reused afterwards.
export async function loader() {
  if (!env().BENCH_ROUTES) notFound()
  return json({ page: benchThreadPage(), viewer: null })
}
