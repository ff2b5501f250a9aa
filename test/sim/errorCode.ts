/** The OfficeExtension.Error code a promise rejects with, or "no error" (asserting it is an Office error). */
export async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(OfficeExtension.Error);
    return (e as OfficeExtension.Error).code;
  }
  return "no error";
}
