/**
 * Two behaviours of real Excel the simulated host can be told to show: refusing an operation with
 * a given Office error code (as a build, a policy or a platform does), and custom functions being
 * asynchronous (a cell reads #BUSY! until computed).
 */
import { createSimHost, installSimHost, type SimHost } from "../../src/sim";
import { registerEduFunctions } from "../../src/sim/functions-plugin";
import { code } from "./errorCode";

let host: SimHost;
let restore: () => void;
beforeEach(() => {
  host = createSimHost({ plugins: [registerEduFunctions()], sheets: ["Sheet1", "Sheet2"] });
  restore = installSimHost(host);
});
afterEach(() => restore());

test("a refused operation rejects its sync with the code at that action; actions before it stay applied; allow() lifts it", async () => {
  host.refuse("WorksheetProtection.protect", "AccessDenied");
  const err = await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("Sheet1");
    ws.getRange("A1").values = [[1]];
    ws.protection.protect();
    ws.getRange("A2").values = [[2]];
    try {
      await context.sync();
    } catch (e) {
      return e as OfficeExtension.Error;
    }
    return null;
  });
  expect(err?.code).toBe("AccessDenied");
  expect(err?.debugInfo.errorLocation).toBe("WorksheetProtection.protect");
  expect(host.inspect.cell("Sheet1", "A1").value).toBe(1);
  expect(host.inspect.cell("Sheet1", "A2").value).toBe("");
  expect(host.inspect.protection("Sheet1").protected).toBe(false);
  host.allow("WorksheetProtection.protect");
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem("Sheet1").protection.protect();
    await context.sync();
  });
  expect(host.inspect.protection("Sheet1").protected).toBe(true);
});

test("the sheet chain can be refused at getNextOrNullObject", async () => {
  host.refuse("Worksheet.getNextOrNullObject", "InvalidObjectPath");
  expect(
    await code(
      Excel.run(async (context) => {
        context.workbook.worksheets.getFirst().getNextOrNullObject().load("name");
        await context.sync();
      }),
    ),
  ).toBe("InvalidObjectPath");
  host.allow();
  const name = await Excel.run(async (context) => {
    const next = context.workbook.worksheets.getFirst().getNextOrNullObject();
    next.load("name");
    await context.sync();
    return next.name;
  });
  expect(name).toBe("Sheet2");
});

test("with a custom-function lag, a cell calling EDU.* reads #BUSY! for that many syncs, other formulas at once", async () => {
  host.setCustomFunctionLag(2);
  const reads = await Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
    range.formulas = [["=EDU.DELTA(1,4)", "=1+2"]];
    const out: unknown[][] = [];
    for (let i = 0; i < 3; i++) {
      range.load("values,valueTypes");
      await context.sync();
      out.push([...(range.values[0] as unknown[]), range.valueTypes[0][0]]);
    }
    return out;
  });
  expect(reads).toEqual([
    ["#BUSY!", 3, "Error"],
    ["#BUSY!", 3, "Error"],
    [3, 3, "Double"],
  ]);
});
