import type { z } from 'zod';

/** One call between the UI and main: its zod input and output. The name is the key it is declared under. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** One line for the generated docs and the CLI's introspection. */
  summary: string;
}

export function method<I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O): MethodSpec<I, O> {
  return { input, output, summary };
}

/** Progress of long work, keyed by a task id the caller may choose (so it can subscribe before calling). */
export interface ProgressEvent {
  taskId: string;
  phase: string;
  done: number;
  total?: number;
  message?: string;
}
