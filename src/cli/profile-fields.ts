import { ProfileFields, type Profile } from '../shared/schemas/profile'

/** The user-editable part of a saved profile (what a test draft or an edit takes). */
export function fieldsOf(profile: Profile): ProfileFields {
  const { id: _id, secrets: _s, createdAt: _c, updatedAt: _u, lastTest: _l, ...fields } = profile
  return ProfileFields.parse(fields)
}
