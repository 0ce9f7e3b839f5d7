import type en from '../en/privacy'
import type { Translation } from '../../keys'

/** Kata-kata halaman dan pesan privacy, dalam Bahasa Indonesia. */
const privacy: Translation<typeof en> = {}

export default privacy
