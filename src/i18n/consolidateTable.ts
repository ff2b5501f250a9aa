/** Strings of «Свод» straight from a municipal table whose columns are schools (issue 19). */
import type { Text } from "../core/types";

export const CONSOLIDATE_TABLE_ERRORS = {
  noSchools: {
    ru: "В выделенной таблице нет столбцов школ: заголовки столбцов значений должны называть школы («МБОУ СОШ № 1», «Школа 12»).",
    en: "The selected table has no school columns: the value columns' headers must name schools (“МБОУ СОШ № 1”, “Школа 12”).",
  },
  noRows: {
    ru: "В таблице не распознано ни одного показателя ни у одной школы. Выделите таблицу с номерами и формулировками показателей.",
    en: "No indicator was recognised for any school. Select the table with the indicators' numbers and wordings.",
  },
} satisfies Record<string, Text>;

/** «школа», «школы», «школ» by the number. */
export function schoolsWord(n: number): string {
  const d = n % 10;
  const dd = n % 100;
  if (d === 1 && dd !== 11) return "школа";
  if (d >= 2 && d <= 4 && (dd < 12 || dd > 14)) return "школы";
  return "школ";
}

export const ru = {
  offer: (n: number): string => `В таблице ${n} ${schoolsWord(n)}: свести их в «Свод»`,
  hint: "Каждый столбец школы читается так же, как при загрузке одной школы; листы школ не создаются, значения сразу попадают в «Свод» и «Данные».",
  run: "Свести в «Свод»",
  running: "Сводим…",
  done: (n: number, period: string): string => `«Свод» готов: ${n} ${schoolsWord(n)}, ${period}.`,
  ignored: "Не сведены (не школы): {list}",
  findings: "Замечания по таблице",
};

export const en: typeof ru = {
  offer: (n: number): string => `The table has ${n} schools: consolidate them into the Summary`,
  hint: "Each school's column is read as in a single school's import; no school sheets are made, the values go straight into the Summary and Data sheets.",
  run: "Consolidate into the Summary",
  running: "Consolidating…",
  done: (n: number, period: string): string => `The Summary is ready: ${n} schools, ${period}.`,
  ignored: "Not consolidated (not schools): {list}",
  findings: "Findings in the table",
};
