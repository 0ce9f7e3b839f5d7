/** English words of reply templates, their outcomes and automatic suggestions (see ../en.ts). */
const replies = {}

export default replies
