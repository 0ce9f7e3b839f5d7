/**
 * Benchmark-only reference page (BENCH_ROUTES=true): the question page's own component and
 * meta, fed the benchmark thread from memory. No database, no session lookup, no markdown
 * per request, so `npm run bench` can compare the real page against this floor.
 */
import { json, type TypedResponse } from '@remix-run/node'
import {
  BENCH_KB_LINKS,
  BENCH_SIMILAR,
  benchThreadPage,
} from '~/modules/bench/thread-fixture.server'
import { env } from '~/utils/env.server'
import { notFound } from '~/utils/http.server'
import type { loader as questionLoader } from './questions.$questionId.($slug)'

export { default, meta } from './questions.$questionId.($slug)'

/** Exactly what the question page's loader returns: a new field there fails the typecheck here. */
type QuestionData =
  Awaited<ReturnType<typeof questionLoader>> extends TypedResponse<infer T> ? T : never

// No work at module level: this file is also bundled for the browser, where the server-only
// imports are empty. The fixture is cooked on the first request and reused afterwards.
export async function loader() {
  if (!env().BENCH_ROUTES) notFound()
  const data: QuestionData = {
    page: benchThreadPage(),
    viewer: null,
    kbLinks: BENCH_KB_LINKS,
    similar: BENCH_SIMILAR,
  }
  return json(data)
}
