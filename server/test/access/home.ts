/** Access-matrix cases for the home page (see server/test/access-matrix.test.ts). */
import { type AccessCases, ALL, json } from '../access.js';

/** Every signed-in user has a home page; what is on it follows the caller's own scope (home.test.ts). */
export const homeAccessCases: AccessCases = {
  'GET /api/home': { in: () => json('GET', '/api/home'), allow: ALL },
};
