import type { Logger } from '../../core/logger';
import type { ClientRequestService } from './client-request.service';

/**
 * Escalates breached SLA deadlines of client requests. Every server instance runs one; the claim in
 * `escalateDue` makes each breach escalate once however many instances there are, and a breach that happened
 * while all were down escalates at the next start.
 */
export class EscalationScheduler {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly requests: ClientRequestService,
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
      const fired = await this.requests.escalateDue();
      if (fired.length) this.log.info({ count: fired.length }, 'client request deadlines escalated');
    } catch (err) {
      // A passing database outage must not stop the scheduler; the next tick retries.
      this.log.error({ err }, 'escalating client requests failed');
    }
  }

  async stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
