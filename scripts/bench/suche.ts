export const name = 'suche';
export async function run(): Promise<never[]> { return []; }
