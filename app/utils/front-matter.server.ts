import { createHash } from 'node:crypto'
import { parse as parseYaml } from 'yaml'
import type { z } from 'zod'

/**
 * Splits a markdown file into its `---` delimited front matter and the body after it. Hand-rolled
 * rather than gray-matter so the YAML dialect (1.2, via `yaml`) is the same as the .yml files and
 * there is no module-level cache between reads. Returns null when the file has no such block.
 */
export function splitFrontMatter(text: string): { frontMatter: string; body: string } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(text)
  if (!match) return null
  return { frontMatter: match[1], body: match[2] }
}

/** A content file's problem, naming the file and the field. */
export function contentFileError(file: string, field: string, message: string): never {
  throw new Error(`${file}: ${field}: ${message}`)
}

function parseWith<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, value: unknown, file: string) {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path
  return contentFileError(file, path.join('.') || '(front matter)', issue.message)
}

/**
 * A shipped markdown file (a KB article, a reply template) read and validated: its front matter
 * by `front`, its body by `body`, and the hash of its text (line endings aside) that says when
 * the file changed. Throws naming the file and the field at the first problem.
 */
export function readContentFile<F, B>(
  file: string,
  text: string,
  schemas: {
    front: z.ZodType<F, z.ZodTypeDef, unknown>
    body: z.ZodType<B, z.ZodTypeDef, unknown>
  },
): { front: F; body: B; hash: string } {
  const parts = splitFrontMatter(text)
  if (!parts)
    contentFileError(file, '(front matter)', 'file must start with a --- delimited YAML block')
  let data: unknown
  try {
    data = parseYaml(parts.frontMatter)
  } catch (error) {
    contentFileError(file, '(yaml)', error instanceof Error ? error.message : String(error))
  }
  return {
    front: parseWith(schemas.front, data, file),
    body: parseWith(schemas.body, parts.body, `${file} (body)`),
    hash: createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex'),
  }
}
