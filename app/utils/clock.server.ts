/**
 * The one clock of the server. Everything that stores or compares a time asks `now()`,
 * so tests can move time forward instead of sleeping.
 */
type Clock = () => Date

const systemClock: Clock = () => new Date()

const state = ((globalThis as { __tanyaClock?: { clock: Clock } }).__tanyaClock ??= {
  clock: systemClock,
})

export function now(): Date {
  return state.clock()
}

/** Freezes the clock at `at` (tests, seeding). Returns a function that moves it on. */
export function setClock(at: Date): (ms: number) => Date {
  let current = at.getTime()
  state.clock = () => new Date(current)
  return (ms: number) => {
    current += ms
    return new Date(current)
  }
}

export function resetClock(): void {
  state.clock = systemClock
}
