/**
 * The globals Excel's custom-functions runtime provides (no @types package for them is installed).
 * Same shapes as Microsoft's custom-functions-runtime typings, limited to what the functions use.
 */
declare namespace CustomFunctions {
  /** Registers a function under its metadata id (the metadata plugin appends these calls). */
  function associate(id: string, functionObject: (...args: any[]) => unknown): void;

  /** Thrown by a custom function to show an Excel error; #VALUE! and #N/A carry the message. */
  class Error {
    constructor(errorCode: ErrorCode, errorMessage?: string);
    code: ErrorCode;
    message?: string;
  }

  enum ErrorCode {
    invalidValue = "#VALUE!",
    notAvailable = "#N/A",
    divisionByZero = "#DIV/0!",
    invalidNumber = "#NUM!",
    nullReference = "#NULL!",
    invalidName = "#NAME?",
    invalidReference = "#REF!",
  }
}
