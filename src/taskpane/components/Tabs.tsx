/**
 * A WAI-ARIA tab list in Fluent's look (tokens, underline on the selected tab). Fluent's TabList
 * adds ~22 KB gzip (animated indicator, overflow machinery) to a pane that must stay under 160 KB,
 * so the pane uses this: roving tabindex, ←/→ (and Home/End) move and select, tabs wrap when narrow.
 */
import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  list: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  tab: {
    position: "relative",
    border: "none",
    background: "none",
    cursor: "pointer",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground2,
    borderRadius: tokens.borderRadiusMedium,
    ":hover": { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    "::after": {
      content: '""',
      position: "absolute",
      left: tokens.spacingHorizontalS,
      right: tokens.spacingHorizontalS,
      bottom: "-1px",
      height: "3px",
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorCompoundBrandStroke,
    },
  },
});

export interface TabsProps<T extends string> {
  label: string;
  tabs: { value: T; label: string }[];
  selected: T;
  onSelect: (value: T) => void;
  /** Ids: tab `${idPrefix}tab-${value}` controls panel `${idPrefix}panel-${value}`. */
  idPrefix?: string;
}

export function Tabs<T extends string>({ label, tabs, selected, onSelect, idPrefix = "" }: TabsProps<T>): React.JSX.Element {
  const s = useStyles();
  const refs = React.useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: React.KeyboardEvent, i: number) => {
    const last = tabs.length - 1;
    const next = e.key === "ArrowRight" ? (i === last ? 0 : i + 1) : e.key === "ArrowLeft" ? (i === 0 ? last : i - 1) : e.key === "Home" ? 0 : e.key === "End" ? last : -1;
    if (next < 0) return;
    e.preventDefault();
    onSelect(tabs[next].value);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={s.list}>
      {tabs.map((t, i) => {
        const on = t.value === selected;
        return (
          <button
            key={t.value}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${idPrefix}tab-${t.value}`}
            aria-controls={`${idPrefix}panel-${t.value}`}
            aria-selected={on}
            tabIndex={on ? 0 : -1}
            className={mergeClasses(s.tab, on && s.selected)}
            onClick={() => onSelect(t.value)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {t.label}
          </button>
        );
      })}
    </div>
  );
}
