/** English strings of the profiles screens. */
export const profilesEn = {
  title: 'Connection profiles',
  lead: 'Saved connections to Databases for Redis, each tested with one click.',
  empty: 'No connection profiles yet.'
}
