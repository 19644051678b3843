import { Forbidden, type CollectionBeforeOperationHook } from 'payload'

/**
 * Access control stops API callers; this also stops server code that passes overrideAccess, so
 * the log stays append-only whichever way a change is attempted through Payload.
 */
export const refuseAuditChanges: CollectionBeforeOperationHook = ({ operation, args, req }) => {
  if (operation === 'update' || operation === 'delete' || operation === 'deleteByID') {
    throw new Forbidden(req.t)
  }
  return args
}
