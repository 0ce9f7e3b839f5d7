import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import type { CategoryTranslations } from '../../app/modules/categories/localize'
import { splitFrontMatter } from '../../app/utils/front-matter.server'

export type DemoCategory = {
  slug: string
  name: string
  description: string
  position: number
  /** The name and description in other interface languages; `{}` when the file gives none. */
  translations: CategoryTranslations
}
export type DemoUser = {
  handle: string
  displayName: string
  email: string
  role: 'member' | 'helper' | 'moderator' | 'staff' | 'admin'
  bio: string
}
export type DemoAnswer = {
  author: string
  hoursAfter: number
  score: number
  accepted: boolean
  body: string
}
/** The language a demo thread or KB article is written in: English or Bahasa Indonesia. */
export type ContentLanguage = 'en' | 'id'
export type DemoThread = {
  slug: string
  /** From the `language` front-matter field; `en` when a file leaves it out. */
  language: ContentLanguage
  title: string
  category: string
  author: string
  tags: string[]
  createdHoursAgo: number
  views: number
  score: number
  state: 'open' | 'answered' | 'solved' | 'duplicate'
  duplicateOf: string | null
  body: string
  answers: DemoAnswer[]
}
export type DemoCommunity = { categories: DemoCategory[]; users: DemoUser[]; threads: DemoThread[] }

// Mirrors the limits the app enforces on user input, so seeded content could have been typed in
// through the real forms. Kept local so the seed does not break when app validation is refactored.
const HANDLE_PATTERN = /^[a-z0-9_]{3,20}$/
const TAG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,28}[a-z0-9])?$/
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const THREAD_FILE_PATTERN = /^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/
const LANGUAGES = ['en', 'id'] as const satisfies readonly ContentLanguage[]

const categoryName = z.string().trim().min(1).max(60)
const categoryDescription = z.string().trim().min(1).max(300)

/** The interface languages a category may be translated into (English is name and description). */
const TRANSLATED_LANGUAGES = ['id'] as const

const categorySchema = z
  .object({
    slug: z.string().regex(SLUG_PATTERN, 'must be lowercase words joined by hyphens').max(60),
    name: categoryName,
    description: categoryDescription,
    position: z.number().int().min(0),
    // A language may leave the description out: English stands in for it.
    translations: z
      .record(
        z.enum(TRANSLATED_LANGUAGES),
        z.object({ name: categoryName, description: categoryDescription.optional() }).strict(),
      )
      .default({}),
  })
  .strict()

const userSchema = z
  .object({
    handle: z.string().regex(HANDLE_PATTERN, 'must be 3–20 of a-z, 0-9 and _'),
    displayName: z.string().trim().min(1).max(50),
    email: z.string().email().max(254),
    role: z.enum(['member', 'helper', 'moderator', 'staff', 'admin']),
    bio: z.string().trim().max(300),
  })
  .strict()

const answerSchema = z
  .object({
    author: z.string().min(1),
    hoursAfter: z.number().positive(),
    score: z.number().int(),
    accepted: z.boolean().default(false),
    body: z.string().trim().min(2).max(3000),
  })
  .strict()

const frontMatterSchema = z
  .object({
    language: z.enum(LANGUAGES).default('en'),
    title: z.string().trim().min(10).max(150),
    category: z.string().min(1),
    author: z.string().min(1),
    tags: z
      .array(z.string().regex(TAG_PATTERN, 'must be lowercase letters, digits and hyphens'))
      .min(1)
      .max(5),
    createdHoursAgo: z.number().min(1).max(1000),
    views: z.number().int().min(0),
    score: z.number().int(),
    state: z.enum(['open', 'answered', 'solved', 'duplicate']),
    duplicateOf: z.string().min(1).nullable().default(null),
    answers: z.array(answerSchema).default([]),
  })
  .strict()

const questionBodySchema = z.string().trim().min(20).max(3000)

/** `['answers', 1, 'author']` → `answers[1].author`, the way the field reads in the file. */
function fieldPath(path: ReadonlyArray<string | number>): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out ? `.${part}` : part
  }
  return out || '(root)'
}

function fail(file: string, field: string, message: string): never {
  throw new Error(`${file}: ${field}: ${message}`)
}

function parseWith<T>(
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  value: unknown,
  file: string,
  prefix = '',
): T {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  // Point at the misspelt key itself rather than at the object that holds it.
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path
  const field = fieldPath(prefix ? [prefix, ...path] : path)
  return fail(file, field, issue.message)
}

function readYaml(file: string, text: string): unknown {
  try {
    return parseYaml(text)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return fail(file, '(yaml)', message)
  }
}

function readFrontMatter(file: string, text: string): { data: unknown; body: string } {
  const parts = splitFrontMatter(text)
  if (!parts) return fail(file, '(front matter)', 'file must start with a --- delimited YAML block')
  return { data: readYaml(file, parts.frontMatter), body: parts.body }
}

function loadList<T>(file: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>): T[] {
  const data = readYaml(file, readFileSync(file, 'utf8'))
  return parseWith(z.array(schema).min(1), data, file)
}

function assertUnique<T>(file: string, items: T[], key: keyof T & string): void {
  const seen = new Set<unknown>()
  items.forEach((item, i) => {
    const value = item[key]
    if (seen.has(value)) fail(file, `[${i}].${key}`, `duplicate value ${JSON.stringify(value)}`)
    seen.add(value)
  })
}

function loadThread(file: string, slug: string): DemoThread {
  const { data, body } = readFrontMatter(file, readFileSync(file, 'utf8'))
  const front = parseWith(frontMatterSchema, data, file)
  const questionBody = parseWith(questionBodySchema, body, file, 'body')
  return { slug, ...front, body: questionBody }
}

function crossCheckThread(
  file: string,
  thread: DemoThread,
  categories: Set<string>,
  users: Set<string>,
  threads: Map<string, DemoThread>,
): void {
  if (!categories.has(thread.category)) {
    fail(file, 'category', `unknown category "${thread.category}"`)
  }
  if (!users.has(thread.author)) fail(file, 'author', `unknown user "${thread.author}"`)

  const tags = new Set<string>()
  thread.tags.forEach((tag, i) => {
    if (tags.has(tag)) fail(file, `tags[${i}]`, `duplicate tag "${tag}"`)
    tags.add(tag)
  })

  thread.answers.forEach((answer, i) => {
    if (!users.has(answer.author))
      fail(file, `answers[${i}].author`, `unknown user "${answer.author}"`)
    // The seed turns hours into timestamps relative to "now"; an answer dated after now would
    // show up as posted in the future.
    if (answer.hoursAfter >= thread.createdHoursAgo) {
      fail(
        file,
        `answers[${i}].hoursAfter`,
        'must be less than createdHoursAgo (answer in the future)',
      )
    }
    // Strictly increasing keeps answer ids and timestamps in the same order.
    const previous = thread.answers[i - 1]
    if (previous && answer.hoursAfter <= previous.hoursAfter) {
      fail(
        file,
        `answers[${i}].hoursAfter`,
        'answers must be sorted by hoursAfter, strictly increasing',
      )
    }
  })

  const acceptedIndexes = thread.answers.flatMap((a, i) => (a.accepted ? [i] : []))
  const othersAnswered = thread.answers.some((a) => a.author !== thread.author)

  if (thread.state === 'duplicate') {
    if (thread.duplicateOf === null) fail(file, 'duplicateOf', 'required when state is duplicate')
    const target = threads.get(thread.duplicateOf)
    if (!target) fail(file, 'duplicateOf', `no thread file "${thread.duplicateOf}.md"`)
    if (target.slug === thread.slug) fail(file, 'duplicateOf', 'a thread cannot duplicate itself')
    if (target.state === 'duplicate') {
      fail(file, 'duplicateOf', `"${target.slug}" is itself a duplicate; point at the original`)
    }
    if (target.createdHoursAgo <= thread.createdHoursAgo) {
      fail(file, 'duplicateOf', `"${target.slug}" must be older than this thread`)
    }
    // A closed duplicate keeps whatever answers it got, but the fix lives on the original.
    if (acceptedIndexes.length > 0) {
      fail(
        file,
        `answers[${acceptedIndexes[0]}].accepted`,
        'a duplicate cannot have an accepted answer',
      )
    }
    return
  }

  if (thread.duplicateOf !== null) fail(file, 'duplicateOf', 'only allowed when state is duplicate')

  switch (thread.state) {
    case 'solved': {
      if (acceptedIndexes.length !== 1) {
        fail(
          file,
          'state',
          `solved needs exactly one accepted answer, found ${acceptedIndexes.length}`,
        )
      }
      const index = acceptedIndexes[0]
      if (thread.answers[index].author === thread.author) {
        fail(file, `answers[${index}].accepted`, 'the asker cannot accept their own answer')
      }
      return
    }
    case 'answered':
      if (acceptedIndexes.length > 0) {
        fail(
          file,
          `answers[${acceptedIndexes[0]}].accepted`,
          'answered threads have no accepted answer',
        )
      }
      if (!othersAnswered)
        fail(file, 'state', 'answered needs an answer by someone other than the asker')
      return
    case 'open':
      if (acceptedIndexes.length > 0) {
        fail(
          file,
          `answers[${acceptedIndexes[0]}].accepted`,
          'open threads have no accepted answer',
        )
      }
      if (othersAnswered)
        fail(file, 'state', 'open threads have no answers by anyone but the asker')
      return
  }
}

/** Reads and validates `contentDir`/categories.yml, in position order. */
export function loadCategories(contentDir: string): DemoCategory[] {
  const file = join(contentDir, 'categories.yml')
  const categories = loadList(file, categorySchema)
  assertUnique(file, categories, 'slug')
  assertUnique(file, categories, 'position')
  return [...categories].sort((a, b) => a.position - b.position)
}

/**
 * Reads and validates the demo community under `contentDir` (categories.yml, demo/users.yml,
 * demo/threads/*.md). Throws on the first problem, naming the file and the field.
 */
export function loadDemoCommunity(contentDir: string): DemoCommunity {
  const categories = loadCategories(contentDir)

  const usersFile = join(contentDir, 'demo', 'users.yml')
  const users = loadList(usersFile, userSchema).map((u) => ({ ...u, email: u.email.toLowerCase() }))
  assertUnique(usersFile, users, 'handle')
  assertUnique(usersFile, users, 'email')

  const threadsDir = join(contentDir, 'demo', 'threads')
  // Sorted by code unit, not locale, so the order is the same on every machine.
  const names = readdirSync(threadsDir)
    .filter((name) => name.endsWith('.md'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  if (names.length === 0) fail(threadsDir, '(directory)', 'no thread files found')

  const threads = names.map((name) => {
    const file = join(threadsDir, name)
    if (!THREAD_FILE_PATTERN.test(name)) {
      fail(file, '(file name)', 'must look like NN-short-slug.md (lowercase, hyphens)')
    }
    return { file, thread: loadThread(file, name.slice(0, -'.md'.length)) }
  })

  const categorySlugs = new Set(categories.map((c) => c.slug))
  const handles = new Set(users.map((u) => u.handle))
  const bySlug = new Map(threads.map(({ thread }) => [thread.slug, thread]))
  for (const { file, thread } of threads) {
    crossCheckThread(file, thread, categorySlugs, handles, bySlug)
  }

  return {
    categories,
    users,
    threads: threads.map(({ thread }) => thread),
  }
}
