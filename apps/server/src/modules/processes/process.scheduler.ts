import type { Logger } from '../../core/logger';
import type { ProcessService } from './process.service';

/**
 * Scheduled work of business processes, on every server instance: overdue tasks are escalated to the performer's
 * supervisor (each once: the claim marks it), and tasks whose push was lost (the server died between the commit
 * and the push) are pushed again. Both claims skip rows another instance holds.
 */
export class ProcessScheduler {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly processes: ProcessService,
    private readonly log: Logger,
    private readonly intervalMs: number,
  ) {}

  start() {
    this.stopped = false;
    const loop = () => {
      if (this.stopped) return;
      this.running = this.tick().finally(() => {
        if (!this.stopped) this.timer = setTimeout(loop, this.intervalMs);
      });
    };
    loop();
  }

  async tick() {
    try {
      const escalated = await this.processes.escalateDue();
      if (escalated.length) this.log.info({ count: escalated.length }, 'overdue process tasks escalated');
      const pushed = await this.processes.redeliver();
      if (pushed) this.log.info({ count: pushed }, 'process tasks pushed again');
    } catch (err) {
      // A passing database outage must not stop the scheduler; the next tick retries.
      this.log.error({ err }, 'process scheduler tick failed');
    }
  }

  async stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.processes.settled();
  }
}
