#!/usr/bin/env node
/**
 * Writes the first-start sample data to assets/sample-data/*.csv: two years of a made-up online
 * shop, day by day, ending 2026-11-30.
 *   sales.csv            date, region, orders, units, revenue
 *   web_traffic.csv      date, channel, sessions, conversions
 *   support_tickets.csv  date, category, priority, tickets, avg_resolution_hours
 * The series have a growth trend, weekly and yearly seasonality (a December peak, a summer lull,
 * Black Friday and Cyber Monday), public-holiday dips, and a few incidents a user can find on the
 * charts (listed in INCIDENTS below). Deterministic: a seeded PRNG, so the files only change when
 * this script does.   node scripts/generate-sample-data.mjs
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'assets', 'sample-data');

/** mulberry32: tiny, fast, good enough for synthetic data, and the same everywhere. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(20261130);
const gauss = () => {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
};
/** Multiplicative noise around 1. */
const noise = (sigma) => Math.exp(sigma * gauss() - (sigma * sigma) / 2);
/** Poisson counts (Knuth for small means, a rounded normal above 50). */
function poisson(lambda) {
  if (lambda <= 0) return 0;
  if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gauss()));
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rand();
  } while (p > l);
  return k - 1;
}

const START = Date.UTC(2024, 11, 1);
const END = Date.UTC(2026, 10, 30);
const DAY = 86_400_000;
const iso = (t) => new Date(t).toISOString().slice(0, 10);

/** Public holidays that dent the shop's days (multiplier on orders and traffic). */
const HOLIDAYS = {
  '2024-12-24': 0.7, '2024-12-25': 0.35, '2024-12-26': 0.8, '2024-12-31': 0.75, '2025-01-01': 0.5,
  '2025-04-18': 0.85, '2025-04-20': 0.7, '2025-05-26': 0.85, '2025-07-04': 0.7, '2025-09-01': 0.85,
  '2025-11-27': 0.6, '2025-12-24': 0.7, '2025-12-25': 0.35, '2025-12-26': 0.8, '2025-12-31': 0.75,
  '2026-01-01': 0.5, '2026-04-03': 0.85, '2026-04-05': 0.7, '2026-05-25': 0.85, '2026-07-03': 0.8,
  '2026-07-04': 0.7, '2026-09-07': 0.85, '2026-11-26': 0.6,
};
/** Shopping peaks: Black Friday, its weekend, Cyber Monday. */
const PEAKS = {
  '2025-11-28': 2.6, '2025-11-29': 1.7, '2025-11-30': 1.5, '2025-12-01': 2.2,
  '2026-11-27': 2.7, '2026-11-28': 1.8, '2026-11-29': 1.6, '2026-11-30': 2.3,
};
/**
 * Incidents:
 * - 2025-06-17 checkout outage: orders collapse, conversions drop, urgent technical tickets spike.
 * - 2025-09-09 site outage (about six hours): sessions and orders fall by a third.
 * - 2026-02-02 billing bug: billing tickets six-fold for two days.
 * - 2026-03-10..12 a social post goes viral: social sessions 4.5×, 2.5×, 1.6×.
 */
const INCIDENTS = {
  checkout: '2025-06-17',
  outage: '2025-09-09',
  billing: ['2026-02-02', '2026-02-03'],
  viral: { '2026-03-10': 4.5, '2026-03-11': 2.5, '2026-03-12': 1.6 },
};

const growth = (t) => Math.pow(1.32, (t - START) / (365 * DAY));
const dayOfYear = (t) => Math.floor((t - Date.UTC(new Date(t).getUTCFullYear(), 0, 1)) / DAY);
/** A December peak and an August lull. */
const yearly = (t) => {
  const d = dayOfYear(t);
  return 1 + 0.1 * Math.cos((2 * Math.PI * (d - 355)) / 365) - 0.06 * Math.exp(-(((d - 220) / 22) ** 2));
};
const weekday = (t) => (new Date(t).getUTCDay() + 6) % 7; // Monday = 0
const preChristmas = (s) => (s.slice(5) >= '12-08' && s.slice(5) <= '12-20' ? 1.25 : 1);

const REGIONS = [
  ['North America', 520, 86],
  ['Europe', 360, 74],
  ['Asia Pacific', 210, 63],
  ['Latin America', 90, 47],
];
const SALES_WEEK = [1.0, 0.98, 1.0, 1.03, 1.12, 1.07, 0.88];

const CHANNELS = [
  ['Organic search', 17500, 0.024],
  ['Paid search', 8800, 0.031],
  ['Social', 6100, 0.012],
  ['Email', 2900, 0.045],
  ['Direct', 7400, 0.036],
  ['Referral', 2400, 0.028],
];
const TRAFFIC_WEEK = [1.05, 1.03, 1.02, 1.0, 0.96, 0.92, 0.97];

const CATEGORIES = [
  ['Billing', 0.22],
  ['Technical', 0.3],
  ['Account', 0.15],
  ['Shipping', 0.23],
  ['Product question', 0.1],
];
const PRIORITIES = [
  ['Low', 0.35, 36],
  ['Normal', 0.4, 20],
  ['High', 0.18, 9],
  ['Urgent', 0.07, 3],
];
const TICKET_WEEK = [1.25, 1.15, 1.1, 1.05, 0.95, 0.55, 0.5];

const sales = ['date,region,orders,units,revenue'];
const traffic = ['date,channel,sessions,conversions'];
const tickets = ['date,category,priority,tickets,avg_resolution_hours'];

for (let t = START; t <= END; t += DAY) {
  const s = iso(t);
  const wd = weekday(t);
  const holiday = HOLIDAYS[s] ?? 1;
  const peak = PEAKS[s] ?? 1;
  const checkout = s === INCIDENTS.checkout;
  const outage = s === INCIDENTS.outage;
  const viral = INCIDENTS.viral[s] ?? 1;
  const demand = growth(t) * yearly(t) * holiday * peak * preChristmas(s);

  let dayOrders = 0;
  for (const [region, base, aov] of REGIONS) {
    let orders = base * demand * SALES_WEEK[wd] * noise(0.07) * (viral > 1 ? 1 + (viral - 1) * 0.06 : 1);
    if (checkout) orders *= 0.22;
    if (outage) orders *= 0.66;
    orders = Math.max(0, Math.round(orders));
    const units = Math.round(orders * (1.6 + 0.25 * rand()));
    const revenue = orders * aov * (peak > 1 ? 0.88 : 1) * noise(0.05);
    dayOrders += orders;
    sales.push(`${s},${region},${orders},${units},${revenue.toFixed(2)}`);
  }

  for (const [channel, base, rate] of CHANNELS) {
    let sessions = base * growth(t) * Math.sqrt(yearly(t)) * TRAFFIC_WEEK[wd] * (holiday < 1 ? 0.8 + holiday * 0.2 : 1) * (peak > 1 ? 1 + (peak - 1) * 0.5 : 1) * noise(0.06);
    if (channel === 'Paid search' && s >= '2025-10-01') sessions *= 1.4; // budget raised for the season
    if (channel === 'Email' && wd === 1) sessions *= 1.8; // Tuesday newsletter
    if (channel === 'Social') sessions *= viral;
    if (outage) sessions *= 0.62;
    let conv = sessions * rate * (peak > 1 ? 1.5 : 1) * noise(0.08);
    if (checkout) conv *= 0.2;
    if (channel === 'Social' && viral > 1) conv *= 0.6;
    traffic.push(`${s},${channel},${Math.round(sessions)},${Math.round(conv)}`);
  }

  const volume = 150 * Math.pow(dayOrders / 1180, 0.8) * TICKET_WEEK[wd] * (holiday < 1 ? 0.6 : 1);
  const afterPeak = s >= '2025-11-28' && s <= '2025-12-12' ? 1.6 : s >= '2026-11-27' ? 1.5 : 1;
  const improvement = Math.pow(0.86, (t - START) / (365 * DAY));
  for (const [category, cw] of CATEGORIES) {
    for (const [priority, pw, hours] of PRIORITIES) {
      let lambda = volume * cw * pw;
      if (category === 'Shipping') lambda *= afterPeak * (s.slice(5, 7) === '12' ? 1.3 : 1);
      if (checkout && category === 'Technical') lambda *= priority === 'Urgent' ? 14 : priority === 'High' ? 7 : 2;
      if (checkout && category === 'Billing') lambda *= 2.5;
      if (outage && category === 'Technical') lambda *= priority === 'Low' ? 1.5 : 4;
      if (INCIDENTS.billing.includes(s) && category === 'Billing') lambda *= 6;
      const n = poisson(lambda);
      const load = lambda / (volume * cw * pw || 1);
      const resolution = n === 0 ? '' : (hours * improvement * Math.min(3, 0.85 + 0.15 * load) * noise(0.15)).toFixed(1);
      tickets.push(`${s},${category},${priority},${n},${resolution}`);
    }
  }
}

fs.mkdirSync(outDir, { recursive: true });
const files = { 'sales.csv': sales, 'web_traffic.csv': traffic, 'support_tickets.csv': tickets };
let total = 0;
for (const [name, lines] of Object.entries(files)) {
  const text = lines.join('\n') + '\n';
  fs.writeFileSync(path.join(outDir, name), text);
  total += Buffer.byteLength(text);
  console.log(`${name}: ${lines.length - 1} rows, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB`);
}
console.log(`total ${(total / 1024).toFixed(0)} KiB`);
