import chineseDays from 'chinese-days';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);

/** A statutory rest day of 《全国年节及纪念日放假办法》 (article 2, days for all citizens). */
export interface StatutoryDay {
  date: string;
  name: string;
}

/** From 2025 (国务院令第795号): 春节 adds 除夕 and 劳动节 a second day (5月2日). */
const REVISION_2025 = 2025;

const lunar = (year: number, monthDay: string) => chineseDays.getSolarDateFromLunar(`${year}-${monthDay}`).date;
const shift = (date: string, days: number) => dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD');

/**
 * The statutory holidays of `year` by the law alone, without the State Council's yearly arrangement
 * (调休, 补假): 元旦, 春节, 清明 (a solar term), 劳动节, 端午, 中秋 and 国庆. Lunar dates and the solar
 * term come from the chinese-days package's lunar calendar, never from hand-written tables.
 */
export function statutoryHolidays(year: number): StatutoryDay[] {
  const revised = year >= REVISION_2025;
  const springFestival = lunar(year, '01-01');
  const days: StatutoryDay[] = [{ date: `${year}-01-01`, name: '元旦' }];
  if (revised) days.push({ date: shift(springFestival, -1), name: '春节（除夕）' });
  for (let i = 0; i < 3; i++) days.push({ date: shift(springFestival, i), name: '春节' });
  days.push({ date: chineseDays.getSolarTermDate(year, 4, 'pure_brightness'), name: '清明节' });
  days.push({ date: `${year}-05-01`, name: '劳动节' });
  if (revised) days.push({ date: `${year}-05-02`, name: '劳动节' });
  days.push({ date: lunar(year, '05-05'), name: '端午节' });
  days.push({ date: lunar(year, '08-15'), name: '中秋节' });
  for (const d of ['10-01', '10-02', '10-03']) days.push({ date: `${year}-${d}`, name: '国庆节' });
  return days;
}

/** What an answer that touched years without a published schedule tells its reader. */
export interface Provisional {
  provisional: boolean;
  /** Chinese explanation for the API and the screen, null when every year is scheduled. */
  provisionalNote: string | null;
}

export function provisionalFor(years: readonly number[]): Provisional {
  if (years.length === 0) return { provisional: false, provisionalNote: null };
  const list = [...new Set(years)]
    .sort()
    .map((y) => `${y}年`)
    .join('、');
  return {
    provisional: true,
    provisionalNote: `${list}的节假日安排尚未录入，本结果按《全国年节及纪念日放假办法》规定的法定节假日推算（未含调休和补假），国务院公布当年安排后可能变化`,
  };
}
