import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(full) : /\.(ts|tsx|mjs)$/.test(entry.name) ? [full] : []
  })
}

const importsOf = (file: string) =>
  [...fs.readFileSync(file, 'utf8').matchAll(/(?:import|from)\s*\(?\s*['"]([^'"]+)['"]/g)].map(
    (m) => m[1],
  )

describe('the layers keep to their rooms', () => {
  it('no domain module imports Remix, Express or the HTTP helpers', () => {
    const offenders = filesUnder('app/modules').flatMap((file) =>
      importsOf(file)
        .filter((spec) => /^@remix-run\/|^express$|http\.server$|route-errors\.server$/.test(spec))
        .map((spec) => `${file} imports ${spec}`),
    )
    expect(offenders).toEqual([])
  })

  it('no route file is much over 150 lines', () => {
    const long = filesUnder('app/routes')
      .map((file) => ({ file, lines: fs.readFileSync(file, 'utf8').split('\n').length }))
      .filter((f) => f.lines > 180)
      .map((f) => `${f.file}: ${f.lines} lines`)
    expect(long).toEqual([])
  })
})
