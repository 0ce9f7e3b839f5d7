import path from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = { '~': path.resolve('app') }

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/setup/console.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/setup/console.ts', 'tests/setup/integration.ts'],
          // Tests that drive the whole app load the Remix build; it is rebuilt when stale.
          globalSetup: ['tests/setup/remix-build.ts'],
          environment: 'node',
          pool: 'forks',
          testTimeout: 20_000,
        },
      },
    ],
  },
})
