/**
 * Runs `work` at most once per `gapMs`, never two at once: the first call runs at once, calls
 * during the gap or while it runs fold into one more run at its end. A room of phones refetches
 * its view after others' notes; fifty phones each refetching on every note would make the
 * laptop's work grow with the square of the room.
 */
export function throttled(work: () => Promise<void>, gapMs: number): () => void {
  let running = false;
  let again = false;
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function run() {
    timer = null;
    running = true;
    again = false;
    last = Date.now();
    try {
      await work();
    } finally {
      running = false;
      if (again) schedule();
    }
  }

  function schedule() {
    if (running) {
      again = true;
      return;
    }
    if (timer !== null) return;
    const wait = last + gapMs - Date.now();
    if (wait <= 0) void run();
    else timer = setTimeout(() => void run(), wait);
  }

  return schedule;
}
