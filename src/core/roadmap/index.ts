/** The road map core (issue 9): deadline parser, paste recognition and tracking. */
export * from "./types";
export { parseDeadline } from "./deadlines";
export { HEADER_SCAN, headerField, isMonthFormat, recognizeRoadmap } from "./table";
export { eventKey, expandEvents, parseStatus, periodEndDate, trackPeriod } from "./track";
export type { ExpandedEvent, PeriodTracking } from "./track";
export { daysInMonth, isValidDate, isoDate, isoToSerial, monthEnd, parseIsoDate, serialToIso, splitIso } from "./dates";
export { programYearsFrom, yearsFromText } from "./programYears";
export { roadmapTables, wordProgramYears } from "./word";
export type { WordTableChoice, WordTableLike } from "./word";
