import type en from '../en/audit'
import type { Translation } from '../../keys'

/** Kata-kata halaman dan pesan audit, dalam Bahasa Indonesia. */
const audit: Translation<typeof en> = {}

export default audit
