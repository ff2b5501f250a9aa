/**
 * The simulated Excel host: the subset of the Excel JavaScript API that src/excel uses, with
 * Office.js semantics, formulas computed by HyperFormula. For jest and the browser demo only —
 * never bundled into the production add-in (no node-only imports).
 *
 *   const host = createSimHost({ plugins: [EduPlugin], sheets: ["Sheet1"], locale: "en-US" });
 *   const uninstall = installSimHost(host);   // globalThis.Excel / OfficeExtension
 *   await Excel.run(async (context) => { … });
 *   host.stats; host.resetStats(); host.setEditMode(true); host.inspect.cell("Sheet1", "A1");
 *   host.refuse("WorksheetProtection.protect", "AccessDenied"); host.allow();
 *   host.setCustomFunctionLag(2);
 *
 * Semantics
 * - Proxies queue actions; nothing applies until `context.sync()`. `Excel.run(batch)` and
 *   `Excel.run(obj, batch)` sync what is still queued when the batch resolves; objects of a
 *   finished run throw InvalidRequestContext.
 * - `load("a,b/c")`, `load(["a"])`, `load({ select, expand })`, `load({ a: true, b: { c: true } })`;
 *   collections: `load("items")`, `load("items/name")` or `load("name")`. Reading an unloaded
 *   property (or before the sync that loads it) throws PropertyNotLoaded. A property set locally
 *   reads back the set value. ClientResult.value throws ValueNotLoaded before its sync.
 * - `*OrNullObject` methods: `isNullObject` is valid after the next sync.
 * - A sync with no queued action is answered locally (stats.syncCalls, not stats.syncs).
 *   Request bytes = UTF-8 JSON of the queued actions with their arguments. Over 5 MB →
 *   RequestPayloadSizeLimitExceeded, nothing applied. Edit mode → InvalidOperationInCellEditMode,
 *   nothing applied. Otherwise the first failing action rejects the sync; ACTIONS BEFORE IT IN THE
 *   SAME BATCH STAY APPLIED (as in Office.js) and loads of that sync are not delivered.
 * - Error codes: missing sheet / name / item → ItemNotFound; bad address, wrong array shape,
 *   unparsable formula, invalid rule / colour / name → InvalidArgument; duplicate sheet or name →
 *   ItemAlreadyExists; writing values/formulas to entire columns or rows, activating a hidden sheet,
 *   hiding or deleting the last visible sheet → InvalidOperation; writing to a locked cell of a
 *   protected sheet, formatting it without the allowFormat… option, changing locking, validation or
 *   conditional formats on it, protecting an already protected sheet → AccessDenied; wrong unprotect
 *   password → InvalidArgument.
 * - values/formulas setters take a 2-D array of exactly the range's shape (null = leave the cell)
 *   or a single scalar for every cell; strings starting with "=" are formulas (invariant English
 *   form); "" clears; cells formatted "@" keep strings as text. Reading values / formulas of entire
 *   columns or rows gives null. Errors read as "#DIV/0!", "#VALUE!", "#N/A", "#NAME?", "#REF!";
 *   valueTypes "Empty" | "String" | "Double" | "Boolean" | "Error". HyperFormula quotes non-ASCII
 *   sheet names in formula text it returns ('База'!A1); TRUE/FALSE literals in formulas are not
 *   supported by HyperFormula (use TRUE() or a comparison).
 *
 * Supported members
 * - Excel: run, RequestContext, enums (ErrorCodes, ConditionalFormatType, ConditionalCellValueOperator,
 *   ConditionalTextOperator, DataValidationOperator, DataValidationType, DataValidationAlertStyle,
 *   RangeValueType, SheetVisibility, PageOrientation, BorderIndex, BorderLineStyle, BorderWeight,
 *   HorizontalAlignment, VerticalAlignment, ClearApplyTo, ChartSeriesBy, CalculationMode,
 *   ProtectionSelectionMode, RangeUnderlineStyle, WorksheetPositionType, ChartType).
 * - OfficeExtension: Error (code, message, debugInfo {code, message, errorLocation, statement}),
 *   ErrorCodes, ClientResult, Promise.
 * - RequestContext: workbook, application, sync(), load(obj, props), trackedObjects.add/remove.
 * - Workbook: name; worksheets, names, application, tables, customXmlParts; getSelectedRange(),
 *   getActiveCell().
 * - Application: calculationMode; suspendApiCalculationUntilNextSync() (counted in
 *   stats.calculationSuspensions), calculate().
 * - WorksheetCollection: add(name?) (at the end, not activated), getItem(name|id),
 *   getItemOrNullObject, getActiveWorksheet(), getFirst/getLast(visibleOnly?), getCount(visibleOnly?), items.
 * - Worksheet: id, name (rename keeps formulas), position, visibility, tabColor, showGridlines,
 *   standardWidth, standardHeight; activate(), delete(), calculate(), getRange(address?),
 *   getRangeByIndexes(), getCell(), getUsedRange(valuesOnly?) (A1 when empty),
 *   getUsedRangeOrNullObject(); protection, freezePanes, pageLayout, customProperties, tables, charts.
 * - WorksheetProtection: protected, options; protect(options?, password?), unprotect(password?).
 * - WorksheetFreezePanes: freezeRows(n=1) and freezeColumns(n=1) (each replaces the previous
 *   freeze), freezeAt(range|address), unfreeze(), getLocation(), getLocationOrNullObject().
 * - PageLayout: orientation, zoom {scale, horizontalFitToPages, verticalFitToPages},
 *   printGridlines, centerHorizontally, centerVertically; setPrintTitleRows, setPrintTitleColumns,
 *   setPrintArea, getPrintTitleRowsOrNullObject().
 * - WorksheetCustomPropertyCollection: add(key, value), getItem, getItemOrNullObject, getCount, items;
 *   item: key, value, delete().
 * - Range: address, addressLocal, rowIndex, columnIndex, rowCount, columnCount, cellCount,
 *   isEntireColumn, isEntireRow, values, formulas, formulasLocal (= formulas), numberFormat
 *   (2-D or scalar), text, valueTypes, columnHidden (guarded like a column format); worksheet, format, dataValidation, conditionalFormats;
 *   getCell, getOffsetRange, getResizedRange, getRow, getColumn, getRowsAbove, getRowsBelow,
 *   getEntireColumn, getEntireRow, getLastRow, getLastColumn, getLastCell, getIntersection,
 *   getIntersectionOrNullObject, getBoundingRect, getUsedRange, getUsedRangeOrNullObject,
 *   merge(across?), unmerge(), clear(applyTo?), select(), calculate(); hasSpill (always false:
 *   the simulated host never spills).
 * - RangeFormat: columnWidth (points), rowHeight, wrapText, horizontalAlignment, verticalAlignment,
 *   indentLevel; autofitColumns(), autofitRows(); fill {color, clear()}, font {bold, italic, color,
 *   size, name, underline}, protection {locked, formulaHidden}, borders.getItem(index) {style, color,
 *   weight, sideIndex}. Mixed formats read as null; no fill reads "#FFFFFF".
 * - DataValidation: rule ({wholeNumber|decimal|textLength|date|time: {formula1, formula2?, operator}},
 *   {list: {source, inCellDropDown}}, {custom: {formula}}), type, prompt, errorAlert, ignoreBlanks,
 *   valid; clear(). Rules apply to exactly the range (splitting what was there).
 * - ConditionalFormatCollection: add(type) (priority 0), getCount(), getItem(id), getItemAt(i),
 *   clearAll(), items. ConditionalFormat: id, type, priority, stopIfTrue; delete(), getRange();
 *   custom {rule {formula}, format {fill {color, clear()}, font {color, bold, italic, clear()}}},
 *   cellValue {rule {formula1, formula2?, operator}, format}; iconSet, colorScale, dataBar, preset,
 *   textComparison, topBottom: settings stored, not evaluated.
 * - NamedItemCollection: add(name, range|formula, comment?), addFormulaLocal, getItem,
 *   getItemOrNullObject, getCount, items. NamedItem: name, formula, value, type, comment, visible;
 *   getRange(), getRangeOrNullObject(), delete(). ASCII names are usable in formulas (HyperFormula
 *   rejects Cyrillic named expressions: such names are stored but evaluate to #NAME?).
 * - TableCollection (workbook / worksheet): add(address|range, hasHeaders), getItem,
 *   getItemOrNullObject, getCount, items. Table: id, name, style, showTotals, showHeaders; getRange,
 *   getHeaderRowRange, getDataBodyRange, getTotalRowRange, delete(); rows.add(index?, values),
 *   rows.getCount(), rows.count.
 * - ChartCollection: add(type, sourceData, seriesBy?), getItem(name), getItemAt, getCount, items.
 *   Chart: id, name, chartType; title {text}, axes.categoryAxis/valueAxis.title {text},
 *   series (items, getItemAt, getCount, add(name?); series: name, setValues(range));
 *   setPosition(start, end?), setData(range, seriesBy?), delete().
 * - CustomXmlPartCollection: add(xml), getByNamespace(ns) {getOnlyItemOrNullObject(), getCount(),
 *   items}, getItemOrNullObject(id), items. CustomXmlPart: id, namespaceUri; getXml(), setXml(), delete().
 *
 * - Worksheet navigation: getNext(visibleOnly?), getNextOrNullObject, getPrevious(OrNullObject) —
 *   what the marker-first reader walks (src/excel/read.ts); past the last sheet, null objects.
 * - Workbook: readOnly (ExcelApi 1.8), protection {protected; protect(), unprotect()} (structure:
 *   adding, deleting or hiding a sheet is then refused with AccessDenied).
 * - Refusals real Excel may give, switched on by tests (host.refuse): calls on null objects
 *   (InvalidObjectPath), a view-only workbook (every change AccessDenied), protect/unprotect without
 *   a password (AccessDenied, June 2026 builds). host.setBusy(sheet, a1, n): a cell reads #BUSY!
 *   (or another error) for its next n content loads. host.reopen(): new sheet ids, as after reopening.
 * - Refusals: `host.refuse(operation, code, message?)` makes every action at that location
 *   ("Worksheet.visibility", "WorksheetProtection.protect", "ChartCollection.add", "Range.values",
 *   "Worksheet.getNextOrNullObject" …) reject its sync with that Office error code, as a build, a
 *   policy or a platform that refuses it does (same failure semantics as above); `allow()` lifts.
 * - Custom functions are asynchronous in Excel: with `host.setCustomFunctionLag(n)` a cell whose
 *   formula calls a plugin function reads "#BUSY!" (valueType "Error") in the sync that writes it
 *   and the next n−1 syncs (Infinity: forever, as with a broken shared runtime).
 * - Limits and logs: a response over 5 MB → ResponsePayloadSizeLimitExceeded (stats.maxResponseBytes,
 *   requests[].responseBytes); stats.rangeReads lists every range whose contents a sync read.
 * - Scale: a sheet no formula can reach keeps its plain constants outside HyperFormula
 *   (host/deferred.ts) until something may read them; reads answer exactly as HyperFormula would.
 *
 * Inspection API (host.inspect; not Office semantics; throws a clear Error for an unknown sheet or
 * a bad address): sheetNames(), activeSheet(), cell(sheet, a1), grid(sheet), userEdit(sheet, a1,
 * input, { alerts: "accept" | "ask", autoPercentEntry (default on, as Excel) }), onChange/offChange(listener), protection(sheet), frozen(sheet), dataValidationAt(sheet, a1),
 * conditionalFormats(sheet), sheetInfo(sheet), columnWidth(sheet, column), charts(sheet), tables(),
 * names(), customXmlParts().
 */

export { createSimHost, installSimHost, uninstallSimHost } from "./host/host";
export type { SimHost, SimHostOptions } from "./host/host";
export type { SyncStats } from "./host/context";
export type { CellInfo, GridSnapshot, EditResult, EditOptions, AlertStyle, ChangeListener } from "./host/inspect";
export { isPercentFormat, percentEntry } from "./host/entry";
export { OfficeExtensionError } from "./host/errors";
export { formatValue, parseInput } from "./host/numfmt";
export type { PluginSpec } from "./host/calc";
