// The token's units, in one place: WORK has 12 decimals (the chain reports them in
// `api.registry.chainDecimals` and `system.properties`; stake.test.mjs checks they agree).

/** Decimals of WORK. */
export const DECIMALS = 12;

/** One WORK in planck. */
export const UNIT = 10n ** BigInt(DECIMALS);

/** Perbill and Permill denominators (fractions in the runtime's types and events). */
export const PERBILL = 1_000_000_000n;
export const PERMILL = 1_000_000n;

/** `amount` planck times the Perbill `fraction` (a number, bigint or codec), rounded down. */
export function perbillOf(amount, fraction) {
  return (BigInt(amount) * BigInt(fraction.toString())) / PERBILL;
}

/** `planck` as a readable amount of WORK, e.g. "4.75 WORK" (at most four decimals). */
export function fmt(planck) {
  const value = Number(BigInt(planck)) / Number(UNIT);
  return `${value.toLocaleString('en-US', { maximumFractionDigits: 4 })} WORK`;
}
