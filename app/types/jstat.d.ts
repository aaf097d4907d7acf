// jstat 1.9.6 ships no types. Only what app/analytics/stats.ts uses is declared, so that nothing
// else reaches into the untyped library: import the wrapper, not "jstat".
declare module "jstat" {
  interface JStatStatic {
    /** Pearson's r (sample covariance over the sample standard deviations); NaN or ±Infinity when either side is constant. */
    corrcoeff(a: readonly number[], b: readonly number[]): number;
    mean(values: readonly number[]): number;
  }
  const jStat: JStatStatic;
  export default jStat;
}
