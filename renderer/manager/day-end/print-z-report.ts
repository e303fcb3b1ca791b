/**
 * Prints the Z report: the page as it is, through the bridge or the print dialog
 * (renderer/app/print-page.ts, shared with the member card). The print stylesheet
 * (day-end.css) leaves only the Z report on the page.
 */
import { printPage, type PrintOutcome } from '../../app/print-page';

export { readPrintAnswer, type PrintOutcome, type PrintProblem } from '../../app/print-page';

/** Prints on the system's default printer; says whether the printer took it, and if not, why. */
export const printZReport = (): Promise<PrintOutcome> => printPage({});
