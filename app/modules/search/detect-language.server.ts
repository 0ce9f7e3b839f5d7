/**
 * Which language a post is written in, English or Indonesian, from its words alone: counts of
 * each language's function words (which every sentence has, whatever it is about), plus the
 * affixes each language builds words with. Support posts mix the two (an Indonesian question
 * about a "refund" and a "tracking number"); the function words still tell which one the writer
 * thinks in. A text with no telling words (a bare "GoPay refund") is English, the site's default.
 */
import type { PostLanguage } from './languages'
import { foldedWords } from './normalize.server'

const ENGLISH = new Set(
  `the a an and or but of to in on at for from with by is are was were be been am do does did
  have has had not no my your our their his her its it this that these those i you we they he
  she me him them what which who how why when where there here can could would should will
  please thanks thank hi hello yet still already just after before about`.split(/\s+/),
)

const INDONESIAN = new Set(
  `yang dan di ke dari ini itu dengan untuk pada adalah atau juga sudah udah belum saya aku kami
  kita anda kamu dia mereka apa apakah bagaimana gimana kenapa mengapa kapan tidak tak gak nggak
  enggak bukan ya sih dong deh kok kan nih tuh ada akan bisa harus mau masih sedang sebuah oleh
  karena jika kalau agar tapi tetapi namun hanya saja lagi sangat banyak semua sini sana seperti
  tolong mohon terima kasih kak gan min sampai baru sejak hari minggu bulan`.split(/\s+/),
)

/** Common Indonesian words of shop support that short titles are made of ("lupa kata sandi"). */
const INDONESIAN_CONTENT = new Set(
  `lupa kata sandi berapa lama sekali rusak setelah sebelum dua tiga masuk keluar cara barang
  pesanan kiriman harga bayar uang dana beli kirim pakai buka tutup ganti akun masalah gagal
  berhasil salah benar tanpa biji bubuk rasa pahit asam manis gratis murah mahal cepat lambat`.split(
    /\s+/,
  ),
)

const INDONESIAN_AFFIXES =
  /^(?:meng|meny|mem|men|me|peng|peny|pem|pen|per|ber|ter|di)[a-z]{3,}(?:kan|an|i|nya)$|^[a-z]{3,}(?:kan|nya|lah|kah)$/
const ENGLISH_AFFIXES = /^[a-z]{3,}(?:ing|ed|tion|tions|ly|ness|ment|ments|able|ful)$/

/** Words read from a long text: enough to tell, however long the post. */
const SAMPLE_WORDS = 600

export type LanguageScores = { en: number; id: number }

export function languageScores(text: string): LanguageScores {
  const scores = { en: 0, id: 0 }
  for (const word of foldedWords(text.slice(0, 20_000)).slice(0, SAMPLE_WORDS)) {
    if (ENGLISH.has(word)) scores.en += 1
    else if (INDONESIAN.has(word)) scores.id += 1
    else if (INDONESIAN_CONTENT.has(word)) scores.id += 0.5
    else if (INDONESIAN_AFFIXES.test(word)) scores.id += 0.5
    else if (ENGLISH_AFFIXES.test(word)) scores.en += 0.5
  }
  return scores
}

/** The language of `text`: Indonesian when its words say so more than English ones do. */
export function detectLanguage(text: string): PostLanguage {
  const { en, id } = languageScores(text)
  return id > en ? 'id' : 'en'
}

/** A form's choice: the language chosen, or the one detected when it was left to us. */
export function resolveLanguage(
  choice: PostLanguage | 'auto' | undefined,
  text: string,
): PostLanguage {
  return choice === 'en' || choice === 'id' ? choice : detectLanguage(text)
}
