/**
 * A time to the whole second: MySQL's DATETIME keeps no fractions, so a time with
 * milliseconds would be returned by the mutation that set it and read back differently.
 */
export const toSecond = (at: Date): Date => new Date(Math.floor(at.getTime() / 1000) * 1000);
