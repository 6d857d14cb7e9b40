export const name = 'upload';
export async function run(): Promise<never[]> { return []; }
