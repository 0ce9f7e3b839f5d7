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
