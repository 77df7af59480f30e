// gen.mjs: writes seeded synthetic enterprise files (nvcheck/enterprise@1, docs/formats.md) for the
// benchmark, one compact enterprise per line: bench/data/{small,medium,large}.jsonl.
//
//   node bench/gen.mjs [--out DIR] [--seed N] [--small N] [--medium N] [--large N]
//
// Same seed, same bytes. Every enterprise is evaluated on one date (application.date 2026-11-24):
// about half are "clean" (records old, out of scope, ended or resolved: most pass), the others
// draw records across the last six years (most fail); all ten record lists appear, regions GD, HK
// and MO. Sizes: small ~5 records, medium ~40 (~8.5 KB), large ~400.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
function opt(name, dflt) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
}
const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(opt('out', path.join(HERE, 'data')));
const SEED = Number(opt('seed', 179));
const SIZES = [
  { name: 'small', records: 5, count: Number(opt('small', 2000)) },
  { name: 'medium', records: 40, count: Number(opt('medium', 1000)) },
  { name: 'large', records: 400, count: Number(opt('large', 200)) },
];
const D = '2026-11-24';

// mulberry32: a small deterministic PRNG (the same numbers on every machine).
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

// Dates as day numbers (UTC), written YYYY-MM-DD.
const DAY = 86400000;
const dayOf = (s) => Math.round(Date.parse(`${s}T00:00:00Z`) / DAY);
const dateOf = (n) => new Date(n * DAY).toISOString().slice(0, 10);
const TODAY = dayOf(D);

function generator(rand) {
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const chance = (p) => rand() < p;
  const text = (xs, n) => Array.from({ length: n }, () => pick(xs)).join('');
  const HAN = '广州深圳珠海佛山惠州东莞中山江门肇庆香港澳门南沙前海横琴贸易科技实业发展投资管理服务咨询工程建设物流供应链信息网络文化传媒餐饮酒店';
  const CAUSE = '未按规定履行安全生产义务逾期未缴纳税款虚假宣传违反合同约定拖欠货款未按期交付产品质量不合格侵犯商标专用权';
  const hanText = (lo, hi) => text([...HAN], int(lo, hi));
  const causeText = (lo, hi) => text([...CAUSE], int(lo, hi));

  // A start date: "old" ones fall outside every window (> 5 years before D); recent ones within 3
  // years. Ends fall on or after the start and before D.
  const start = (clean) => (clean && chance(0.93) ? TODAY - int(5 * 365 + 10, 7 * 365) : TODAY - int(0, 3 * 365));
  const endAfter = (s, maxDays) => Math.max(s, Math.min(s + int(1, maxDays), TODAY - 1));
  const maybeEnd = (s, pEnded, maxDays) => (chance(pEnded) && s < TODAY - 1 ? dateOf(endAfter(s, maxDays)) : null);

  const LISTS = {
    administrative_penalties: (id, clean) => ({
      id, decided_on: dateOf(start(clean)),
      field: pick(['market_regulation', 'environment_health', 'work_safety', 'labour', 'intellectual_property',
                   'consumer_protection', 'financial_regulation', 'other']),
      type: clean ? pick(['warning', 'other']) : pick(['warning', 'property', 'conduct', 'personal_liberty', 'other']),
      annulled: chance(clean ? 0.3 : 0.05),
      authority: `${hanText(4, 8)}市场监督管理局`, cause: causeText(8, 24),
    }),
    administrative_coercions: (id, clean) => {
      const s = start(clean);
      return {
        id, subject: pick(['enterprise', 'legal_representative', 'principal', 'other']),
        measure: pick(['conduct_restriction', 'seizure', 'sealing', 'freezing', 'other']),
        started_on: dateOf(s), released_on: clean ? dateOf(endAfter(s, 200)) : maybeEnd(s, 0.5, 400),
        authority: `${hanText(4, 8)}人民政府`, cause: causeText(8, 24),
      };
    },
    judgments: (id, clean) => {
      const s = start(clean);
      return {
        id, case_type: pick(['civil', 'commercial', 'administrative', 'other']), effective: chance(0.9),
        nonperformance_from: chance(0.8) ? dateOf(s) : null,
        performed_on: clean ? dateOf(endAfter(s, 120)) : maybeEnd(s, 0.6, 300),
        court: `${hanText(2, 4)}人民法院`, decided_on: dateOf(s - int(5, 60)),
      };
    },
    criminal_cases: (id, clean) => {
      const s = clean ? TODAY - int(6 * 365, 9 * 365) : start(false);
      return {
        id, subject: pick(['enterprise', 'legal_representative', 'other']),
        status: clean ? pick(['acquitted', 'dropped']) : pick(['suspected', 'convicted', 'acquitted', 'dropped']),
        arose_on: dateOf(s), closed_on: clean ? dateOf(endAfter(s, 300)) : maybeEnd(s, 0.5, 700),
        court: `${hanText(2, 4)}人民法院`, cause: causeText(6, 16),
      };
    },
    self_regulatory_violations: (id, clean) => {
      const s = start(clean);
      return {
        id, organization: chance(0.85) ? `A${String(int(1, 32)).padStart(2, '0')}` : `${hanText(3, 6)}商会`,
        measure: pick(['notice_of_criticism', 'public_censure', 'suspension_of_rights', 'disqualification', 'other']),
        imposed_on: dateOf(s), ended_on: clean ? dateOf(endAfter(s, 90)) : maybeEnd(s, 0.5, 365),
        matter: causeText(8, 20), source: `${hanText(3, 6)}协会公告`,
      };
    },
    community_violations: (id, clean) => {
      const s = start(clean);
      return {
        id, platform: chance(0.9) ? pick(['weibo', 'wechat', 'qq', 'qzone', 'douyin', 'kuaishou', 'zhihu', 'bilibili',
                                           'xiaohongshu', 'instagram', 'facebook', 'twitter']) : 'example-forum',
        measure: pick(['mute', 'removal', 'account_ban', 'other']),
        imposed_on: dateOf(s), ended_on: clean ? dateOf(endAfter(s, 30)) : maybeEnd(s, 0.6, 120),
        matter: causeText(6, 16), source: '平台公告',
      };
    },
    certification_violations: (id, clean) => ({
      id, scheme: chance(0.9) ? `C${String(int(1, 28)).padStart(2, '0')}` : `${hanText(3, 6)}认证`,
      measure: clean ? 'other' : pick(['cancellation', 'suspension', 'other']),
      occurred_on: dateOf(start(clean)), matter: causeText(6, 16), source: '认证机构通报',
    }),
    contract_complaints: (id, clean) => {
      const s = start(clean);
      return {
        id, contract_type: pick(['commercial', 'labour', 'other']), valid: chance(clean ? 0.4 : 0.85),
        received_on: dateOf(s), resolved_on: clean ? dateOf(endAfter(s, 60)) : maybeEnd(s, 0.5, 200),
        default_type: pick(['nonperformance', 'incomplete', 'other', null]),
        matter: causeText(8, 24), source: '12345热线',
      };
    },
    commitment_complaints: (id, clean) => {
      const s = start(clean);
      return {
        id, form: pick(['written', 'oral']), valid: chance(clean ? 0.4 : 0.85),
        received_on: dateOf(s), resolved_on: clean ? dateOf(endAfter(s, 60)) : maybeEnd(s, 0.5, 200),
        default_type: pick(['nonperformance', 'incomplete', 'other']),
        matter: causeText(8, 24), source: '消费者委员会',
      };
    },
    risk_list_entries: (id, clean) => {
      const s = start(clean);
      return {
        id, list: pick(['credit_overdue', 'commercial_arrears', 'seriously_dishonest', 'commercial_restriction',
                        'transaction_fraud', 'political_religious', 'other']),
        listed_on: dateOf(s), valid_until: chance(0.6) ? dateOf(s + int(180, 3 * 365)) : null,
        removed_on: clean ? dateOf(endAfter(s, 90)) : maybeEnd(s, 0.4, 365),
        cause: causeText(6, 16), source: '信用中国',
      };
    },
  };
  const PREFIX = { administrative_penalties: 'p', administrative_coercions: 'c', judgments: 'j', criminal_cases: 'k',
                   self_regulatory_violations: 's', community_violations: 'n', certification_violations: 'v',
                   contract_complaints: 't', commitment_complaints: 'w', risk_list_entries: 'r' };
  // How often each list is drawn (penalties and complaints are the common ones).
  const WEIGHTS = [['administrative_penalties', 22], ['administrative_coercions', 6], ['judgments', 10],
                   ['criminal_cases', 3], ['self_regulatory_violations', 6], ['community_violations', 8],
                   ['certification_violations', 5], ['contract_complaints', 20], ['commitment_complaints', 12],
                   ['risk_list_entries', 8]];
  const TOTAL = WEIGHTS.reduce((s, [, w]) => s + w, 0);
  const drawList = () => {
    let x = rand() * TOTAL;
    for (const [name, w] of WEIGHTS) if ((x -= w) < 0) return name;
    return WEIGHTS[WEIGHTS.length - 1][0];
  };

  const REGIONS = [
    ['GD', () => pick(['440103', '440104', '440106', '440115', '440300', '440303', '440400', '440600', '441900', '442000']),
      () => `9144${String(int(0, 9999)).padStart(4, '0')}MA5${text([...'ABCDEFGHJKLMNPQRTUWXY0123456789'], 6)}`,
      '有限责任公司'],
    ['HK', () => '810000', () => String(int(10000000, 79999999)), '私人股份有限公司'],
    ['MO', () => '820000', () => String(int(10000, 99999)), '一人有限公司'],
  ];

  return function enterprise(n, records) {
    const [region, division, idCode, type] = pick(REGIONS);
    const clean = chance(0.5);
    const count = Math.max(1, Math.round(records * (0.8 + 0.4 * rand())));
    const lists = Object.fromEntries(Object.keys(LISTS).map((k) => [k, []]));
    for (let i = 0; i < count; ++i) {
      const list = drawList();
      lists[list].push(LISTS[list](`${PREFIX[list]}${lists[list].length + 1}`, clean));
    }
    const previous = chance(0.25)
      ? [{ result_on: dateOf(TODAY - int(clean ? 200 : 30, 900)), outcome: pick(['passed', 'failed']),
           false_information: chance(0.03) }]
      : [];
    return {
      schema: 'nvcheck/enterprise@1',
      enterprise: {
        name: `${region === 'GD' ? '广东' : region === 'HK' ? '香港' : '澳门'}${hanText(4, 8)}有限公司${n}`,
        id_code: idCode(), region, division_code: division(),
        legal_representative: hanText(2, 3), address: `${hanText(6, 14)}路${int(1, 999)}号`,
        incorporated_on: dateOf(TODAY - int(clean ? 3 * 365 : 300, 20 * 365)),
        enterprise_type: type, business_scope: hanText(10, 30), registration_status: chance(0.97) ? 'subsisting' : 'revoked',
      },
      application: { date: D, previous },
      certification: { first_passed_on: null, last_review_on: null, institution: null },
      records: lists,
    };
  };
}

fs.mkdirSync(OUT, { recursive: true });
SIZES.forEach(({ name, records, count }, k) => {
  const make = generator(prng(SEED * 3 + k));
  const lines = [];
  for (let i = 1; i <= count; ++i) lines.push(JSON.stringify(make(i, records)));
  const body = `${lines.join('\n')}\n`;
  const file = path.join(OUT, `${name}.jsonl`);
  fs.writeFileSync(file, body);
  const bytes = Buffer.byteLength(body) - lines.length;
  console.log(`${path.relative(process.cwd(), file)}: ${count} enterprises, ~${records} records, ` +
              `${(bytes / count / 1024).toFixed(1)} KiB each on average`);
});
