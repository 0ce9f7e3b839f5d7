import { monitorEventLoopDelay } from 'node:perf_hooks'
import { describe, expect, it } from 'vitest'
import { cookMarkdown, renderMarkdown } from '~/utils/markdown.server'

// About what one person may post: 30,000 characters built to keep the parsers busy.
const PATHOLOGICAL = '*a'.repeat(15_000)

describe('cooking markdown off the main thread', () => {
  it('cooks exactly what the renderer makes', async () => {
    const md = '# Steps\n\n1. Open **Orders**\n2. See [help](https://example.com)\n\n<script>x</script>'
    expect(await cookMarkdown(md)).toBe(renderMarkdown(md))
  })

  it('keeps the main thread free while a pathological post cooks', async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 })
    delay.enable()
    const started = performance.now()
    const html = await cookMarkdown(PATHOLOGICAL, 10_000)
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
    expect(slow).toBe(`<pre>${'*a'.repeat(15_000)}</pre>`)
    expect(next).toBe(renderMarkdown('after **that**'))
    expect(await cookMarkdown('and _more_')).toBe(renderMarkdown('and _more_'))
  })
})
