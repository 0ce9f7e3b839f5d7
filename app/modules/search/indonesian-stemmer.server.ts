/**
 * Indonesian stemming for search: Snowball's Indonesian algorithm (Tala's rules: particles
 * -kah/-lah/-pun, possessives -ku/-mu/-nya, first-order prefixes di-/ke-/me-/pe-/ter- with their
 * nasal forms, second-order prefixes ber-/per-/pe-/be-, suffixes -kan/-an/-i, each under Tala's
 * "measure" of vowels), plus what it leaves out for want of a dictionary.
 *
 * A nasal prefix swallows the root's first letter: pengiriman is peng- + kirim + -an, menulis
 * men- + tulis, memakai mem- + pakai. Snowball restores only the last of these (mem- → p), so on
 * its own "pengiriman" gives "irim" while "kirim" stays "kirim", and the two never meet. Without
 * a dictionary to say which root is real, `indonesianStems` returns every reading (irim, kirim),
 * and the word as it stands: both sides of a search get the same readings, so they meet wherever
 * one does. A wrong reading costs little (a token nobody else has); a missing one loses a match.
 */

const isVowel = (c: string | undefined) =>
  c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u'

function vowelsIn(word: string): number {
  let n = 0
  for (const c of word) if (isVowel(c)) n++
  return n
}

type State = { word: string; measure: number; prefix: number }

const PARTICLES = ['kah', 'lah', 'pun']
const POSSESSIVES = ['nya', 'ku', 'mu']

function removeEnding(s: State, endings: string[]): boolean {
  for (const e of endings)
    if (s.word.endsWith(e) && s.word.length > e.length) {
      s.word = s.word.slice(0, -e.length)
      s.measure--
      return true
    }
  return false
}

/** -kan, -an, -i, each allowed only after certain prefixes (Tala's disallowed pairs). */
function removeSuffix(s: State): boolean {
  const w = s.word
  if (w.endsWith('kan') && w.length > 3 && s.prefix !== 3 && s.prefix !== 2) {
    s.word = w.slice(0, -3)
  } else if (w.endsWith('an') && w.length > 2 && s.prefix !== 1) {
    s.word = w.slice(0, -2)
  } else if (w.endsWith('i') && w.length > 1 && s.prefix <= 2 && w.at(-2) !== 's') {
    s.word = w.slice(0, -1)
  } else return false
  s.measure--
  return true
}

/**
 * The first-order prefixes (longest first, as Snowball's `among` picks them). Returns the
 * letters the prefix may have swallowed, for the extra readings.
 */
function removeFirstOrderPrefix(s: State): { removed: boolean; swallowed: string[] } {
  const w = s.word
  const next = (n: number) => w[n]
  const take = (n: number, prefix: number, replacement = '', swallowed: string[] = []) => {
    s.word = replacement + w.slice(n)
    s.prefix = prefix
    s.measure--
    return { removed: true, swallowed }
  }
  if (w.startsWith('meny') && isVowel(next(4))) return take(4, 1, 's')
  if (w.startsWith('peny') && isVowel(next(4))) return take(4, 3, 's')
  if (w.startsWith('meng')) return take(4, 1, '', isVowel(next(4)) ? ['k'] : [])
  if (w.startsWith('peng')) return take(4, 3, '', isVowel(next(4)) ? ['k'] : [])
  // Snowball reads mem- + vowel as a swallowed p (memakai → pakai); it may be an m (memasak).
  if (w.startsWith('mem')) return isVowel(next(3)) ? take(3, 1, 'p', ['-m']) : take(3, 1)
  if (w.startsWith('pem')) return isVowel(next(3)) ? take(3, 3, 'p', ['-m']) : take(3, 3)
  if (w.startsWith('men')) return take(3, 1, '', isVowel(next(3)) ? ['t', 'n'] : [])
  if (w.startsWith('pen')) return take(3, 3, '', isVowel(next(3)) ? ['t', 'n'] : [])
  if (w.startsWith('ter')) return take(3, 1)
  if (w.startsWith('di')) return take(2, 1)
  if (w.startsWith('ke')) return take(2, 3)
  if (w.startsWith('me')) return take(2, 1)
  return { removed: false, swallowed: [] }
}

function removeSecondOrderPrefix(s: State): boolean {
  const w = s.word
  if (w.startsWith('belajar')) {
    s.word = `ajar${w.slice(7)}`
    s.prefix = 4
  } else if (w.startsWith('ber')) {
    s.word = w.slice(3)
    s.prefix = 4
  } else if (w.startsWith('be') && !isVowel(w[2]) && w[2] !== undefined && w.startsWith('er', 3)) {
    // be- before a consonant + "er" (bekerja → kerja)
    s.word = w.slice(2)
    s.prefix = 4
  } else if (w.startsWith('pelajar')) {
    s.word = `ajar${w.slice(7)}`
  } else if (w.startsWith('per')) {
    s.word = w.slice(3)
    s.prefix = 2
  } else if (w.startsWith('pe')) {
    s.word = w.slice(2)
    s.prefix = 2
  } else return false
  s.measure--
  return true
}

/** Snowball's Indonesian stem, and the letters a nasal prefix may have swallowed. */
function snowball(word: string): { stem: string; swallowed: string[] } {
  const s: State = { word, measure: vowelsIn(word), prefix: 0 }
  const done = () => ({ stem: s.word, swallowed: [] as string[] })
  if (s.measure <= 2) return done()
  removeEnding(s, PARTICLES)
  if (s.measure <= 2) return done()
  removeEnding(s, POSSESSIVES)
  if (s.measure <= 2) return done()
  const first = removeFirstOrderPrefix(s)
  if (first.removed) {
    if (s.measure > 2 && removeSuffix(s) && s.measure > 2) removeSecondOrderPrefix(s)
    return { stem: s.word, swallowed: first.swallowed }
  }
  removeSecondOrderPrefix(s)
  if (s.measure > 2) removeSuffix(s)
  return done()
}

/** Only the endings (particle, possessive, suffix), as if the word had no prefix: pesanan → pesan. */
function endingsOnly(word: string): string {
  const s: State = { word, measure: vowelsIn(word), prefix: 0 }
  if (s.measure <= 2) return word
  removeEnding(s, PARTICLES)
  if (s.measure > 2) removeEnding(s, POSSESSIVES)
  if (s.measure > 2) removeSuffix(s)
  return s.word
}

/** Snowball's stem alone (tests compare it with Snowball's published behaviour). */
export function snowballIndonesianStem(word: string): string {
  return snowball(word).stem
}

/** Words only letters a–z are stemmed; anything else (digits, other scripts) stays as it is. */
const PLAIN = /^[a-z]+$/

/**
 * Every reading of a folded, lower-case word: Snowball's stem first, then the stem with a
 * swallowed letter put back (pengiriman → irim, kirim), the word with only its endings removed
 * (pesanan → pesan, where Snowball reads pe- + san + -an), and the word itself (kembali, which
 * Snowball reads as ke- + mbali). No duplicates; never empty.
 */
export function indonesianStems(word: string): string[] {
  if (!PLAIN.test(word) || word.length < 4) return [word]
  const { stem, swallowed } = snowball(word)
  if (stem === word) return [word]
  // "-m": the letter Snowball put back was the wrong one; "k": a letter to put back.
  const reread = swallowed.map((l) => (l.startsWith('-') ? l.slice(1) + stem.slice(1) : l + stem))
  const readings = [stem, ...reread, endingsOnly(word), word]
  return [...new Set(readings.filter((r) => r.length >= 2))]
}
