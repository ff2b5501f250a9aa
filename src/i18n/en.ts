import type { Messages } from "./ru";

/** English user-facing strings. */
export const en: Messages = {
  app: {
    name: "School Support Monitor",
    tagline: "Monitoring indicators of schools with low educational results",
  },
  host: {
    loading: "Loading…",
    excel: "The add-in is connected to Excel.",
    otherHost: "The add-in is open outside Excel: it works in Excel only.",
    outsideOffice: "The pane is open outside Office: workbook actions are unavailable.",
  },
  shell: {
    functionsHint: "Type =EDU. in a cell to see the add-in's functions.",
    comingSoon: "The pane's sections arrive in later versions:",
    sections: [
      "Insert indicator sheets",
      "Compare periods",
      "Targets and risks",
      "Consolidate schools",
      "Prepare for sending",
    ],
    privacy: "Your data stays in your workbook: the add-in sends nothing over the network.",
  },
};
