/** English words of the audit pages and messages (see ../en.ts). */
const audit = {}

export default audit
