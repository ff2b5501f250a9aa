/** The functions as the pane's «Вставить функцию» lists them: both names, descriptions, arguments. */
import type { FunctionMeta, RussianNames } from "./render";

export interface FunctionSignature {
  id: string;
  name: { en: string; ru: string };
  description: { en: string; ru: string };
  params: { name: string; optional: boolean; range: boolean; description: { en: string; ru: string } }[];
}

export function signaturesOf(functions: FunctionMeta[], namesRu: RussianNames): FunctionSignature[] {
  return functions
    .filter((f) => !f.id.startsWith("RU."))
    .map((f) => {
      const ru = namesRu[f.id];
      if (!ru) throw new Error(`no Russian entry for ${f.id}`);
      return {
        id: f.id,
        name: { en: f.name, ru: ru.name },
        description: { en: f.description ?? "", ru: ru.description },
        params: f.parameters.map((p) => ({
          name: p.name,
          optional: p.optional === true,
          range: p.dimensionality === "matrix",
          description: { en: p.description ?? "", ru: ru.parameters[p.name] ?? p.description ?? "" },
        })),
      };
    });
}
