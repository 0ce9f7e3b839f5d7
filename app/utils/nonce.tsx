import { createContext, useContext, type ReactNode } from 'react'

// The server renders each page with a fresh CSP nonce; in the browser it is '' and unused.
const NonceContext = createContext('')

export function NonceProvider({ value, children }: { value: string; children: ReactNode }) {
  return <NonceContext.Provider value={value}>{children}</NonceContext.Provider>
}

export const useNonce = () => useContext(NonceContext)
