import * as migration_20261122_012732_initial from './20261122_012732_initial'
import * as migration_20261122_015454_prune_webhook_deliveries_task from './20261122_015454_prune_webhook_deliveries_task'
import * as migration_20261130_031336_content_integrity from './20261130_031336_content_integrity'

export const migrations = [
  {
    up: migration_20261122_012732_initial.up,
    down: migration_20261122_012732_initial.down,
    name: '20261122_012732_initial',
  },
  {
    up: migration_20261122_015454_prune_webhook_deliveries_task.up,
    down: migration_20261122_015454_prune_webhook_deliveries_task.down,
    name: '20261122_015454_prune_webhook_deliveries_task',
  },
  {
    up: migration_20261130_031336_content_integrity.up,
    down: migration_20261130_031336_content_integrity.down,
    name: '20261130_031336_content_integrity',
  },
]
