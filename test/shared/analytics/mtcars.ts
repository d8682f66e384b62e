/**
 * Two columns of R's built-in mtcars data set (Henderson & Velleman 1981; R `datasets` package), used
 * as the input of published R outputs in the tests.
 */
export const MTCARS_MPG = [21.0, 21.0, 22.8, 21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3, 15.2, 10.4, 10.4, 14.7, 32.4, 30.4, 33.9, 21.5, 15.5, 15.2, 13.3, 19.2, 27.3, 26.0, 30.4, 15.8, 19.7, 15.0, 21.4];
export const MTCARS_WT = [
  2.62, 2.875, 2.32, 3.215, 3.44, 3.46, 3.57, 3.19, 3.15, 3.44, 3.44, 4.07, 3.73, 3.78, 5.25, 5.424, 5.345, 2.2, 1.615, 1.835, 2.465, 3.52, 3.435, 3.84, 3.845, 1.935, 2.14, 1.513, 3.17, 2.77, 3.57, 2.78,
];
export const MTCARS_HP = [110, 110, 93, 110, 175, 105, 245, 62, 95, 123, 123, 180, 180, 180, 205, 215, 230, 66, 52, 65, 97, 150, 150, 245, 175, 66, 91, 113, 264, 175, 335, 109];

/** |a − b| ≤ tol·max(1, |b|): agreement to the printed digits of an R output. */
export function near(a: number | null | undefined, b: number, digits: number): boolean {
  if (a === null || a === undefined) return false;
  return Math.abs(a - b) <= 0.5 * Math.pow(10, -digits) * Math.max(1, Math.abs(b));
}
