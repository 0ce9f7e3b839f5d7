import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { describe, expect, it } from 'vitest'
import {
  cookMarkdown,
  MARKDOWN_RENDERER_VERSION,
  NOT_COOKED,
  renderMarkdown,
} from '~/utils/markdown.server'

const cooked = (md: string) => ({ html: renderMarkdown(md), version: MARKDOWN_RENDERER_VERSION })

// About what one person may post: 30,000 characters built to keep the parsers busy.
const PATHOLOGICAL = '*a'.repeat(15_000)

describe('cooking markdown off the main thread', () => {
  it('cooks exactly what the renderer makes', async () => {
    const md =
      '# Steps\n\n1. Open **Orders**\n2. See [help](https://example.com)\n\n<script>x</script>'
    expect(await cookMarkdown(md)).toEqual(cooked(md))
  })

  it('keeps the main thread free while a pathological post cooks', async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 })
    delay.enable()
    const started = performance.now()
    const { html } = await cookMarkdown(PATHOLOGICAL, 10_000)
    const took = performance.now() - started
    delay.disable()
    expect(html.length).toBeGreaterThan(0)
    // The cooking took its time elsewhere; this thread never stopped answering for long.
    expect(delay.max / 1e6).toBeLessThan(Math.max(150, took / 2))
  })

  it('shows a post that runs over its budget as plain text, and goes on cooking the next ones', async () => {
    const [slow, next] = await Promise.all([
      cookMarkdown(PATHOLOGICAL, 5),
      cookMarkdown('after **that**', 5_000),
    ])
    // Kept as the text it is, and marked as not cooked so the periodic pass tries again.
    expect(slow).toEqual({ html: `<pre>${'*a'.repeat(15_000)}</pre>`, version: NOT_COOKED })
    expect(next).toEqual(cooked('after **that**'))
    expect(await cookMarkdown('and _more_')).toEqual(cooked('and _more_'))
  })

  it('gives the posts held up by a runaway one their whole budget on the fresh worker', async () => {
    // The fresh worker takes a while to start; that wait is not counted against the posts.
    const posts = Array.from({ length: 8 }, (_, i) => `post **${i}**`)
    const [slow, ...rest] = await Promise.all([
      cookMarkdown(PATHOLOGICAL, 5),
      ...posts.map((p) => cookMarkdown(p, 100)),
    ])
    expect(slow.version).toBe(NOT_COOKED)
    expect(rest).toEqual(posts.map(cooked))
  })

  it('keeps an answer that arrived while the main thread was too busy to read it', async () => {
    await cookMarkdown('warm the worker up')
    const pending = cookMarkdown('busy **moment**', 20)
    // A long render on the main thread: the worker answers meanwhile, the budget's timer is
    // overdue by the time the thread looks up again.
    const until = performance.now() + 200
    while (performance.now() < until);
    expect(await pending).toEqual(cooked('busy **moment**'))
  })

  it('lets a script that cooked a post end by itself, with the answer', () => {
    const script = path.join(mkdtempSync(path.join(tmpdir(), 'cook-')), 'cook.mts')
    const module = path.resolve('app/utils/markdown.server.ts')
    writeFileSync(
      script,
      `import { cookMarkdown } from ${JSON.stringify(module)}\n` +
        `console.log(JSON.stringify(await cookMarkdown('a **script**')))\n`,
    )
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], {
      encoding: 'utf8',
      timeout: 20_000,
    })
    // Neither held open by the idle worker (timeout: no status) nor ended before the answer (13).
    expect(run.status).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual(cooked('a **script**'))
  })
})
