/** The button opening «Загрузить таблицу показателей» (in the pane's first chunk; the screen's strings load with it: import.ts). */
export const IMPORT_OPEN = { ru: "Загрузить таблицу показателей…", en: "Load an indicator table…" } as const;
