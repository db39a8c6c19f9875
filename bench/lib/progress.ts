/**
 * The one-line progress indicator: redrawn in place on a terminal, plain lines otherwise (CI logs).
 * Written to stderr, so that stdout carries only the final table.
 */
const REDRAW_MS = 100;

export class Progress {
  private readonly tty = process.stderr.isTTY === true;
  private readonly started = performance.now();
  private label = '';
  private lastDraw = 0;
  private drawn = false;

  private elapsed(): string {
    return `${((performance.now() - this.started) / 1000).toFixed(1).padStart(5)} s`;
  }

  private draw(text: string): void {
    const width = process.stderr.columns || 120;
    const line = `[${this.elapsed()}] ${text}`.slice(0, Math.max(20, width - 1));
    process.stderr.write(`\r\x1b[K${line}`);
    this.drawn = true;
    this.lastDraw = performance.now();
  }

  /** A new step: one line in a log, the redrawn line on a terminal. */
  step(label: string): void {
    this.label = label;
    if (this.tty) this.draw(label);
    else process.stderr.write(`[${this.elapsed()}] ${label}\n`);
  }

  /** Progress inside a step (drawn on a terminal only, at most every 100 ms). */
  tick(done: number, total: number): void {
    if (!this.tty) return;
    if (done < total && performance.now() - this.lastDraw < REDRAW_MS) return;
    this.draw(`${this.label} ${done}/${total}`);
  }

  /** A line that stays (warnings), printed above the progress line. */
  note(line: string): void {
    if (this.tty && this.drawn) process.stderr.write('\r\x1b[K');
    process.stderr.write(`${line}\n`);
    if (this.tty && this.label) this.draw(this.label);
  }

  /** Clears the progress line. */
  end(): void {
    if (this.tty && this.drawn) process.stderr.write('\r\x1b[K');
    this.drawn = false;
  }

  /** Seconds since the run started. */
  seconds(): number {
    return (performance.now() - this.started) / 1000;
  }
}
