/** English words of the mail pages and messages (see ../en.ts). */
const mail = {}

export default mail
