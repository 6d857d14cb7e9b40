export const name = 'audit';
export async function run(): Promise<never[]> { return []; }
