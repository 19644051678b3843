import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminField } from '../../src/access/isAdmin'
import { canReadUsers } from '../../src/access/canReadUsers'
import { hasRole, ROLES } from '../../src/access/roles'
import { forgotPassword } from './endpoints/forgotPassword'
import { hideOtherSessions } from './hooks/hideOtherSessions'
import { forgiveSuccessfulLogin } from './hooks/forgiveSuccessfulLogin'
import { throttleAuthOperations } from './hooks/throttleAuthOperations'

const unused = { create: () => false, update: () => false }

/**
 * Staff accounts. Every user is staff (there are no public accounts); the public API shows only
 * the profile fields (display name, credentials, bio) and never the email.
 */
export const Users: CollectionConfig = {
  slug: 'users',
  admin: { useAsTitle: 'displayName', defaultColumns: ['displayName', 'email', 'roles'] },
  auth: {
    // No per-account lockout: it lets anyone lock the admin out with five wrong passwords.
    // Failed sign-ins are throttled per (client, account) and per client instead
    // (hooks/throttleAuthOperations.ts), as OWASP's authentication guidance recommends.
    maxLoginAttempts: 0,
    // Payload spaces reset emails per account by writing a reservation outside the operation's
    // transaction while that transaction is open; on SQLite (one writer) that write waits for the
    // very transaction it runs in. The forgot-password endpoint spaces them per account instead.
    forgotPassword: { minRequestInterval: 0 },
    tokenExpiration: 8 * 60 * 60,
  },
  hooks: {
    beforeOperation: [throttleAuthOperations],
    afterLogin: [forgiveSuccessfulLogin],
    afterRead: [hideOtherSessions],
  },
  endpoints: [forgotPassword],
  access: {
    read: canReadUsers,
    create: isAdmin,
    delete: isAdmin,
    update: ({ req: { user } }) => {
      if (!user) return false
      if (hasRole(user, 'admin')) return true
      return { id: { equals: user.id } }
    },
    admin: ({ req: { user } }) => Boolean(user),
    unlock: isAdmin,
  },
  fields: [
    // The columns of Payload's former lockout. Nothing reads or writes them any more; they stay so
    // that existing databases upgrade without dropping columns that hold rows, which stops the
    // SQLite schema push at a data-loss prompt.
    { name: 'loginAttempts', type: 'number', defaultValue: 0, hidden: true, access: unused },
    { name: 'lockUntil', type: 'date', hidden: true, access: unused },
    // Likewise the column of Payload's per-account reset spacing (see forgotPassword above).
    { name: 'resetPasswordRequestedAt', type: 'date', hidden: true, access: unused },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['editor'],
      saveToJWT: true,
      options: ROLES.map((role) => ({ label: role[0].toUpperCase() + role.slice(1), value: role })),
      access: { create: isAdminField, update: isAdminField },
    },
    {
      type: 'collapsible',
      label: 'Public profile (shown with the articles you write or review)',
      fields: [
        { name: 'displayName', type: 'text', required: true },
        {
          name: 'credentials',
          type: 'text',
          admin: { description: 'Qualifications as readers should see them, e.g. "RMN, MSc".' },
        },
        { name: 'bio', type: 'textarea', maxLength: 600 },
      ],
    },
  ],
}
