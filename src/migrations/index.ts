import * as migration_20261122_012732_initial from './20261122_012732_initial';
import * as migration_20261122_015454_prune_webhook_deliveries_task from './20261122_015454_prune_webhook_deliveries_task';
import * as migration_20261130_034046_crisis_resources_review from './20261130_034046_crisis_resources_review';

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
    up: migration_20261130_034046_crisis_resources_review.up,
    down: migration_20261130_034046_crisis_resources_review.down,
    name: '20261130_034046_crisis_resources_review'
  },
];
