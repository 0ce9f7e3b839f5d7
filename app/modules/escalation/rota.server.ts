// Placeholder until the on-call rota lands on main: nobody is on call.
export function onCallNow(_at?: Date): {
  current: { userId: number; displayName: string; handle: string; until: Date } | null
  next: { userId: number; displayName: string; handle: string; from: Date } | null
} {
  return { current: null, next: null }
}
