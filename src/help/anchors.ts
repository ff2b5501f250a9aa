/**
 * Ids of the user guide's sections (help.html). webpack.config.js builds each function's helpUrl
 * with the same rule as functionAnchor; tests check every helpUrl resolves.
 */
export const GUIDE_PAGE = "help.html";

/** "SHARE" or "RU.SHARE" → "fn-share". */
export const functionAnchor = (id: string): string => `fn-${id.replace(/^RU\./, "").toLowerCase()}`;

/** "quality_4_5" → "ind-quality_4_5". */
export const indicatorAnchor = (id: string): string => `ind-${id}`;

export const journeyAnchor = (id: string): string => `j-${id}`;
