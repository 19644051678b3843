/**
 * Two cluster workers through Haven's real supervisor (src/cluster.ts) and cluster bridge, for
 * tests/int/clusterBridge.test.ts: worker 1 reports every invalidation it applies; worker 0 opens
 * and ends a change and reports when each phase is confirmed. Writes lines to stdout.
 */
import fs from 'node:fs'
import path from 'node:path'

import { runWorkers } from '../../src/cluster'
import { bridgeInvalidationsOverCluster } from '../../src/graphql/cache/clusterBridge'
import { applyInvalidation, changeOpen, onInvalidate } from '../../src/graphql/cache/responseCache'

const dir = process.env.HAVEN_TEST_MARKERS!
const say = (line: string) => process.stdout.write(`${line}\n`)

if (await runWorkers()) {
  const index = process.env.HAVEN_WORKER_INDEX
  bridgeInvalidationsOverCluster()
  onInvalidate((event, fromPeer) => {
    if (fromPeer) say(`worker ${index} applied ${event.phase}, change open: ${changeOpen()}`)
  })
  if (index === '1') fs.writeFileSync(path.join(dir, 'ready-1'), '')
  if (index === '0') {
    while (!fs.existsSync(path.join(dir, 'ready-1'))) await new Promise((r) => setTimeout(r, 50))
    const started = Date.now()
    await applyInvalidation({ phase: 'begin', id: 'c1', reason: 'test' })
    say(`worker 0 begin confirmed after ${Date.now() - started} ms`)
    await applyInvalidation({ phase: 'end', id: 'c1', reason: 'test' })
    say(`worker 0 end confirmed after ${Date.now() - started} ms`)
    say('DONE')
  }
}
