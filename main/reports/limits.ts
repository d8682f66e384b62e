/** The limits the issue sets for report generation, in one place (tests shrink some of them). */
export interface ReportLimits {
  /** Generations running at once, across workspaces. */
  maxConcurrent: number;
  /** One generation (data, files, sending) may take this long. */
  timeoutMs: number;
  /** All files of one report together. */
  maxBytes: number;
  /** Generations per hour per workspace. */
  perHour: number;
  /** Attempts of a run before it is failed for good. */
  maxAttempts: number;
  /** First retry delay; each next one is 4 × longer (1 min, 4 min, 16 min, 64 min). */
  retryBaseMs: number;
}

export const DEFAULT_LIMITS: ReportLimits = {
  maxConcurrent: 5,
  timeoutMs: 5 * 60_000,
  maxBytes: 50 * 1024 * 1024,
  perHour: 10,
  maxAttempts: 5,
  retryBaseMs: 60_000,
};

export function retryDelayMs(limits: ReportLimits, attempts: number): number {
  return limits.retryBaseMs * 4 ** Math.max(0, attempts - 1);
}
