/** Deleting what the public has seen: who may, with what reason, and how it is announced. */
export { deleteEndpoint } from './deleteEndpoint'
export { guardPublicDelete } from './guardPublicDelete'
export { hasBeenPublic } from './hasBeenPublic'
export { deleteReasonFor } from './reason'
