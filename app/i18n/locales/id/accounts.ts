import type en from '../en/accounts'
import type { Translation } from '../../keys'

/** Kata-kata area ini dalam Bahasa Indonesia (lihat ../id.ts). */
const accounts: Translation<typeof en> = {}

export default accounts
