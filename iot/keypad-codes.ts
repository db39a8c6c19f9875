/**
 * The keypad codes a door controller keeps (api.md, "Keypad doors"): added and removed by the backend on
 * `doors/{doorId}/codes`, each valid `[validFrom, validUntil)`. A typed code opens the door only inside its validity.
 */
import type { KeypadCodeMessage } from '../contracts/mqtt';

interface KeptCode {
  code: string;
  reservationId: string;
  validFrom: number;
  validUntil: number;
}

/** Why a typed code was refused. */
export type TypedCodeRefusal = 'unknown-code' | 'not-yet-valid' | 'expired';

export type TypedCodeDecision = { ok: true; reservationId: string } | { ok: false; reason: TypedCodeRefusal };

/** Codes by reservation (a repeated `add` replaces, a `remove` of another code leaves the kept one alone). */
export class KeypadCodes {
  private readonly byReservation = new Map<string, KeptCode>();

  /** Applies an `add` or `remove` message. */
  apply(message: KeypadCodeMessage): void {
    if (message.action === 'remove') {
      if (this.byReservation.get(message.reservationId)?.code === message.code) {
        this.byReservation.delete(message.reservationId);
      }
      return;
    }
    this.byReservation.set(message.reservationId, {
      code: message.code,
      reservationId: message.reservationId,
      validFrom: Date.parse(message.validFrom),
      validUntil: Date.parse(message.validUntil),
    });
  }

  /** Whether `typed` opens the door at `now` (epoch ms); drops codes that have ended. */
  decide(typed: string, now: number): TypedCodeDecision {
    let refusal: TypedCodeRefusal = 'unknown-code';
    for (const kept of [...this.byReservation.values()]) {
      if (now >= kept.validUntil) {
        this.byReservation.delete(kept.reservationId);
        if (kept.code === typed) refusal = 'expired';
        continue;
      }
      if (kept.code !== typed) continue;
      if (now < kept.validFrom) {
        refusal = 'not-yet-valid';
        continue;
      }
      return { ok: true, reservationId: kept.reservationId };
    }
    return { ok: false, reason: refusal };
  }

  /** How many codes are kept. */
  get size(): number {
    return this.byReservation.size;
  }

  /** Whether a code is kept (valid or not yet). */
  has(code: string): boolean {
    return [...this.byReservation.values()].some((kept) => kept.code === code);
  }
}
