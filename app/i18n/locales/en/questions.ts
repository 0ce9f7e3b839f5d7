/** English words of the questions pages (see ../en.ts). */
const questions = {}

export default questions
