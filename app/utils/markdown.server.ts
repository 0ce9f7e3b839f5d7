/**
 * Cooking markdown without stalling the site. A post of pathological markdown can keep the
 * parsers busy for most of a second, and on the main thread that second is everyone's. So posts
 * are cooked in a worker thread with a time budget: a post that runs over it is shown as the
 * plain text it is, and the worker is replaced. One worker: the server has few cores, and a
 * normal post takes well under a millisecond.
 *
 * Commands call `cookMarkdown`; scripts that run outside the server (import, re-cook, seed) may
 * call `renderMarkdown` directly, which is the same renderer.
 */
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { escapeHtml, renderMarkdown } from './markdown-renderer.server'
import { singleton } from './singleton.server'

export { MARKDOWN_RENDERER_VERSION, renderMarkdown } from './markdown-renderer.server'

/** Longest a post may take to cook before it is shown as plain text. */
export const COOK_BUDGET_MS = 1000

type Pending = { resolve: (html: string) => void; markdown: string; timer: NodeJS.Timeout }

class CookingWorker {
  private worker: Worker | null = null
  private ready: Promise<void> | null = null
  private nextId = 1
  private readonly pending = new Map<number, Pending>()

  private start(): Promise<void> {
    const worker = new Worker(path.resolve('app/utils/markdown.worker.mjs'))
    // The server may stop while the worker idles; the worker never holds it up.
    worker.unref()
    this.worker = worker
    const ready = new Promise<void>((resolve, reject) => {
      worker.once('error', reject)
      worker.on('message', (message: { ready?: true; id?: number; html?: string }) => {
        if (message.ready) return resolve()
        const job = message.id === undefined ? undefined : this.pending.get(message.id)
        if (!job) return
        clearTimeout(job.timer)
        this.pending.delete(message.id!)
        job.resolve(message.html ?? plainText(job.markdown))
      })
    })
    worker.on('error', () => this.fail(worker))
    worker.on('exit', () => this.fail(worker))
    this.ready = ready
    return ready
  }

  /**
   * The worker died or was stopped because a post ran over its budget: that post has already
   * been answered as plain text; the others it held are cooked again by a fresh worker.
   */
  private fail(worker: Worker) {
    if (this.worker !== worker) return
    this.worker = null
    this.ready = null
    const waiting = [...this.pending.values()]
    this.pending.clear()
    for (const job of waiting) void this.send(job)
  }

  cook(markdown: string, budgetMs: number): Promise<string> {
    return new Promise<string>((resolve) => {
      const job: Pending = {
        markdown,
        resolve,
        timer: setTimeout(() => {
          for (const [id, j] of this.pending) if (j === job) this.pending.delete(id)
          resolve(plainText(markdown))
          // A runaway parse cannot be interrupted, only stopped with its thread.
          void this.worker?.terminate()
        }, budgetMs),
      }
      void this.send(job)
    })
  }

  private async send(job: Pending) {
    try {
      await (this.ready ?? this.start())
    } catch {
      // A worker that cannot start must not take posting down with it.
      clearTimeout(job.timer)
      return job.resolve(renderMarkdown(job.markdown))
    }
    const id = this.nextId++
    this.pending.set(id, job)
    this.worker!.postMessage({ id, markdown: job.markdown })
  }
}

const cooking = singleton('markdownWorker', () => new CookingWorker())

function plainText(markdown: string): string {
  return `<pre>${escapeHtml(markdown)}</pre>`
}

/** Markdown to sanitized HTML, in the worker, within `budgetMs` (else as plain text). */
export function cookMarkdown(markdown: string, budgetMs = COOK_BUDGET_MS): Promise<string> {
  return cooking.cook(markdown, budgetMs)
}
