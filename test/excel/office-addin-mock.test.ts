import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock pulls ESM-only packages (strip-bom, uuid, nested under other packages): jest must
// transform them, or every adapter test that uses the mock fails to load.
test("office-addin-mock loads and records a load/sync round trip", async () => {
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        range: { values: [[1, "项目"]], format: { fill: { color: "" } } },
        getSelectedRange: function () {
          return this.range;
        },
      },
    },
  });
  const context = mock.context as unknown as {
    workbook: { getSelectedRange(): { values: unknown[][]; load(p: string): void } };
    sync(): Promise<void>;
  };
  const range = context.workbook.getSelectedRange();
  range.load("values");
  await context.sync();
  expect(range.values).toEqual([[1, "项目"]]);
});
