import type en from '../en/flags'
import type { Translation } from '../../keys'

/** Kata-kata halaman dan pesan flags, dalam Bahasa Indonesia. */
const flags: Translation<typeof en> = {}

export default flags
