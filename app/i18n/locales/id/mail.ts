import type en from '../en/mail'
import type { Translation } from '../../keys'

/** Kata-kata halaman dan pesan mail, dalam Bahasa Indonesia. */
const mail: Translation<typeof en> = {}

export default mail
