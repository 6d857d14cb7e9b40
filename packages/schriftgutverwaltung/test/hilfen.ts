// A tenant of its own for the rules' database tests (the demo tenants are asserted whole elsewhere).
import { createDb, type Db } from '@eakte/db';
import { testEnv } from '@eakte/testing';
import { v7 as uuidv7 } from 'uuid';
import { inject } from 'vitest';

export const eindeutig = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`.toUpperCase();

export async function eigenerMandant(name: string): Promise<{ app: Db; mandant: string }> {
  const mandant = uuidv7();
  const owner = createDb(inject('ownerUrl'), { max: 1 });
  try {
    await owner.db.execute(`INSERT INTO plattform.mandant (id, slug, name) VALUES ('${mandant}', '${name}-${eindeutig().toLowerCase()}', '${name}')`);
  } finally {
    await owner.close();
  }
  return { app: createDb(testEnv().DATABASE_URL!, { max: 1 }), mandant };
}
