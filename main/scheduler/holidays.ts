/**
 * Public holidays by country and region, through date-holidays. Only 'public' and 'bank' days count
 * (observances such as Valentine's Day do not close offices). Dates are local calendar dates
 * (YYYY-MM-DD), compared with a run's local date in its schedule's time zone.
 */
import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import { UdashError } from '../../shared/errors.js';
import type { HolidayCalendar } from '../../shared/model/report.js';


const CLOSED_TYPES = new Set(['public', 'bank']);

/** date-holidays takes ~0.5 s to load: required on first use, not when every `udash` command starts. */
let holidaysClass: typeof Holidays | undefined;
const lazyHolidays = (): typeof Holidays => (holidaysClass ??= createRequire(import.meta.url)('date-holidays') as typeof Holidays);

export class HolidayCalendars {
  /** Years of holidays per calendar; they never change while the process runs, so a plain cache is safe. */
  private readonly years = new Map<string, Set<string>>();

  /** Throws a BAD_INPUT naming the field when date-holidays does not know the country or region. */
  validate(cal: HolidayCalendar, field = 'holidays'): void {
    const hd = new (lazyHolidays())();
    const countries = hd.getCountries() ?? {};
    const country = cal.country.toUpperCase();
    if (!(country in countries)) throw new UdashError('BAD_INPUT', `Unknown holiday country "${cal.country}" (use an ISO code such as US, GB or DE)`, { field: `${field}.country` }, [field, 'country']);
    if (cal.region) {
      const states = hd.getStates(country) ?? {};
      if (!(cal.region.toUpperCase() in states))
        throw new UdashError('BAD_INPUT', `Unknown region "${cal.region}" for ${country}; known: ${Object.keys(states).slice(0, 20).join(', ')}`, { field: `${field}.region` }, [field, 'region']);
    }
  }

  isHoliday(cal: HolidayCalendar, localDate: string): boolean {
    return this.dates(cal, Number(localDate.slice(0, 4))).has(localDate);
  }

  /** The holiday name for a local date, or null. */
  nameOf(cal: HolidayCalendar, localDate: string): string | null {
    const hd = this.instance(cal);
    const found = (hd.getHolidays(Number(localDate.slice(0, 4))) || []).find((h) => CLOSED_TYPES.has(h.type) && h.date.slice(0, 10) === localDate);
    return found ? found.name : null;
  }

  private dates(cal: HolidayCalendar, year: number): Set<string> {
    const key = `${cal.country.toUpperCase()}/${cal.region?.toUpperCase() ?? ''}/${year}`;
    let set = this.years.get(key);
    if (!set) {
      set = new Set((this.instance(cal).getHolidays(year) || []).filter((h) => CLOSED_TYPES.has(h.type)).map((h) => h.date.slice(0, 10)));
      this.years.set(key, set);
    }
    return set;
  }

  private instance(cal: HolidayCalendar): Holidays {
    const H = lazyHolidays();
    return cal.region ? new H(cal.country.toUpperCase(), cal.region.toUpperCase()) : new H(cal.country.toUpperCase());
  }
}
