import { Icon } from './Icon'

/** Haven's name and mark on the login page. */
export const Logo = () => (
  <div style={{ display: 'flex', alignItems: 'center', gap: '0.75rem' }}>
    <Icon size={48} />
    <span style={{ fontSize: '2.25rem', fontWeight: 600, letterSpacing: '0.01em' }}>Haven</span>
  </div>
)
