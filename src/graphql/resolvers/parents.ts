import type { Media, Topic } from '../../payload-types'
import type { ArticleDoc } from '../content/articles'
import type { Connection } from '../content/cursor'
import type { GroupDoc } from '../content/groups'
import type { AuthorDoc } from '../loaders'
import type { Localized } from '../locale'

/*
 * What the resolvers of each object type receive as their parent: the documents as read (only
 * the selected columns, hence the Partials), not the schema's shape. src/graphql/codegen.ts maps
 * the schema types to these, so a resolver returning something else fails to compile.
 */

/** Marked `__preview` when it is a draft opened with a preview token (see findDraftForPreview). */
export type ArticleParent = Localized<ArticleDoc> & { __preview?: true }

// Connections carry totalCount as a function: the default resolver calls it only when asked.
export type ArticleConnectionParent = Connection<ArticleParent>

export type SupportGroupParent = Localized<GroupDoc>

export type SupportGroupConnectionParent = Connection<SupportGroupParent>

export type TopicParent = Localized<Topic>

export type MediaParent = Media

export type AuthorParent = AuthorDoc
