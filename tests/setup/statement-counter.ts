/**
 * Counts the SQL statements better-sqlite3 executes in this process, for tests and benches that
 * prove a page costs a fixed number of statements (no N+1). Importing this module wraps the
 * run/get/all/iterate methods of better-sqlite3's Statement prototype, once; the product never
 * imports it, so production queries carry no counter.
 *
 * Every prepared statement is counted: what drizzle runs, raw statements prepared by the modules,
 * pragmas, and the BEGIN/COMMIT of a transaction. `Database#exec` (multi-statement scripts, used
 * by nothing a page runs) is not. Statements run in worker threads are not either: each thread
 * loads its own copy of the native module.
 */
import Database from 'better-sqlite3'

export type StatementCounter = { count: number; recording: string[] | null }

const METHODS = ['run', 'get', 'all', 'iterate'] as const
type Method = (typeof METHODS)[number]
type StatementPrototype = Record<Method, (...args: unknown[]) => unknown>

// On globalThis: a test runner may evaluate this module more than once in a process, and the
// prototype must be wrapped only once, or every statement would count twice.
const KEY = Symbol.for('tanya.statementCounter')
const holder = globalThis as typeof globalThis & { [KEY]?: StatementCounter }

function install(): StatementCounter {
  const counter: StatementCounter = { count: 0, recording: null }
  // The Statement class is not exported; every statement shares its prototype.
  const probe = new Database(':memory:')
  const proto = Object.getPrototypeOf(probe.prepare('select 1')) as StatementPrototype
  probe.close()
  for (const method of METHODS) {
    const original = proto[method]
    proto[method] = function (this: { source: string }, ...args: unknown[]) {
      counter.count++
      counter.recording?.push(this.source)
      return original.apply(this, args)
    }
  }
  return counter
}

/** The number of statements executed so far in this process; tests read differences of it. */
export const statementCounter: StatementCounter = (holder[KEY] ??= install())

/**
 * The SQL text of every statement `fn` executes, in order (a statement the connection compiled
 * earlier and runs again included), without BEGIN/COMMIT; for tests that check query plans.
 */
export function recordStatements(fn: () => void): string[] {
  const recording: string[] = []
  statementCounter.recording = recording
  try {
    fn()
  } finally {
    statementCounter.recording = null
  }
  return recording.filter((text) => !/^(begin|commit|rollback|savepoint|release)\b/i.test(text))
}
