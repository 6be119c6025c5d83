/** The armed faults and their remaining counts. */
import { DinhDanhError } from '@dinhdanh/core';
import { faultSpecSchema, type ArmedFault, type FaultName, type FaultSpec } from './catalogue';

/** Holds armed faults; endpoints `take` one when it applies. */
export class Switchboard {
  private armed: ArmedFault[] = [];

  /** Arm faults (added to those already armed). Bad input → `input_invalid`. */
  set(specs: readonly FaultSpec[]): void {
    const parsed = faultSpecSchema.array().safeParse(specs);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DinhDanhError(
        'input_invalid',
        `fault ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
      );
    }
    this.armed.push(...parsed.data);
  }

  /** Consume one use of a fault if armed; returns it (with its delay) or undefined. */
  take(name: FaultName): ArmedFault | undefined {
    const index = this.armed.findIndex((f) => f.name === name);
    const fault = this.armed[index];
    if (fault === undefined) return undefined;
    if (fault.times <= 1) this.armed.splice(index, 1);
    else this.armed[index] = { ...fault, times: fault.times - 1 };
    return fault;
  }

  /** Armed faults with their remaining counts. */
  list(): ArmedFault[] {
    return this.armed.map((f) => ({ ...f }));
  }

  /** Disarm everything. */
  clear(): void {
    this.armed = [];
  }
}

/** Wait (real time: delays exist to test the relying party's own timeouts). */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
