/**
 * What the load bench writes before the run and what its simulated people type: threads in the
 * shop's own words (couriers, cities, wallets, beans, brewing methods), the searches people
 * make, and the answers and questions the signed-in writers post during the run.
 *
 * Deterministic: the same seed gives the same community and the same traffic on every machine.
 */

/** mulberry32: small, fast and good enough to pick words. */
export function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type Random = () => number

export const pick = <T>(xs: readonly T[], r: Random): T => xs[Math.floor(r() * xs.length)]
export const int = (min: number, max: number, r: Random) => min + Math.floor(r() * (max - min + 1))

/**
 * Picks index k with probability about 1/(k+1)^s (Zipf): a few items are asked for all the
 * time and most rarely, as with pages and searches on a real site.
 */
export function zipf(n: number, s = 1.1) {
  const weights = Array.from({ length: n }, (_, k) => 1 / (k + 1) ** s)
  const total = weights.reduce((a, b) => a + b, 0)
  const cumulative: number[] = []
  let sum = 0
  for (const w of weights) cumulative.push((sum += w / total))
  return (r: Random) => {
    const x = r()
    let lo = 0
    let hi = n - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid] < x) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

const V = {
  courier: ['JNE', 'J&T', 'SiCepat', 'AnterAja', 'Pos Indonesia', 'GoSend', 'Ninja Xpress'],
  city: [
    'Jakarta',
    'Bandung',
    'Surabaya',
    'Medan',
    'Makassar',
    'Denpasar',
    'Yogyakarta',
    'Semarang',
    'Palembang',
    'Balikpapan',
    'Malang',
    'Bogor',
  ],
  status: ['manifested', 'in transit', 'at the sorting hub', 'on hold', 'delivery attempted'],
  wallet: ['GoPay', 'OVO', 'DANA', 'ShopeePay', 'QRIS'],
  bank: ['BCA', 'Mandiri', 'BNI', 'BRI'],
  product: [
    'V60 dripper',
    'hand grinder',
    'gooseneck kettle',
    'French press',
    'AeroPress',
    'moka pot',
    'coffee scale',
    'burr grinder',
  ],
  origin: ['Gayo', 'Toraja', 'Kintamani', 'Flores Bajawa', 'Java Preanger', 'Kerinci', 'Wamena'],
  roast: ['light', 'medium', 'dark', 'espresso'],
  method: ['V60', 'French press', 'AeroPress', 'moka pot', 'espresso', 'cold brew', 'kopi tubruk'],
  taste: ['sour', 'bitter', 'flat', 'watery', 'muddy', 'burnt', 'astringent'],
  damage: ['torn', 'crushed', 'wet', 'opened', 'broken', 'dented'],
  mail: ['Gmail', 'Yahoo', 'Outlook', 'iCloud'],
  browser: ['Chrome', 'Safari', 'Firefox', 'the Android app', 'the iPhone app'],
  day: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
} as const
type Slot = keyof typeof V

export const CATEGORIES = [
  'orders-shipping',
  'returns-refunds',
  'payments-billing',
  'account-login',
  'brewing-help',
] as const
type Category = (typeof CATEGORIES)[number]

/** Tags each category's threads carry (all of them exist in the demo community). */
export const CATEGORY_TAGS: Record<Category, string[]> = {
  'orders-shipping': ['shipping', 'tracking', 'jne', 'sicepat'],
  'returns-refunds': ['refund', 'return', 'damaged-item'],
  'payments-billing': ['gopay', 'ovo', 'qris', 'bank-transfer', 'invoice', 'subscription'],
  'account-login': ['account', 'login', 'email', 'password-reset'],
  'brewing-help': [
    'beans',
    'grind-size',
    'v60',
    'french-press',
    'espresso',
    'cold-brew',
    'storage',
  ],
}

const TITLES: Record<Category, string[]> = {
  'orders-shipping': [
    '{courier} tracking stuck on {status} for {n} days',
    'Parcel to {city} still not delivered after {n} days',
    '{courier} says delivered but my {product} never arrived',
    'How long does shipping to {city} take with {courier}?',
    'Package went to {city} instead of {city}',
  ],
  'returns-refunds': [
    'Refund to {wallet} not received after {n} days',
    'How do I return a {product} that arrived {damage}?',
    '{product} arrived {damage}, can I get a replacement?',
    'Refund to my {bank} account is taking too long',
  ],
  'payments-billing': [
    '{wallet} payment failed but money was deducted',
    'Cannot pay with {wallet} at checkout',
    'Virtual account from {bank} expired before I paid',
    'Card payment declined by {bank}',
  ],
  'account-login': [
    'Password reset e-mail never arrives on {mail}',
    'Logged out every time I close {browser}',
    'Verification code not accepted in {browser}',
  ],
  'brewing-help': [
    '{method} coffee tastes {taste} with {origin} beans',
    'What grind size for {method} with {origin}?',
    'Best ratio for {origin} {roast} roast in a {method}',
    'How to store {origin} beans in humid weather',
  ],
}

const BODIES: Record<Category, string[]> = {
  'orders-shipping': [
    'I ordered {n}00 g of {origin} on {day} and got the resi from {courier} the same evening.',
    'The tracking page still says **{status}** and nothing since {day}.',
    'Delivery is to {city}, and the {courier} office there says they have not received it.',
    'Is there anything I can do, or should I wait a few more days?',
  ],
  'returns-refunds': [
    'My {product} arrived {damage} and the box was {damage} too.',
    'I asked for a refund to {wallet} {n} days ago and it still has not arrived.',
    'Do I need to send the {product} back, and who pays the shipping?',
  ],
  'payments-billing': [
    'I tried to pay with {wallet} and the page said the payment failed.',
    'But my balance went down anyway, on {day} around {n} pm.',
    'The virtual account from {bank} expired after {n} hours.',
  ],
  'account-login': [
    'I asked for a password reset {n} times and no e-mail arrived, also not in spam on {mail}.',
    'Every time I close {browser} I have to log in again.',
    'The code arrives but the form says it is wrong or expired.',
  ],
  'brewing-help': [
    'I brew {n}5 g of {origin} {roast} roast with {n}00 g of water in my {method}.',
    'The cup tastes {taste}, especially as it cools.',
    'I grind on setting {n} of my {product}.',
    'What should I change first: grind, ratio or water temperature?',
  ],
}

const ANSWERS = [
  'Thanks for the details! {courier} had a backlog after the long weekend; parcels to {city} usually move again within {n} days.',
  'The refund to {wallet} was sent on {day}; e-wallets show it within a day, banks take up to a week.',
  'Grind a little finer and keep the water just off the boil; {origin} {roast} roast extracts slowly.',
  'A {taste} cup usually means under-extraction: grind finer or brew longer.',
  'Please send the order number and a photo of the {product} and we will ship a replacement at our cost.',
  'Virtual accounts from {bank} expire after 24 hours; place the order again and a new one is made.',
  'Reset e-mails to {mail} can take a few minutes; check the Promotions tab and add us to your contacts.',
  'Tick "Remember me" when you log in; {browser} clears cookies on close if privacy mode is on.',
  'Store the beans airtight, away from light, and never in the fridge in humid weather.',
  'Same here last month with {courier}: it arrived on day {n} without a new scan.',
]

function fill(template: string, r: Random) {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) =>
    slot === 'n' ? String(int(2, 9, r)) : pick(V[slot as Slot], r),
  )
}

export type ThreadSpec = {
  category: Category
  tags: string[]
  title: string
  body: string
  /** Answers to write, each with the number of upvotes it gets. */
  answers: { body: string; upvotes: number }[]
  /** Index into `answers` of the one the asker accepts, or null. */
  accepted: number | null
  questionUpvotes: number
}

/** `count` threads with 0–6 answers each; about half of the answered ones are solved. */
export function threadSpecs(count: number, seed = 20260302): ThreadSpec[] {
  const r = rng(seed)
  const specs: ThreadSpec[] = []
  for (let i = 0; i < count; i++) {
    const category = CATEGORIES[i % CATEGORIES.length]
    const tagPool = CATEGORY_TAGS[category]
    const tags = [...new Set([pick(tagPool, r), pick(tagPool, r)])]
    // A counter in the title keeps titles (and so slugs) apart, as real titles mostly are.
    const title = `${fill(pick(TITLES[category], r), r)} (#${i + 1})`.slice(0, 150)
    const sentences = BODIES[category]
    const body = Array.from({ length: int(2, 4, r) }, () => fill(pick(sentences, r), r)).join(
      int(0, 1, r) ? ' ' : '\n\n',
    )
    const answers = Array.from({ length: int(0, 6, r) }, () => ({
      body: Array.from({ length: int(1, 3, r) }, () => fill(pick(ANSWERS, r), r)).join('\n\n'),
      upvotes: int(0, 4, r),
    }))
    const accepted = answers.length > 0 && r() < 0.5 ? int(0, answers.length - 1, r) : null
    specs.push({ category, tags, title, body, answers, accepted, questionUpvotes: int(0, 5, r) })
  }
  return specs
}

/**
 * What people type into the search box: a few searches are made all the time (the traffic's
 * head, which the page cache serves again), most only now and then. Ordered by popularity.
 */
export function searchQueries(count = 160, seed = 7): string[] {
  const r = rng(seed)
  const head = [
    'refund',
    'tracking',
    'jne',
    'password reset',
    'gopay refund',
    'grind size',
    'cold brew',
    'invoice',
    'qris',
    'damaged',
    'v60',
    'shipping time',
    'espresso sour',
    'virtual account expired',
    'login',
  ]
  const shapes = [
    '{courier} {status}',
    '{wallet} refund',
    '{product} {damage}',
    '{method} {taste}',
    '{origin} {roast}',
    'shipping to {city}',
    '{bank} virtual account',
    'reset {mail}',
    'logged out {browser}',
    '{origin} {method} ratio',
  ]
  const out = new Set(head)
  while (out.size < count) out.add(fill(pick(shapes, r), r).toLowerCase())
  return [...out]
}

/** An answer a writer posts during the run. */
export function answerText(r: Random, marker: string) {
  return `${fill(pick(ANSWERS, r), r)}\n\n${fill(pick(ANSWERS, r), r)} (${marker})`
}

/** A question a writer asks during the run, as the ask form's fields. */
export function questionFields(r: Random, marker: string) {
  const category = pick(CATEGORIES, r)
  const tagPool = CATEGORY_TAGS[category]
  return {
    title: `${fill(pick(TITLES[category], r), r)} (${marker})`.slice(0, 150),
    body: Array.from({ length: 3 }, () => fill(pick(BODIES[category], r), r)).join(' '),
    category,
    tags: [...new Set([pick(tagPool, r), pick(tagPool, r)])].join(', '),
  }
}
