import type { Access } from 'payload'

import { hasRole } from './roles'

export const isCoordinator: Access = ({ req: { user } }) => hasRole(user, 'admin', 'coordinator')
