// jstat 1.9.6 ships no types. Only what app/analytics/stats.ts uses is declared, so that nothing
// else reaches into the untyped library: import the wrapper, not "jstat".
declare module "jstat" {
  interface JStatStatic {
    /** Pearson's r (sample covariance over the sample standard deviations); NaN or ±Infinity when either side is constant. */
    corrcoeff(a: readonly number[], b: readonly number[]): number;
    mean(values: readonly number[]): number;
    /** Population variance, or the sample (n − 1) variance when `sample` is true. */
    variance(values: readonly number[], sample?: boolean): number;
    /** 1-based ranks, ties sharing the mean of their ranks: [1, 2, 2, 3] → [1, 2.5, 2.5, 4]. Keys values by their string form, so NaN is not ranked. */
    rank(values: readonly number[]): number[];
    normal: {
      /** Quantile of N(mean, std²) (std is the standard deviation, not the variance). */
      inv(p: number, mean: number, std: number): number;
    };
    studentt: {
      /** P(T ≤ x) for Student's t with `dof` degrees of freedom (any positive real dof); NaN for x = ±Infinity. */
      cdf(x: number, dof: number): number;
      /** Quantile of Student's t; through jStat.ibetainv, whose tolerance is 1e-8. */
      inv(p: number, dof: number): number;
    };
  }
  const jStat: JStatStatic;
  export default jStat;
}
