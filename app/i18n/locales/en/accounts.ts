/** English words of account pages, password reset and admin user management (see ../en.ts). */
const accounts = {}

export default accounts
