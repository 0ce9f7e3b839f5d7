import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import { z } from 'zod'
import { splitDumpTags } from './names'
import { DumpFormatError, XmlRowParser, type RowAttributes } from './xml-rows'

/** One site's dump, read and checked; nothing here has touched the database. */
export type SiteDump = {
  site: string
  folder: string
  /** Which of the dump's files were there (only Posts.xml is required). */
  files: DumpFile[]
  users: DumpUser[]
  tags: DumpTag[]
  questions: DumpQuestion[]
  answers: DumpAnswer[]
  links: DumpLink[]
  comments: number
  /** Rows of other post types (tag wikis, election nominations …), which we do not import. */
  otherPosts: number
  rows: number
}

export type DumpUser = { id: number; displayName: string; reputation: number; createdAt: Date }
export type DumpTag = { id: number; name: string }
type DumpPostBase = {
  id: number
  createdAt: Date
  score: number
  bodyHtml: string
  ownerUserId: number | null
  ownerDisplayName: string | null
  editedAt: Date | null
  lastActivityAt: Date | null
  license: string | null
}
export type DumpQuestion = DumpPostBase & {
  title: string
  tags: string[]
  viewCount: number
  acceptedAnswerId: number | null
  closedAt: Date | null
}
export type DumpAnswer = DumpPostBase & { questionId: number }
export type DumpLink = {
  id: number
  createdAt: Date
  postId: number
  relatedPostId: number
  typeId: number
}

export const DUMP_FILES = ['Users', 'Tags', 'Posts', 'PostLinks', 'Comments'] as const
export type DumpFile = (typeof DUMP_FILES)[number]

export type ParseProgress = (bytesRead: number, bytesTotal: number) => void

// ── Row schemas: every attribute we read, with the message a person gets when it is wrong ──

const whole = z
  .string({ required_error: 'is missing' })
  .regex(/^-?\d{1,15}$/, 'is not a whole number')
  .transform(Number)
const optionalWhole = whole.optional().transform((n) => n ?? null)
const DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,7})?Z?$/
// Dump times carry no zone; Stack Exchange writes them in UTC.
const date = z.string({ required_error: 'is missing' }).transform((s, ctx) => {
  const d = DATE.test(s) ? new Date(`${s.replace(/Z$/, '').slice(0, 23)}Z`) : null
  if (!d || Number.isNaN(d.getTime())) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'is not a date' })
    return z.NEVER
  }
  return d
})
const optionalDate = date.optional().transform((d) => d ?? null)
const text = z.string({ required_error: 'is missing' })

const userRow = z.object({
  Id: whole,
  DisplayName: text.optional().transform((s) => s ?? ''),
  Reputation: optionalWhole.transform((n) => n ?? 1),
  CreationDate: date,
})
const tagRow = z.object({ Id: whole, TagName: text.min(1, 'is empty') })
const postKind = z.object({ Id: whole, PostTypeId: whole })
const postBase = {
  Id: whole,
  CreationDate: date,
  Score: optionalWhole.transform((n) => n ?? 0),
  Body: text.optional().transform((s) => s ?? ''),
  OwnerUserId: optionalWhole,
  OwnerDisplayName: text.optional().transform((s) => s ?? null),
  LastEditDate: optionalDate,
  LastActivityDate: optionalDate,
  ContentLicense: text.optional().transform((s) => s ?? null),
}
const questionRow = z.object({
  ...postBase,
  Title: text,
  Tags: text.optional().transform((s) => (s ? splitDumpTags(s) : [])),
  ViewCount: optionalWhole.transform((n) => n ?? 0),
  AcceptedAnswerId: optionalWhole,
  ClosedDate: optionalDate,
})
const answerRow = z.object({ ...postBase, ParentId: whole })
const linkRow = z.object({
  Id: whole,
  CreationDate: date,
  PostId: whole,
  RelatedPostId: whole,
  LinkTypeId: whole,
})
const commentRow = z.object({ Id: whole })

function check<T>(
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  attributes: RowAttributes,
  file: string,
  line: number,
): T {
  const parsed = schema.safeParse(attributes)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const key = String(issue.path[0] ?? '')
  const value = attributes[key]
  const shown =
    value === undefined ? '' : ` "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`
  const row = attributes.Id ? ` (row Id ${attributes.Id})` : ''
  throw new DumpFormatError(file, line, `${key}${shown} ${issue.message}${row}`)
}

function toPost(p: z.infer<typeof answerRow> | z.infer<typeof questionRow>): DumpPostBase {
  return {
    id: p.Id,
    createdAt: p.CreationDate,
    score: p.Score,
    // Dumps written on Windows carry CRLF inside bodies.
    bodyHtml: p.Body.replace(/\r\n?/g, '\n'),
    ownerUserId: p.OwnerUserId,
    ownerDisplayName: p.OwnerDisplayName,
    editedAt: p.LastEditDate,
    lastActivityAt: p.LastActivityDate,
    license: p.ContentLicense,
  }
}

/** Streams one file line by line through the strict row reader. */
async function readRows(
  file: string,
  root: string,
  onRow: (attributes: RowAttributes, line: number) => void,
  onBytes: (n: number) => void,
) {
  const stream = fs.createReadStream(file, { encoding: 'utf8' })
  stream.on('data', (chunk) => onBytes(Buffer.byteLength(chunk)))
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity })
  const parser = new XmlRowParser(file, root, onRow)
  let n = 0
  try {
    for await (const line of lines) parser.pushLine(line, ++n)
    parser.end()
  } finally {
    lines.close()
    stream.destroy()
  }
}

export function dumpFiles(folder: string): { name: DumpFile; file: string; bytes: number }[] {
  const found: { name: DumpFile; file: string; bytes: number }[] = []
  for (const name of DUMP_FILES) {
    const file = path.join(folder, `${name}.xml`)
    if (fs.existsSync(file)) found.push({ name, file, bytes: fs.statSync(file).size })
  }
  return found
}

/**
 * Reads and checks every file of one site's dump (Posts.xml required; Users, Tags, PostLinks
 * and Comments when present). Throws DumpFormatError at the first malformed row.
 */
export async function readSiteDump(
  folder: string,
  onBytes: (n: number) => void = () => {},
): Promise<SiteDump> {
  const files = dumpFiles(folder)
  if (!files.some((f) => f.name === 'Posts'))
    throw new DumpFormatError(path.join(folder, 'Posts.xml'), 0, 'the file does not exist')
  const dump: SiteDump = {
    site: path.basename(path.resolve(folder)),
    folder,
    files: files.map((f) => f.name),
    users: [],
    tags: [],
    questions: [],
    answers: [],
    links: [],
    comments: 0,
    otherPosts: 0,
    rows: 0,
  }
  for (const { name, file } of files) {
    const seen = new Set<number>()
    const unique = (id: number, line: number) => {
      if (seen.has(id)) throw new DumpFormatError(file, line, `a second row with Id ${id}`)
      seen.add(id)
    }
    const onRow = (a: RowAttributes, line: number): void => {
      dump.rows++
      switch (name) {
        case 'Users': {
          const u = check(userRow, a, file, line)
          unique(u.Id, line)
          dump.users.push({
            id: u.Id,
            displayName: u.DisplayName,
            reputation: u.Reputation,
            createdAt: u.CreationDate,
          })
          return
        }
        case 'Tags': {
          const t = check(tagRow, a, file, line)
          unique(t.Id, line)
          dump.tags.push({ id: t.Id, name: t.TagName })
          return
        }
        case 'Posts': {
          const kind = check(postKind, a, file, line)
          unique(kind.Id, line)
          if (kind.PostTypeId === 1) {
            const q = check(questionRow, a, file, line)
            dump.questions.push({
              ...toPost(q),
              title: q.Title,
              tags: q.Tags,
              viewCount: q.ViewCount,
              acceptedAnswerId: q.AcceptedAnswerId,
              closedAt: q.ClosedDate,
            })
          } else if (kind.PostTypeId === 2) {
            const p = check(answerRow, a, file, line)
            dump.answers.push({ ...toPost(p), questionId: p.ParentId })
          } else dump.otherPosts++
          return
        }
        case 'PostLinks': {
          const l = check(linkRow, a, file, line)
          unique(l.Id, line)
          dump.links.push({
            id: l.Id,
            createdAt: l.CreationDate,
            postId: l.PostId,
            relatedPostId: l.RelatedPostId,
            typeId: l.LinkTypeId,
          })
          return
        }
        case 'Comments': {
          unique(check(commentRow, a, file, line).Id, line)
          dump.comments++
          return
        }
      }
    }
    await readRows(file, name.toLowerCase(), onRow, onBytes)
  }
  return dump
}
