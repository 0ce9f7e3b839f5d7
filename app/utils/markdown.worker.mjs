// Cooks markdown for the server off its main thread (see markdown.server.ts). The renderer is
// TypeScript; tsx compiles that one file (it imports only libraries) when the worker starts.
import { parentPort } from 'node:worker_threads'
import { tsImport } from 'tsx/esm/api'

const { renderMarkdown } = await tsImport('./markdown-renderer.server.ts', import.meta.url)

parentPort.on('message', ({ id, markdown }) => {
  parentPort.postMessage({ id, html: renderMarkdown(markdown) })
})
parentPort.postMessage({ ready: true })
