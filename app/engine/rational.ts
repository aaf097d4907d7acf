/** Exact non-negative-friendly rational numbers on BigInt, for scores that must round exactly. */
export interface Rational {
  n: bigint;
  d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

export function rational(n: bigint | number, d: bigint | number = 1n): Rational {
  let num = BigInt(n);
  let den = BigInt(d);
  if (den === 0n) throw new RangeError("division by zero");
  if (den < 0n) [num, den] = [-num, -den];
  const g = gcd(num, den) || 1n;
  return { n: num / g, d: den / g };
}

export const ZERO = rational(0);

export function add(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function mul(a: Rational, b: Rational): Rational {
  return rational(a.n * b.n, a.d * b.d);
}

export function div(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d, a.d * b.n);
}

export function compare(a: Rational, b: Rational): number {
  const diff = a.n * b.d - b.n * a.d;
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

export function mean(values: readonly Rational[]): Rational {
  return div(values.reduce(add, ZERO), rational(values.length));
}

/** Round half up (towards +∞ on an exact half): floor(x + 1/2). */
export function roundHalfUp(x: Rational): number {
  const twice = 2n * x.n + x.d;
  const den = 2n * x.d;
  let q = twice / den;
  if (twice % den !== 0n && twice < 0n) q -= 1n; // BigInt division truncates towards zero
  return Number(q);
}

export function toNumber(x: Rational): number {
  return Number(x.n) / Number(x.d);
}
