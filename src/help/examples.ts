/**
 * Examples of the EDU functions shown in the user guide. Only the arguments are written here: the
 * guide's generator computes each result with the functions themselves, so a shown result cannot
 * be wrong; test/help/guide.test.ts recomputes them from the page's text.
 */
import type { FunctionId } from "../functions/impl";

export interface FunctionExample {
  /** Arguments as the function receives them (undefined: left empty, `;;`). */
  args: unknown[];
  /** How an argument is written in the formula when it is not a plain value (a range). */
  written?: (string | undefined)[];
  /** What the example shows (Russian). */
  note?: string;
}

export const EXAMPLES: Record<FunctionId, FunctionExample[]> = {
  SHARE: [
    { args: [42, 200], note: "42 учащихся на «4» и «5» из 200 подлежащих аттестации: 21 %" },
    { args: ["–", 200], note: "«–» (не применяется) даёт пустой результат, а не ноль" },
  ],
  DELTA: [{ args: [0.21, 0.24], note: "доля выросла на 3 п. п." }],
  GROWTH: [{ args: [50, 60], note: "рост на 20 %" }],
  DYNAMICS: [
    { args: [0.1, 0.05, "gia9_rus_fail"], note: "доля «2» на ОГЭ снизилась — для этого показателя это улучшение" },
    { args: [0.21, 0.24], note: "больше — лучше (по умолчанию): улучшение" },
  ],
  TARGETSTATUS: [
    { args: [0.37, 0.38, 1, 0.02], note: "до цели 38 % не хватает 1 п. п., допустимое отклонение 2 п. п.: под угрозой" },
    { args: [0.4, 0.38], note: "цель достигнута" },
  ],
  TARGETGAP: [{ args: [0.27, 0.38], note: "до цели не хватает 11 п. п." }],
  TREND: [{ args: [[[0.21, 0.24, 0.27]]], written: ["E5:G5"], note: "в E5:G5 — 21 %, 24 %, 27 %: доля растёт на 3 п. п. за период" }],
  QUALITY: [
    { args: [5, 10, 12, 3], note: "5 «пятёрок», 10 «четвёрок», 12 «троек», 3 «двойки»: качество знаний 50 %" },
    { args: [5, 10, 12, 3, undefined, 2], note: "то же и 2 не аттестованы («н/а»): N не задан, поэтому пропущен (;;)" },
  ],
  SUCCESS: [{ args: [5, 10, 12, 3], note: "успеваемость 90 %" }],
  GRADEAVG: [{ args: [5, 10, 12, 3], note: "средний балл по отметкам" }],
  SOU: [{ args: [5, 10, 12, 3], note: "степень обученности 54 %" }],
  WILSON: [
    { args: [2, 9], note: "нижняя граница 95 % интервала доли 2 из 9" },
    { args: [2, 9, 1], note: "верхняя граница" },
  ],
  SIGNIFICANT: [
    { args: [1, 9, 2, 9], note: "1 из 9 → 2 из 9: в пределах случайных колебаний" },
    { args: [2, 9, 8, 9], note: "2 из 9 → 8 из 9: значимый рост" },
  ],
  NEEDED: [
    { args: [0.27, 0.38, 2], note: "с 27 % до 38 % за 2 периода: по 5,5 п. п. за период" },
    { args: [0.27, 0.38, 1, 100], note: "при 100 учащихся: ещё 11 человек" },
  ],
};
