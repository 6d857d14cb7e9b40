export const name = 'lesen';
export async function run(): Promise<never[]> { return []; }
