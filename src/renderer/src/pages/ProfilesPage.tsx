export { ProfilesPage } from './profiles/ProfilesPage'
