/**
 * The benchmark's thread: one question with 20 answers by 20 different people, generated
 * deterministically from constants and written to the bench database through the domain
 * modules (tests/bench/run.ts).
 */
import type { Role } from '../../db/schema'

export const BENCH_ANSWER_COUNT = 20

export type BenchPerson = { handle: string; displayName: string; role: Role }

export const BENCH_ASKER: BenchPerson = {
  handle: 'bench-asker',
  displayName: 'Putri Anggraini',
  role: 'member',
}

const NAMES = [
  'Rina Wulandari',
  'Bagus Santoso',
  'Made Suarjana',
  'Siti Rahmawati',
  'Yoga Pratama',
  'Ketut Ariani',
  'Dimas Saputra',
  'Nur Hidayah',
  'Andreas Siregar',
  'Fitri Handayani',
  'Wayan Sudarma',
  'Lina Marlina',
  'Hendra Gunawan',
  'Ratna Sari',
  'Teguh Prasetyo',
  'Maya Kusuma',
  'Rizky Ramadhan',
  'Indah Permata',
  'Joko Susilo',
  'Agnes Tambunan',
]

/** The 20 answerers, in answering order; a few are helpers or staff so role pills show. */
export const BENCH_ANSWERERS: BenchPerson[] = NAMES.map((displayName, i) => ({
  handle: `bench-${displayName.split(' ')[0].toLowerCase()}`,
  displayName,
  role: i === 0 ? 'staff' : i % 6 === 3 ? 'helper' : 'member',
}))

export const BENCH_QUESTION = {
  title: 'Espresso suddenly sour and fast after switching to the new Gayo beans',
  category: 'brewing-help',
  tags: ['beans', 'espresso', 'grind-size'],
  body: [
    'I switched from the Toraja house blend to the **Gayo Wine Process** last week and every shot',
    'since then runs in about 18 seconds and tastes sour, almost like lemon juice. Same machine,',
    'same basket, same 18 g dose, and the grinder has not been touched.',
    '',
    'What I have tried so far:',
    '',
    '- two steps finer on the grinder (the shot got a little slower, still sour)',
    '- a longer preinfusion of about 8 seconds',
    '- letting the bag rest three more days after opening',
    '',
    'The roast date on the bag is the 3rd, so the beans were about ten days old when I started.',
    'Is this the beans, my grind, or something else? I would rather not waste the whole 500 g bag.',
  ].join('\n'),
  score: 6,
  viewCount: 1234,
}

/** Scores of the answers in answering order; the first answer is the accepted one. */
export const BENCH_ANSWER_SCORES = [
  12, 3, 7, 0, 5, 1, 9, 2, 0, 4, 6, 1, 0, 8, 2, 3, 0, 1, 5, 2,
] as const
export const BENCH_ACCEPTED_INDEX = 0

// Fixed times: the question, then an answer every 47 minutes, the acceptance a day later.
export const BENCH_ASKED_AT = new Date('2026-01-12T02:30:00.000Z')
export const benchAnsweredAt = (i: number) =>
  new Date(BENCH_ASKED_AT.getTime() + (i + 1) * 47 * 60_000)
export const BENCH_ACCEPTED_AT = new Date(BENCH_ASKED_AT.getTime() + 26 * 60 * 60_000)

const OPENERS = [
  'This is almost always extraction rather than the beans themselves.',
  'Sour and fast together point at under-extraction, and a lighter natural makes it obvious.',
  'I had exactly this when we changed origins at the café last month.',
  'Before touching the grinder again, check how much the new beans weigh per scoop.',
  'Wine-process lots are roasted lighter than the house blend, so they need more from you.',
]

const DETAILS = [
  'Lighter roasts are denser and give up their sugars more slowly, so the same grind setting pulls a shorter shot that stops before the sweetness comes through.',
  'Acidity arrives first in any extraction, which is why an 18 second shot tastes like lemon and little else.',
  'Water temperature matters more than people expect: many home machines sit around 90 °C, and a light natural is happier at 93 to 94 °C.',
  'If your machine has no PID, run a blank shot through the group first so the first real shot does not start cold.',
  'Fresh beans also hold a lot of gas, which pushes water through the puck faster in the first week after roasting.',
  'A bigger dose in the same basket raises the resistance a little, and that alone can add three or four seconds.',
]

const STEPS = [
  'Grind finer in small steps until a 1:2 ratio takes **28 to 32 seconds**',
  'Raise the dose to 18.5 g if the basket allows it, and keep the yield at 37 g',
  'Let the beans rest until day 14 after roasting; this lot degasses slowly',
  'Purge the grinder with a few grams after changing the setting',
  'Taste at 1:2.2 as well; a longer ratio often rounds off the sharp edge',
  'Check the puck: a wet, soupy puck usually means the grind is still too coarse',
  'Keep a notebook of dose, yield and time so you change one thing at a time',
]

const CODES = [
  ['dose   18.0 g', 'yield  36.0 g', 'time   30 s', 'temp   93 °C'],
  ['day 10: 18 g -> 36 g in 19 s (sour)', 'day 12: 18 g -> 36 g in 27 s (better)'],
  ['grinder  8 -> 6', 'preinfusion 5 s', 'ratio  1:2.1'],
]

const CLOSERS = [
  'Our [espresso dial-in guide](https://example.com/guides/espresso-dial-in) has a chart for this',
  'The roaster notes for this lot are on [the product page](https://example.com/beans/gayo-wine)',
  'There is a longer write-up in [the brewing FAQ](https://example.com/help/brewing#espresso)',
]

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length]
}

/** The markdown of answer `i` (0-based): paragraphs, a list, a code block and a link. */
export function benchAnswerMarkdown(i: number): string {
  const detailCount = 1 + ((i * 7) % 3)
  const details = Array.from({ length: detailCount }, (_, k) => pick(DETAILS, i + k)).join(' ')
  const steps = Array.from({ length: 2 + (i % 3) }, (_, k) => `${k + 1}. ${pick(STEPS, i + 2 * k)}`)
  const code = ['```text', ...pick(CODES, i), '```']
  const closer = `${pick(CLOSERS, i)}; post your next shot here and we can go from there.`
  return [
    `${pick(OPENERS, i)} ${details}`,
    '',
    'What I would try, in this order:',
    '',
    ...steps,
    '',
    ...(i % 2 === 0 ? [...code, ''] : []),
    closer,
  ].join('\n')
}

export function benchAnswerBodies(): string[] {
  return Array.from({ length: BENCH_ANSWER_COUNT }, (_, i) => benchAnswerMarkdown(i))
}
