import path from 'node:path'
import { fileURLToPath } from 'node:url'

// Built by the benches (tests/bench/reference.ts) into tmp/bench/reference, never into the
// product's build. Compiler and future flags as in the product's remix.config.js, so the two
// differ only in what the app does.
const out = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../tmp/bench/reference',
)

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  serverModuleFormat: 'esm',
  serverPlatform: 'node',
  serverBuildPath: path.join(out, 'build/index.js'),
  assetsBuildDirectory: path.join(out, 'public/build'),
  cacheDirectory: path.join(out, '.cache'),
  publicPath: '/build/',
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: false,
  },
}
