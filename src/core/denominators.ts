/**
 * Base figures other indicators are shares or averages of (pupils, assessed pupils, graduates,
 * teaching staff). They describe the school, not its results: never judged as better or worse,
 * and a period holding only them is not a period with reported results.
 */
export const DENOMINATOR_IDS: readonly string[] = ["students_total", "students_assessed", "grads_9", "grads_11", "staff_ped", "staff_ped_admin"];

const SET = new Set(DENOMINATOR_IDS);

export function isDenominator(id: string): boolean {
  return SET.has(id);
}
