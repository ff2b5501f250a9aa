/** Strings of the pane's «Справка» (help) link. */
export const ru = {
  open: "Справка",
  openHint: "Руководство пользователя: открывается в отдельном окне",
};

export type HelpMessages = typeof ru;

export const en: HelpMessages = {
  open: "Help",
  openHint: "The user guide, in a separate window",
};
