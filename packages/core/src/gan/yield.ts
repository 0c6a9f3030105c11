/**
 * Gives the event loop a turn between training steps, so SIGINT handlers, servers and
 * job-queue lock renewals keep working during `fit()` (TRAPS.md).
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}
