/**
 * Synonyms and abbreviations, edited by staff: groups of words that mean the same thing to the
 * people asking ("ongkir" and "ongkos kirim", "resi" and "tracking number"). Both engines index
 * a group's token wherever one of its members stands, and a query for any member looks that
 * token up, so each member finds the others, in either direction.
 *
 * Stored as a site setting (`search.synonyms`); the shipped list applies until staff save their
 * own. A change applies to queries and new posts at once; the posts already indexed are
 * re-indexed in the background (see search-maintenance.server.ts).
 */
import { msg } from '../../i18n/message'
import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { settings } from '../../../db/schema'
import { now } from '../../utils/clock.server'
import { db, sqlite, write } from '../../utils/db.server'
import { Forbidden } from '../../utils/domain-errors'
import { singleton } from '../../utils/singleton.server'
import { emit } from '../events/events.server'
import { can, type Actor } from '../policy/policy'
import {
  compileSynonyms,
  foldedWords,
  SYNONYM_TOKEN_PREFIX,
  type CompiledSynonyms,
  type SynonymGroup,
} from './normalize.server'
import {
  SYNONYM_GROUPS_MAX,
  SYNONYM_MEMBER_MAX,
  SYNONYM_MEMBER_WORDS_MAX,
  SYNONYM_MEMBERS_MAX,
  SYNONYMS_TEXT_MAX,
} from './validation'

export const SYNONYMS_KEY = 'search.synonyms'

/** One group per line, members separated by commas. */
export const DEFAULT_SYNONYMS = `ongkir, ongkos kirim, biaya kirim, biaya pengiriman, shipping cost, shipping fee
resi, nomor resi, no resi, tracking number, tracking code, airway bill
rekening, nomor rekening, bank account, account number
cod, bayar di tempat, cash on delivery
e-wallet, ewallet, dompet digital, digital wallet
gopay, go-pay, go pay
shopeepay, shopee pay
linkaja, link aja
refund, pengembalian dana, uang kembali, money back
password, kata sandi, sandi
paket, parcel, package
kurir, courier, ekspedisi
pengiriman, delivery, shipping, shipment
belum sampai, belum datang, not arrived, has not arrived, hasn't arrived, not delivered
lupa, forgot, forget, forgotten
pesanan, order
retur, return, tukar barang
akun, account
keranjang, cart
voucher, kupon, coupon, kode promo, promo code
biji kopi, coffee beans, beans
penggiling, grinder, gilingan`

export type SynonymsResult =
  | { ok: true; groups: string[][]; text: string }
  | { ok: false; fieldErrors: Record<string, string> }

/** The groups as staff edit them: one line each. */
export function synonymsToText(groups: string[][]): string {
  return groups.map((g) => g.join(', ')).join('\n')
}

/**
 * The staff's text as groups, or what is wrong with it, by line. Blank lines are skipped; each
 * line needs two members or more; a word or phrase may belong to one group only, since a
 * member in two groups would quietly join them.
 */
export function parseSynonyms(text: string): SynonymsResult {
  const error = (message: string): SynonymsResult => ({
    ok: false,
    fieldErrors: { synonyms: message },
  })
  if (text.length > SYNONYMS_TEXT_MAX)
    return error(msg('search.synonyms.errors.tooLong', { max: SYNONYMS_TEXT_MAX }))
  const lines = text.split(/\r?\n/)
  const groups: string[][] = []
  const owner = new Map<string, number>()
  for (const [index, line] of lines.entries()) {
    const n = index + 1
    if (!line.trim()) continue
    const members = line
      .split(',')
      .map((m) => m.trim().replace(/\s+/g, ' '))
      .filter(Boolean)
    if (members.length < 2) return error(msg('search.synonyms.errors.tooFew', { line: n }))
    if (members.length > SYNONYM_MEMBERS_MAX)
      return error(msg('search.synonyms.errors.tooMany', { line: n, max: SYNONYM_MEMBERS_MAX }))
    const kept: string[] = []
    for (const member of members) {
      if (member.length > SYNONYM_MEMBER_MAX)
        return error(
          msg('search.synonyms.errors.memberTooLong', {
            line: n,
            member: member.slice(0, 40),
            max: SYNONYM_MEMBER_MAX,
          }),
        )
      const words = foldedWords(member)
      if (words.length === 0)
        return error(msg('search.synonyms.errors.noLetters', { line: n, member }))
      if (words.length > SYNONYM_MEMBER_WORDS_MAX)
        return error(
          msg('search.synonyms.errors.tooManyWords', {
            line: n,
            member,
            max: SYNONYM_MEMBER_WORDS_MAX,
          }),
        )
      const key = words.join(' ')
      const earlier = owner.get(key)
      if (earlier === n) continue
      if (earlier !== undefined)
        return error(msg('search.synonyms.errors.elsewhere', { line: n, member, earlier }))
      owner.set(key, n)
      kept.push(member)
    }
    if (kept.length < 2) return error(msg('search.synonyms.errors.notDifferent', { line: n }))
    groups.push(kept)
    if (groups.length > SYNONYM_GROUPS_MAX)
      return error(msg('search.synonyms.errors.tooManyGroups', { max: SYNONYM_GROUPS_MAX }))
  }
  return { ok: true, groups, text: synonymsToText(groups) }
}

const DEFAULT_GROUPS = (() => {
  const parsed = parseSynonyms(DEFAULT_SYNONYMS)
  if (!parsed.ok)
    throw new Error(`the shipped synonyms are invalid: ${parsed.fieldErrors.synonyms}`)
  return parsed.groups
})()

function toGroups(groups: string[][]): SynonymGroup[] {
  return groups.map((members) => {
    const words = members.map((m) => foldedWords(m))
    return { token: SYNONYM_TOKEN_PREFIX + words[0].join('_'), members: words }
  })
}

export function compileGroups(groups: string[][]): CompiledSynonyms {
  const version = createHash('sha256').update(JSON.stringify(groups)).digest('hex').slice(0, 12)
  return compileSynonyms(toGroups(groups), version)
}

function storedGroups(value: unknown): string[][] | null {
  if (!value || typeof value !== 'object' || !('groups' in value)) return null
  const { groups } = value
  if (!Array.isArray(groups)) return null
  // Read back through the same rules as a save: a row edited by hand cannot break search.
  const parsed = parseSynonyms(
    synonymsToText(groups.filter(Array.isArray).map((g) => g.map(String))),
  )
  return parsed.ok ? parsed.groups : null
}

/** The groups in force: the staff's, or the shipped list. */
export function getSynonymGroups(): { groups: string[][]; custom: boolean } {
  const row = db.select().from(settings).where(eq(settings.key, SYNONYMS_KEY)).get()
  const groups = row ? storedGroups(row.value) : null
  return groups ? { groups, custom: true } : { groups: DEFAULT_GROUPS, custom: false }
}

// Every index write and every query needs the groups: compiled once per saved list, and found
// again by comparing the stored text (a few kilobytes) with the one compiled, so a save by
// another process is seen at its next search.
const storedStatement = () =>
  singleton('synonymsStored', () =>
    sqlite.prepare<[string], { value: string }>('select value from settings where key = ?'),
  )
const cache = singleton('searchSynonyms', () => ({
  stored: null as string | null,
  compiled: null as CompiledSynonyms | null,
}))

/** The synonyms search uses now, compiled. */
export function currentSynonyms(): CompiledSynonyms {
  const stored = storedStatement().get(SYNONYMS_KEY)?.value ?? ''
  if (cache.compiled && cache.stored === stored) return cache.compiled
  const compiled = compileGroups(getSynonymGroups().groups)
  cache.stored = stored
  cache.compiled = compiled
  return compiled
}

/**
 * Saves staff's list (replacing the shipped one) with its `settings.changed` event. The caller
 * starts the background re-index (search-maintenance) after this returns.
 */
export function updateSynonyms(actor: Actor, text: string): SynonymsResult {
  if (!can(actor, 'search.settings', null)) throw new Forbidden('search.settings')
  const parsed = parseSynonyms(text)
  if (!parsed.ok) return parsed
  const before = getSynonymGroups()
  const value = { groups: parsed.groups }
  write((tx) => {
    const at = now()
    tx.insert(settings)
      .values({ key: SYNONYMS_KEY, value, updatedAt: at })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at } })
      .run()
    emit(tx, {
      type: 'settings.changed',
      actor,
      data: { key: SYNONYMS_KEY, from: before.groups.length, to: parsed.groups.length },
    })
  })
  return parsed
}
