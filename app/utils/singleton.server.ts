/**
 * Keeps one instance per process even when a module is loaded twice (the server bundle and
 * the Remix build each carry their own copy).
 */
export function singleton<T>(name: string, create: () => T): T {
  const store = ((globalThis as { __tanyaSingletons?: Map<string, unknown> }).__tanyaSingletons ??=
    new Map())
  if (!store.has(name)) store.set(name, create())
  return store.get(name) as T
}
