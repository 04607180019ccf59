import type { THome } from '../../../common/home.schema.js';
import { actorOf, type Ctx, today } from '../../platform/context.js';
import { readSections, sectionsFor } from './home.sections.js';

/**
 * The caller's home page (今日工作): every entry the caller's permissions and roles give, each with the count and
 * the first rows of the list it opens. Entries with nothing in them are left out, so a role with nothing to do gets
 * an empty page that says so. The entries are read at once, the modules' previews as one statement (`readSections`).
 */
export async function getHome(ctx: Ctx): Promise<THome> {
  const day = today(ctx);
  const sections: THome['sections'] = [];
  const defs = sectionsFor(actorOf(ctx));
  const queries = defs.map((def) => def.query(day));
  const answers = await readSections(ctx, defs, queries);
  for (const [i, def] of defs.entries()) {
    const query = queries[i];
    const { total, items } = answers[i];
    if (total === 0) continue;
    const qs = new URLSearchParams(query).toString();
    sections.push({
      key: def.key,
      group: def.group,
      title: def.title,
      count: total,
      path: `${def.path}?${qs}`,
      api: `${def.api}?${qs}`,
      items,
    });
  }
  return { today: day, sections };
}
