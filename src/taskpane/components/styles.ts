/** Layout styles shared by the screens. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useScreenStyles = makeStyles({
  screen: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  // A period group: its name on its own line, its checkboxes wrapping beneath (unambiguous at 320 px).
  kindRow: { display: "flex", flexDirection: "column", marginBottom: tokens.spacingVerticalXS },
  kindLabel: { color: tokens.colorNeutralForeground3, paddingLeft: tokens.spacingHorizontalXS },
  kindChecks: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  counts: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
  count: {
    display: "flex",
    flexDirection: "column",
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  countNumber: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  danger: { color: tokens.colorPaletteRedForeground1, borderTopColor: tokens.colorPaletteRedBorder2, borderRightColor: tokens.colorPaletteRedBorder2, borderBottomColor: tokens.colorPaletteRedBorder2, borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, borderTopColor: tokens.colorPaletteDarkOrangeBorder2, borderRightColor: tokens.colorPaletteDarkOrangeBorder2, borderBottomColor: tokens.colorPaletteDarkOrangeBorder2, borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  fieldset: { border: "none", margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  openRow: { marginTop: tokens.spacingVerticalS },
});
