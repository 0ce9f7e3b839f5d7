import { afterEach, beforeEach, vi } from 'vitest'

// An unexpected console.error is a bug the test did not notice; make it fail the test.
// A test that expects one replaces the spy with its own `vi.spyOn(console, 'error')`.
let spy: ReturnType<typeof vi.spyOn>

beforeEach(() => {
  spy = vi.spyOn(console, 'error')
})

afterEach(() => {
  const calls = spy.mock.calls
  spy.mockRestore()
  if (calls.length > 0 && !(globalThis as { __expectConsoleError?: boolean }).__expectConsoleError)
    throw new Error(
      `console.error was called:\n${calls.map((c) => c.map(String).join(' ')).join('\n')}`,
    )
  ;(globalThis as { __expectConsoleError?: boolean }).__expectConsoleError = false
})
