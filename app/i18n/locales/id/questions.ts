import type en from '../en/questions'
import type { Translation } from '../../keys'

/** Kata-kata halaman questions dalam Bahasa Indonesia (lihat ../id.ts). */
const questions: Translation<typeof en> = {}

export default questions
