import type en from '../en/search'
import type { Translation } from '../../keys'

/** Kata-kata halaman search dalam Bahasa Indonesia (lihat ../id.ts). */
const search: Translation<typeof en> = {}

export default search
