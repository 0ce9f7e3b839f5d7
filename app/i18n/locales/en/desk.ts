/** English words of the desk pages and messages (see ../en.ts). */
const desk = {}

export default desk
