/** The export section of the research benchmark (step 5 of issue 13). */
export async function exportSection(_scale: number): Promise<void> {}
