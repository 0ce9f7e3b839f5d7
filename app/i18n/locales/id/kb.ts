import type en from '../en/kb'
import type { Translation } from '../../keys'

/** Kata-kata halaman kb dalam Bahasa Indonesia (lihat ../id.ts). */
const kb: Translation<typeof en> = {}

export default kb
