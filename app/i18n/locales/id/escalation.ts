import type en from '../en/escalation'
import type { Translation } from '../../keys'

/** Kata-kata halaman dan pesan escalation, dalam Bahasa Indonesia. */
const escalation: Translation<typeof en> = {}

export default escalation
