// Cooks markdown for the server off its main thread (see markdown.server.ts). The built server
// hands it the renderer bundled by `npm run build`; elsewhere tsx compiles the TypeScript source
// (it imports only libraries) when the worker starts.
import { parentPort, workerData } from 'node:worker_threads'
import { pathToFileURL } from 'node:url'

const source = pathToFileURL(workerData.renderer).href
const { renderMarkdown } = source.endsWith('.ts')
  ? await (await import('tsx/esm/api')).tsImport(source, import.meta.url)
  : await import(source)

parentPort.on('message', ({ id, markdown }) => {
  parentPort.postMessage({ id, html: renderMarkdown(markdown) })
})
// The first render sets the parsers up; done before saying ready, no post's budget pays for it.
renderMarkdown('*warm* **up** [link](https://example.com)\n\n<b>x</b>')
parentPort.postMessage({ ready: true })
