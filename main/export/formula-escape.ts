/**
 * Spreadsheet formula injection (CSV injection, OWASP): a text cell starting with = + - @ or a tab or
 * carriage return can be run as a formula when the file is opened in Excel, LibreOffice or Sheets.
 * Such text is prefixed with a single quote, which spreadsheets show as text. Only text values are
 * escaped: a number from a numeric column (-5) is data, not a formula.
 */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

export function escapeFormula(text: string): string {
  return text.length > 0 && TRIGGERS.has(text[0]!) ? `'${text}` : text;
}
