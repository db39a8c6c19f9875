/**
 * The door controller's lock hardware, behind one small interface.
 */

/** Drives the physical lock. */
export interface LockAdapter {
  /**
   * Releases the lock and re-locks it by itself after `holdMs`. Resolves as soon as the lock is open
   * (not when it closes again); rejects when the lock could not be opened.
   */
  open(holdMs: number): Promise<void>;
  /** Re-locks now and drops pending timers (called on shutdown). */
  close?(): Promise<void> | void;
}

export interface ConsoleLockOptions {
  /** Where lines go (default: `console.log`). */
  print?: (line: string) => void;
}

/**
 * A lock that only prints: "🔓 <doorId> open" for every open, then "🔒 <doorId> closed" once the hold time
 * passes. An `open` while open prints "🔓 <doorId> open (still open)" and extends the hold.
 */
export function consoleLock(doorId: string, options: ConsoleLockOptions = {}): LockAdapter {
  const print = options.print ?? ((line: string) => console.log(line));
  let relock: NodeJS.Timeout | undefined;
  const closeNow = () => {
    if (relock === undefined) return;
    clearTimeout(relock);
    relock = undefined;
    print(`🔒 ${doorId} closed`);
  };
  return {
    async open(holdMs) {
      if (relock === undefined) print(`🔓 ${doorId} open`);
      else {
        clearTimeout(relock);
        print(`🔓 ${doorId} open (still open)`);
      }
      relock = setTimeout(
        () => {
          relock = undefined;
          print(`🔒 ${doorId} closed`);
        },
        Math.max(0, holdMs),
      );
    },
    close: closeNow,
  };
}
