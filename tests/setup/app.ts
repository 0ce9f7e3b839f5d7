import http from 'node:http'
import net, { type AddressInfo } from 'node:net'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { createApp } from '../../server'
import { readEnv } from '~/utils/env.server'

// The whole app as `npm start` serves it (server.ts's Express stack in front of the Remix
// build), in the test's process and on its database, on an ephemeral loopback port.
// tests/setup/remix-build.ts has made build/index.js current before the tests start.

let build: Promise<ServerBuild> | undefined
export function loadBuild() {
  return (build ??= import(
    pathToFileURL(path.resolve('build/index.js')).href
  ) as Promise<ServerBuild>)
}

export type RunningApp = {
  /** http://127.0.0.1:<port>, where the app listens. */
  url: string
  port: number
  close: () => Promise<void>
}

/**
 * Starts the app. BASE_URL defaults to the address it listens on; `env` overrides any variable
 * (`BASE_URL: 'https://tanya.example'` for an app behind a proxy).
 */
export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`
  const app = createApp(
    await loadBuild(),
    readEnv({
      ...process.env,
      BASE_URL: url,
      PAGE_CACHE_SECONDS: '0',
      LOG_REQUESTS: 'false',
      NODE_ENV: 'production',
      ...env,
    }),
  )
  server.on('request', app)
  return { url, port, close: () => closeServer(server) }
}

export function closeServer(server: http.Server) {
  return new Promise<void>((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}

/**
 * Sends `head` (request line and headers, without the blank line) as it is, which fetch would
 * not: a request target like `*` or `http://other.example/`, a Host of our choosing. Resolves
 * to the status code and the whole response text.
 */
export function rawRequest(port: number, head: string, body = '') {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    // Written without closing our side: the server closes the connection when it has
    // answered (Connection: close); a half-closed socket can make it abort a streamed page.
    const socket = net.connect(port, '127.0.0.1', () =>
      socket.write(`${head}\r\nConnection: close\r\n\r\n${body}`),
    )
    let text = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (text += chunk))
    socket.on('end', () => resolve({ status: Number(text.split(' ')[1]), text }))
    socket.on('error', reject)
  })
}

/** The Cookie header value for the Set-Cookie headers of a response. */
export function cookieFrom(res: Response) {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
}
