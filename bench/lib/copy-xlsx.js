/* eslint-disable no-undef */
// The CLI's floor: exceljs reads a workbook and writes it back, with no scoring (`node copy-xlsx.js in out`).
const ExcelJS = require("exceljs");

const [input, output] = process.argv.slice(2);
const workbook = new ExcelJS.Workbook();
workbook.xlsx
  .readFile(input)
  .then(() => workbook.xlsx.writeFile(output))
  .catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
