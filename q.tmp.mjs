import { DuckDBInstance } from '@duckdb/node-api';
const i = await DuckDBInstance.create('out/survey.duckdb', { access_mode: 'READ_ONLY' });
const c = await i.connect();
const r = await c.runAndReadAll(process.argv[2]);
for (const row of r.getRowObjectsJson()) console.log(Object.values(row).map(v => typeof v === 'number' ? Math.round(v*1000)/1000 : v).join(' | '));
