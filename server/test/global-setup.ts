import { buildGolden, dropGolden } from './golden.js';

export async function setup() {
  await buildGolden();
}

export async function teardown() {
  await dropGolden();
}
