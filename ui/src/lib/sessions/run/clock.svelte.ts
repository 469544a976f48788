/**
 * The server's clock as this screen reads it: its own clock plus a difference learnt from the
 * server (`server_clock`, or a phone's view). A timer drawn from it shows the same time on every
 * screen, whatever each one's clock says; the tick is a page's only timer, and it only redraws.
 */
export class ServerClock {
  /** The server's time now, as of the last tick. */
  now = $state(Date.now());
  private offset = 0;
  private timer: ReturnType<typeof setInterval> | null = null;

  /** Learns the difference from a server time read between `sentAt` and now (a request's span). */
  learn(serverNow: number, sentAt = Date.now()): void {
    const mid = (sentAt + Date.now()) / 2;
    this.offset = serverNow - mid;
    this.tick();
  }

  /** Starts ticking (4 times a second, so a second never shows late); returns the stopping. */
  start(): () => void {
    this.tick();
    this.timer ??= setInterval(() => this.tick(), 250);
    return () => {
      if (this.timer !== null) clearInterval(this.timer);
      this.timer = null;
    };
  }

  private tick(): void {
    this.now = Date.now() + this.offset;
  }
}
