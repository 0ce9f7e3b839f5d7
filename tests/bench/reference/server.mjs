/**
 * Serves the reference build (tests/bench/reference, built by the bench) the way server.ts
 * serves ours, minus everything the product adds: Express, compression, static build files and
 * @remix-run/express's request handler, in production mode.
 *
 * Usage: node tests/bench/reference/server.mjs <build folder> <port>
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import compression from 'compression'
import express from 'express'

const [dir, port] = process.argv.slice(2)
if (!dir || !port) throw new Error('usage: server.mjs <build folder> <port>')
const build = await import(pathToFileURL(path.resolve(dir, 'build/index.js')).href)

const app = express()
app.disable('x-powered-by')
app.use(compression())
app.use(
  '/build',
  express.static(path.resolve(dir, 'public/build'), {
    immutable: true,
    maxAge: '1y',
    index: false,
  }),
)
app.all('*', createRequestHandler({ build, mode: process.env.NODE_ENV ?? 'production' }))

const server = app.listen(Number(port), '127.0.0.1', () => {
  console.log(`reference listening on port ${port}`)
})
for (const signal of ['SIGTERM', 'SIGINT'])
  process.on(signal, () => server.close(() => process.exit(0)))
