import type en from '../en/replies'
import type { Translation } from '../../keys'

/** Kata-kata area ini dalam Bahasa Indonesia (lihat ../id.ts). */
const replies: Translation<typeof en> = {}

export default replies
