import type { Logger } from '../../core/logger';
import type { ReminderService } from './reminder.service';

/**
 * Fires due reminders. Every server instance runs one; the claim in `fireDue` makes each reminder fire once
 * however many instances there are, and a reminder that came due while all were down fires at the next start.
 */
export class ReminderScheduler {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly reminders: ReminderService,
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
      const fired = await this.reminders.fireDue();
      if (fired.length) this.log.info({ count: fired.length }, 'reminders fired');
    } catch (err) {
      // A passing database outage must not stop the scheduler; the next tick retries.
      this.log.error({ err }, 'firing reminders failed');
    }
  }

  async stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
