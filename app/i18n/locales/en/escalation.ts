/** English words of the escalation pages and messages (see ../en.ts). */
const escalation = {}

export default escalation
