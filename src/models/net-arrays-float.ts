import { floatArith } from '../arithmetic/float-arith.js';
import { floatReluSlope } from '../arithmetic/relu-kink.js';
import type { NetArrays } from './net-arrays.js';
import type { NetSample } from './relu-net-sample.js';

/**
 * The net's array operations as fused Float64Array loops in plain doubles
 * (screening and the float trajectory; never a certificate). Arrays are
 * row-major: weights m × d, preactivations n × m. Each loop reads the sample
 * into locals first (captured variables are reloaded on every iteration).
 */
export function floatNetArrays(s: NetSample): NetArrays<Float64Array, number> {
  return {
    A: floatArith,
    n: s.n,
    m: s.m,
    d: s.d,
    label: (k) => s.y[k],
    isZeroPoint: (k) => s.zeroPoint[k],
    linear: (W) => linear(s, W),
    signedReluSum: (P, k) => signedReluSum(s, P, k),
    signedSlopeSum: (P, Q, k) => signedSlopeSum(s, P, Q, k),
    signedSlopeGradient: (P, c, scale) => signedSlopeGradient(s, P, c, scale),
    signedSlopeRows: (P, k, c) => signedSlopeRows(s, P, k, c),
    scale(c, M) {
      const out = new Float64Array(M.length);
      for (let e = 0; e < M.length; e++) out[e] = c * M[e];
      return out;
    },
  };
}

function linear(s: NetSample, W: Float64Array): Float64Array {
  const { n, m, d, X } = s;
  const P = new Float64Array(n * m);
  for (let k = 0; k < n; k++) {
    const xo = k * d;
    for (let j = 0; j < m; j++) {
      const wo = j * d;
      let acc = 0;
      for (let l = 0; l < d; l++) acc += W[wo + l] * X[xo + l];
      P[k * m + j] = acc;
    }
  }
  return P;
}

function signedReluSum(s: NetSample, P: Float64Array, k: number): number {
  const { m, a } = s;
  let acc = 0;
  for (let j = 0; j < m; j++) {
    const p = P[k * m + j];
    if (p > 0) acc += a[j] * p;
  }
  return acc;
}

function signedSlopeSum(s: NetSample, P: Float64Array, Q: Float64Array, k: number): number {
  const { m, a } = s;
  let acc = 0;
  for (let j = 0; j < m; j++) {
    const g = floatReluSlope(P[k * m + j]);
    if (g !== 0) acc += g * a[j] * Q[k * m + j];
  }
  return acc;
}

function signedSlopeGradient(s: NetSample, P: Float64Array, c: readonly number[], scale: number): Float64Array {
  const { n, m, d, X, a } = s;
  const G = new Float64Array(m * d);
  for (let k = 0; k < n; k++) {
    const xo = k * d;
    const ck = c[k] * scale;
    for (let j = 0; j < m; j++) {
      const g = floatReluSlope(P[k * m + j]);
      if (g === 0) continue;
      const coefficient = g * ck * a[j];
      const go = j * d;
      for (let l = 0; l < d; l++) G[go + l] += coefficient * X[xo + l];
    }
  }
  return G;
}

function signedSlopeRows(s: NetSample, P: Float64Array, k: number, c: number): Float64Array {
  const { m, d, X, a } = s;
  const G = new Float64Array(m * d);
  for (let j = 0; j < m; j++) {
    const g = floatReluSlope(P[k * m + j]);
    if (g === 0) continue;
    const coefficient = g * a[j] * c;
    for (let l = 0; l < d; l++) G[j * d + l] = coefficient * X[k * d + l];
  }
  return G;
}
