/** Applies pending migrations to DATABASE_PATH (the server also does this at every start). */
import { migrateDatabase, sqlite } from '../app/utils/db.server'

migrateDatabase()
const { n } = sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as {
  n: number
}
console.log(`Database is up to date (${n} migrations applied).`)
