/**
 * Cooking markdown without stalling the site. A post of pathological markdown can keep the
 * parsers busy for most of a second, and on the main thread that second is everyone's. So posts
 * are cooked in a worker thread with a time budget: a post that runs over it is shown as the
 * plain text it is (and stored as not cooked, so a later pass cooks it again), and the worker is
 * replaced. One worker: the server has few cores, and a normal post takes well under a
 * millisecond.
 *
 * Commands call `cookMarkdown`; scripts that run outside the server (import, re-cook, seed) may
 * call `renderMarkdown` directly, which is the same renderer.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { escapeHtml, MARKDOWN_RENDERER_VERSION, renderMarkdown } from './markdown-renderer.server'
import { singleton } from './singleton.server'

export { MARKDOWN_RENDERER_VERSION, renderMarkdown } from './markdown-renderer.server'

/** Longest a post may take to cook before it is shown as plain text. */
export const COOK_BUDGET_MS = 1000

/**
 * The `cookedVersion` of a post kept as plain text because cooking ran over its budget: older
 * than any renderer, so the re-cook job and `npm run recook` take it up again.
 */
export const NOT_COOKED = 0

export type Cooked = { html: string; version: number }

type Pending = { resolve: (cooked: Cooked) => void; markdown: string; budgetMs: number }

/** The renderer bundled by `npm run build`, when this is the built server; else its source. */
function rendererModule(): string {
  const built = path.resolve('build/markdown-renderer.mjs')
  return process.env.NODE_ENV === 'production' && existsSync(built)
    ? built
    : path.resolve('app/utils/markdown-renderer.server.ts')
}

class CookingWorker {
  private worker: Worker | null = null
  private ready: Promise<Worker> | null = null
  private nextId = 1
  /** Jobs sent to the current worker, in the order it takes them. */
  private readonly pending = new Map<number, Pending & { timer: NodeJS.Timeout }>()

  private start(): Promise<Worker> {
    const worker = new Worker(path.resolve('app/utils/markdown.worker.mjs'), {
      workerData: { renderer: rendererModule() },
    })
    this.worker = worker
    const ready = new Promise<Worker>((resolve, reject) => {
      worker.once('error', reject)
      worker.on('message', (message: { ready?: true; id?: number; html?: string }) => {
        if (message.ready) {
          this.idle(worker)
          return resolve(worker)
        }
        const job = message.id === undefined ? undefined : this.pending.get(message.id)
        if (!job) return
        clearTimeout(job.timer)
        this.pending.delete(message.id!)
        this.idle(worker)
        job.resolve(
          message.html === undefined
            ? fallback(job.markdown)
            : { html: message.html, version: MARKDOWN_RENDERER_VERSION },
        )
      })
    })
    worker.on('error', () => this.fail(worker))
    worker.on('exit', () => this.fail(worker))
    this.ready = ready
    return ready
  }

  /**
   * While it has posts the worker keeps the process alive (a script awaiting one would otherwise
   * end first); idle, it never holds the process up.
   */
  private idle(worker: Worker) {
    if (this.pending.size === 0) worker.unref()
  }

  /**
   * The worker died or was stopped because a post ran over its budget: that post has already
   * been answered as plain text; the others it held are sent again to a fresh worker.
   */
  private fail(worker: Worker) {
    if (this.worker !== worker) return
    this.worker = null
    this.ready = null
    const waiting = [...this.pending.values()]
    this.pending.clear()
    for (const job of waiting) {
      clearTimeout(job.timer)
      void this.send(job)
    }
  }

  cook(markdown: string, budgetMs: number): Promise<Cooked> {
    return new Promise<Cooked>((resolve) => void this.send({ markdown, resolve, budgetMs }))
  }

  private async send(job: Pending): Promise<void> {
    let worker: Worker
    try {
      worker = await (this.ready ?? this.start())
    } catch {
      // A worker that cannot start must not take posting down with it.
      return job.resolve({ html: renderMarkdown(job.markdown), version: MARKDOWN_RENDERER_VERSION })
    }
    // It may have stopped while this job waited for it to start: go to the next one.
    if (this.worker !== worker) return this.send(job)
    const id = this.nextId++
    // The budget counts from the moment the worker has the post, not from the wait for it.
    const timer = setTimeout(() => this.overBudget(worker, id), job.budgetMs)
    this.pending.set(id, { ...job, timer })
    worker.ref()
    worker.postMessage({ id, markdown: job.markdown })
  }

  private overBudget(worker: Worker, id: number) {
    // A busy main thread runs overdue timers before the messages that came meanwhile: let those
    // in first, so an answer that is already here is not thrown away.
    setImmediate(() => {
      const job = this.pending.get(id)
      if (!job || this.worker !== worker) return
      this.pending.delete(id)
      job.resolve(fallback(job.markdown))
      // A runaway parse cannot be interrupted, only stopped with its thread.
      void worker.terminate()
    })
  }
}

const cooking = singleton('markdownWorker', () => new CookingWorker())

function fallback(markdown: string): Cooked {
  return { html: `<pre>${escapeHtml(markdown)}</pre>`, version: NOT_COOKED }
}

/**
 * Markdown to sanitized HTML, in the worker, within `budgetMs`; else the plain text, with
 * `version` NOT_COOKED. Store `version` as the post's `cookedVersion`.
 */
export function cookMarkdown(markdown: string, budgetMs = COOK_BUDGET_MS): Promise<Cooked> {
  return cooking.cook(markdown, budgetMs)
}
