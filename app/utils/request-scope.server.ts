import { AsyncLocalStorage } from 'node:async_hooks'
import { singleton } from './singleton.server'

/**
 * What one HTTP request works out once and every loader of it shares: a page runs the root
 * loader and its route's loader, and both ask who is signed in. server.ts runs each request
 * inside a scope; outside one (jobs, tests calling a function directly) nothing is kept.
 */
const scope = singleton('requestScope', () => new AsyncLocalStorage<Map<string, unknown>>())

export function runInRequestScope<T>(fn: () => T): T {
  return scope.run(new Map(), fn)
}

/** The value computed for `key` earlier in this request, or computed now and kept. */
export function oncePerRequest<T>(key: string, compute: () => T): T {
  const store = scope.getStore()
  if (!store) return compute()
  if (!store.has(key)) store.set(key, compute())
  return store.get(key) as T
}
