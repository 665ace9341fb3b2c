/** The remainder with the sign of the divisor: always in [0, divisor) for a positive divisor. */
export function modulo(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
