/*
 * `node --import @poppinss/ts-exec bench/admin_subsidies.ts` (after `npm run bench:setup`; wrap it in
 * `flock /tmp/bench.lock`): on the plan-scale database, times 绩效 for every expert and 信息员 of
 * the busiest year (issue 18: ≤ 60 s), then — with a rule that pays everyone, payment data for
 * everyone (sealed as the form seals it) and every county's list proposed and approved — the
 * province-wide payment export (XLSX): rows/s (≥ 10 000) and peak RSS growth (flat).
 * The subsidy rows it writes for that year are removed first, so it can run again;
 * `--export-only` times the export again on the lists a previous run left.
 */
import { spawn } from "node:child_process";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { root, startBenchDatabase } from "./database.js";
import { bootApp, time } from "./app.js";

const { values: flags } = parseArgs({
  options: { "export-only": { type: "boolean", default: false } },
});
const database = await startBenchDatabase();
const migrated = await new Promise<number>((resolve) => {
  const child = spawn(process.execPath, ["ace", "migration:run", "--force"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      NODE_ENV: "development",
    },
    stdio: "inherit",
  });
  child.on("exit", (code) => resolve(code ?? 1));
});
if (migrated !== 0) throw new Error("migration:run failed");
const booted = await bootApp(database.url, { http: false });
try {
  const { default: db } = await import("@adonisjs/lucid/services/db");
  const { actingAs } = await import("../app/core/accounts/acting.js");
  const { maskBankCard, maskIdNumber } =
    await import("../app/core/accounts/mask.js");
  const { RegionScope } = await import("../app/core/regions/region_scope.js");
  const { default: User } = await import("../app/core/accounts/models/user.js");
  const { computePerformance } =
    await import("../app/modules/admin/performance/compute_performance.js");
  const { refreshCaseFacts } =
    await import("../app/modules/experts/statistics/refresh.js");
  const { saveRule, RULE_KINDS } =
    await import("../app/modules/admin/subsidies/subsidy_rules.js");
  const { approveList, proposeList } =
    await import("../app/modules/admin/subsidies/subsidy_lists.js");
  const { exportSubsidies, EXPORT_COLUMNS } =
    await import("../app/modules/admin/subsidies/subsidy_export.js");
  const { idCheckCharacter, passesLuhn } =
    await import("../app/modules/admin/subsidies/payment_numbers.js");
  const { numberIndex, sealNumber } =
    await import("../app/modules/admin/subsidies/payment_vault.js");

  const [factsMs] = await time(() => refreshCaseFacts());
  console.log(
    `facts brought up to date first: ${(factsMs / 1000).toFixed(1)} s`,
  );
  const { rows } = await db.rawQuery(
    `SELECT extract(year FROM created_at AT TIME ZONE 'Asia/Shanghai')::int AS year FROM experts_case_facts GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
  );
  const year = rows[0].year as number;
  const admin = await User.query()
    .whereHas("roleGrants", (query) =>
      query.where("role", "platform_admin").where("scope", "51"),
    )
    .firstOrFail();
  const acting = await actingAs(admin, null);
  if (!flags["export-only"]) await prepare();

  async function prepare() {
    const [ms, computed] = await time(() => computePerformance(year));
    console.log(
      `performance ${year}, every expert and 信息员 of the province: ${computed.people} people in ${(ms / 1000).toFixed(1)} s`,
    );

    // The export's data: rules that pay everyone, payment data for everyone, every county's list approved.
    await db.from("admin_subsidy_lists").where("year", year).delete();
    await db.from("admin_subsidy_rules").where("year", year).delete();
    for (const kind of RULE_KINDS)
      await saveRule(acting, {
        year,
        kind,
        minValid: 0,
        minRatingTenths: null,
        maxMissed: null,
        baseFen: 50_000,
        perValidFen: 1_000,
        maxFen: 500_000,
        reason: "bench",
      });
    const people = await db
      .from("admin_performance_figures")
      .where("year", year)
      .select("user_id", "county_code");
    const [sealMs] = await time(async () => {
      await db.from("admin_subsidy_payees").delete();
      for (let start = 0; start < people.length; start += 2000) {
        const batch = people
          .slice(start, start + 2000)
          .map((person, offset) => {
            const i = start + offset;
            const birth = new Date(
              Date.UTC(1960, 0, 1) + Math.floor(i / 900) * 86_400_000,
            )
              .toISOString()
              .slice(0, 10)
              .replaceAll("-", "");
            const first17 = `${person.county_code}${birth}${String(i % 900).padStart(3, "0")}`;
            const idNumber = first17 + idCheckCharacter(first17);
            let card = `622202${String(i).padStart(12, "0")}`;
            for (let digit = 0; digit < 10; digit++)
              if (passesLuhn(card.slice(0, 18) + digit))
                card = card.slice(0, 18) + digit;
            return {
              user_id: person.user_id,
              county_code: person.county_code,
              holder_name: "bench",
              bank_name: "农商银行",
              id_number_sealed: sealNumber("id_number", idNumber),
              id_number_index: numberIndex("id_number", idNumber),
              id_number_masked: maskIdNumber(idNumber),
              card_sealed: sealNumber("bank_card", card),
              card_index: numberIndex("bank_card", card),
              card_masked: maskBankCard(card),
              updated_at: new Date(),
            };
          });
        await db.table("admin_subsidy_payees").multiInsert(batch);
      }
    });
    console.log(
      `payment data sealed for ${people.length} people in ${(sealMs / 1000).toFixed(1)} s`,
    );
    const counties = [...new Set(people.map((person) => person.county_code))];
    const [listsMs] = await time(async () => {
      for (const county of counties)
        await approveList(
          acting,
          await proposeList(acting, { year, countyCode: county }),
        );
    });
    console.log(
      `${counties.length} county lists proposed and approved in ${(listsMs / 1000).toFixed(1)} s`,
    );
  }

  const labels = {
    columns: Object.fromEntries(
      EXPORT_COLUMNS.map((column) => [column, column]),
    ) as any,
    kinds: {},
    sheet: "subsidies",
  };
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(
    () => (peak = Math.max(peak, process.memoryUsage().rss)),
    20,
  );
  let bytes = 0;
  const [exportMs] = await time(async () =>
    pipeline(
      await exportSubsidies(acting, {
        year,
        region: RegionScope.province,
        labels,
      }),
      new Writable({
        write: (chunk, _encoding, next) => ((bytes += chunk.length), next()),
      }),
    ),
  );
  clearInterval(sampler);
  const { rows: audited } = await db.rawQuery(
    `SELECT changes->'rows'->>'new' AS n FROM audit_log WHERE action = 'subsidies.export' ORDER BY id DESC LIMIT 1`,
  );
  const n = Number(audited[0].n);
  console.log(
    `subsidy export xlsx, province, ${year}: ${n} rows, ${(bytes / 1048576).toFixed(1)} MB in ${(exportMs / 1000).toFixed(2)} s = ${Math.round(n / (exportMs / 1000))} rows/s, peak RSS growth ${((peak - before) / 1048576).toFixed(1)} MB`,
  );
} finally {
  await booted.stop();
  await database.stop();
}
