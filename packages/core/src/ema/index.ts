export { emaUpdate, type EmaSettings } from './ema-update.js';
export { GeneratorEma, EMA_CHECKPOINT_GROUP } from './generator-ema.js';
export { standingStatistics, type StandingStatisticsOptions } from './standing-statistics.js';
