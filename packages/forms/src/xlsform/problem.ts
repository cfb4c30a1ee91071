/** One thing the importer could not take over as is. `row` is the 1-based spreadsheet row (1 = header). */
export interface ImportProblem {
  sheet: string;
  row: number;
  column?: string;
  message: string;
}
