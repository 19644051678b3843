/* Haven's public GraphQL API at /graphql, on the admin's origin (src/graphql/http/nextRoute.ts). */
import { handleGraphQLRoute } from '../../graphql/http/nextRoute'

export const dynamic = 'force-dynamic'

export const GET = handleGraphQLRoute
export const POST = handleGraphQLRoute
export const OPTIONS = handleGraphQLRoute
