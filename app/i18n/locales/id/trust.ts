import type en from '../en/trust'
import type { Translation } from '../../keys'

/** Kata-kata area ini dalam Bahasa Indonesia (lihat ../id.ts). */
const trust: Translation<typeof en> = {}

export default trust
