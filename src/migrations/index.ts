import * as migration_20261122_012732_initial from './20261122_012732_initial';
import * as migration_20261122_015454_prune_webhook_deliveries_task from './20261122_015454_prune_webhook_deliveries_task';
import * as migration_20261130_031000_webhook_subscription_source from './20261130_031000_webhook_subscription_source';
import * as migration_20261130_031336_content_integrity from './20261130_031336_content_integrity';
import * as migration_20261130_034046_crisis_resources_review from './20261130_034046_crisis_resources_review';
import * as migration_20261130_035548_used_form_tokens from './20261130_035548_used_form_tokens';
import * as migration_20261207_233552_join_requests_held from './20261207_233552_join_requests_held';

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
    up: migration_20261130_031000_webhook_subscription_source.up,
    down: migration_20261130_031000_webhook_subscription_source.down,
    name: '20261130_031000_webhook_subscription_source',
  },
  {
    up: migration_20261130_031336_content_integrity.up,
    down: migration_20261130_031336_content_integrity.down,
    name: '20261130_031336_content_integrity',
  },
  {
    up: migration_20261130_034046_crisis_resources_review.up,
    down: migration_20261130_034046_crisis_resources_review.down,
    name: '20261130_034046_crisis_resources_review',
  },
  {
    up: migration_20261130_035548_used_form_tokens.up,
    down: migration_20261130_035548_used_form_tokens.down,
    name: '20261130_035548_used_form_tokens',
  },
  {
    up: migration_20261207_233552_join_requests_held.up,
    down: migration_20261207_233552_join_requests_held.down,
    name: '20261207_233552_join_requests_held',
  },
]
