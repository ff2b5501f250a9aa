/** Core errors → CustomFunctions.Error, with the message in the user's language. */
import type { CalcError, Lang } from "../core/types";

let lang: Lang | undefined;

/** Russian unless Office says otherwise (the plain functions runtime has no Office: Russian). */
function language(): Lang {
  if (lang) return lang;
  try {
    const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
    const tag = office?.context?.displayLanguage;
    lang = tag && !/^ru/i.test(tag) ? "en" : "ru";
  } catch {
    lang = "ru";
  }
  return lang;
}

export function toExcelError(e: CalcError): CustomFunctions.Error {
  const codes = CustomFunctions.ErrorCode;
  const code = e.code === "na" ? codes.notAvailable : e.code === "div0" ? codes.divisionByZero : codes.invalidValue;
  // Excel shows a message only for #VALUE! and #N/A.
  return e.code === "div0" ? new CustomFunctions.Error(code) : new CustomFunctions.Error(code, e.message[language()]);
}
