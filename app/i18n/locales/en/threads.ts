/** English words of merging duplicates, the personal-data guard and moderation notices (see ../en.ts). */
const threads = {}

export default threads
