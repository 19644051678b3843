import fs from 'node:fs'
import path from 'node:path'

import { repoRoot } from '../helpers/findPathsOutsideRepo'
import { clearFlag, readFlag, requestFlags, setFlag } from '../../src/lib/requestFlags'

// Reading or writing one key of a request's context, or building a context object by hand: both
// bypass the typed declaration in src/lib/requestFlags.ts. Saving and restoring the whole context
// (`const saved = req.context` … `req.context = saved`) names no key and stays allowed.
const UNTYPED = [/\breq\??\.context\s*(\?\.|\.|\[)/, /\bcontext\s*[:=]\s*\{/]

function untypedContextUses(source: string): string[] {
  return source
    .split('\n')
    .filter((line) => UNTYPED.some((pattern) => pattern.test(line)))
    .map((line) => line.trim())
}

const declaration = path.join(repoRoot, 'src/lib/requestFlags.ts')
const generated = [
  path.join(repoRoot, 'src/payload-types.ts'),
  path.join(repoRoot, 'src/graphql/generated'),
]
const sources = ['src', 'collections']
  .flatMap((dir) =>
    (fs.readdirSync(path.join(repoRoot, dir), { recursive: true }) as string[]).map((f) =>
      path.join(repoRoot, dir, f),
    ),
  )
  .filter(
    (f) => /\.(ts|tsx)$/.test(f) && f !== declaration && !generated.some((g) => f.startsWith(g)),
  )

describe('request-context flags go through src/lib/requestFlags.ts', () => {
  it('finds the sources', () => {
    expect(sources.length).toBeGreaterThan(100)
  })

  it.each(sources.map((f) => [path.relative(repoRoot, f), f]))(
    '%s touches no req.context key directly',
    (_name, file) => {
      expect(untypedContextUses(fs.readFileSync(file, 'utf8'))).toEqual([])
    },
  )

  it('the scan catches each way of reaching a key by hand', () => {
    for (const line of [
      'if (req.context?.skipContentChang) return',
      'req.context.havenRevert = id',
      'delete req.context[KEY]',
      'const given = req.context?.[KEY]',
      "await payload.update({ collection: 'articles', context: { skipReviewWorkflow: true } })",
      'const context = { seed: true }',
    ]) {
      expect(untypedContextUses(line)).toEqual([line])
    }
    expect(untypedContextUses('const saved = req.context\nreq.context = saved')).toEqual([])
  })

  it('reads, sets and clears a flag on the request', () => {
    const req = { context: requestFlags({ skipContentChecks: true }) }
    expect(readFlag(req, 'skipContentChecks')).toBe(true)
    expect(readFlag(req, 'havenUnpublish')).toBeUndefined()
    setFlag(req, 'havenUnpublish', 7)
    expect(readFlag(req, 'havenUnpublish')).toBe(7)
    clearFlag(req, 'havenUnpublish')
    expect('havenUnpublish' in req.context).toBe(false)
    expect(readFlag({}, 'skipContentChecks')).toBeUndefined()
  })

  it('a misspelt flag or a wrong value type fails the type check', () => {
    const req = { context: {} }
    // tsc (npm run typecheck) fails on an unused @ts-expect-error, so each line must stay an error.
    // @ts-expect-error misspelt
    readFlag(req, 'skipContentChang')
    // @ts-expect-error misspelt
    setFlag(req, 'havenUnpublsh', 1)
    // @ts-expect-error wrong type
    setFlag(req, 'skipReviewWorkflow', 'yes')
    // @ts-expect-error misspelt
    requestFlags({ skipContentChange: true, skipReviewWorkflw: true })
    // At run time nothing stops them: only the types do.
    expect(req.context).toEqual({ havenUnpublsh: 1, skipReviewWorkflow: 'yes' })
  })
})
