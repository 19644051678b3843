import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql'

/**
 * The field names a query asks for at each `path` below the field being resolved (fragments and
 * inline fragments included; @skip/@include are ignored, so at worst a field too many). Used to
 * read only the columns a response needs.
 */
export function requestedFields(info: GraphQLResolveInfo, paths: string[][]): Set<string> {
  const names = new Set<string>()
  const visit = (set: SelectionSetNode | undefined, path: string[]) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field') {
        if (path.length === 0) names.add(selection.name.value)
        else if (selection.name.value === path[0]) visit(selection.selectionSet, path.slice(1))
      } else if (selection.kind === 'InlineFragment') {
        visit(selection.selectionSet, path)
      } else {
        visit(info.fragments[selection.name.value]?.selectionSet, path)
      }
    }
  }
  for (const node of info.fieldNodes) for (const path of paths) visit(node.selectionSet, path)
  return names
}
