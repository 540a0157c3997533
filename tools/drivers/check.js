'use strict';
/*
 * Cross-driver check, Node.js driver (npm cassandra-driver).
 *
 * Connects to one node (--mode node) or a cluster (--mode cluster) and prints a normalized
 * transcript: what the driver saw, with addresses, ids and times left out, so the same script's
 * output against Apache Cassandra 5.0 and against Ringlet can be compared line by line.
 *
 *   NODE_PATH=<dir with cassandra-driver> node tools/drivers/check.js --host 127.0.0.1 --port 9042 [--mode cluster]
 *
 * In cluster mode the script asks its caller to stop and start a node: it prints "@@ stop <address>"
 * (or "@@ start <address>") and waits for one line on stdin before it watches for the driver's event.
 * The driver has no compression support (lz4/snappy are not offered by it) and speaks up to v4.
 */
const cassandra = require('cassandra-driver');
const readline = require('readline');
const types = cassandra.types;

const KS = 'drivers_node';
const args = { host: '127.0.0.1', port: 9042, mode: 'node' };
for (let i = 2; i < process.argv.length; i += 2) {
  args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
}
args.port = Number(args.port);

function out(...parts) {
  process.stdout.write(parts.map(String).join(' ') + '\n');
}

function section(title) {
  out('');
  out('==', title);
}

/** A value as a stable string: sets and maps sorted, UDT objects by field name. */
function fmt(v) {
  if (v === null || v === undefined) return 'null';
  if (Buffer.isBuffer(v)) return '0x' + v.toString('hex');
  if (v instanceof types.Tuple) return '(' + v.values().map(fmt).join(', ') + ')';
  if (v instanceof types.Vector) return 'Vector[' + Array.from(v).map(fmt).join(', ') + ']';
  if (Array.isArray(v)) return '[' + v.map(fmt).join(', ') + ']';
  if (v instanceof Date) return 'Date:' + v.toISOString();
  if (typeof v === 'number') return 'number:' + String(v);
  if (typeof v === 'string') return 'string:' + v;
  if (typeof v === 'boolean') return 'boolean:' + v;
  if (v instanceof Map) return '{' + Array.from(v.entries()).map(([k, x]) => fmt(k) + ': ' + fmt(x)).sort().join(', ') + '}';
  if (v instanceof Set) return '{' + Array.from(v).map(fmt).sort().join(', ') + '}';
  if (v.constructor === Object) {
    return '{' + Object.keys(v).sort().map((k) => k + '=' + fmt(v[k])).join(', ') + '}';
  }
  return v.constructor.name + ':' + v.toString();
}

function error(e) {
  let s = e.constructor.name;
  if (e.code !== undefined) s += ' code=0x' + e.code.toString(16);
  if (e.innerErrors) {
    return s + ': ' + Object.keys(e.innerErrors).map((h) => error(e.innerErrors[h])).join('; ');
  }
  return s + ': ' + e.message;
}

async function attempt(label, fn) {
  try {
    out(label, '->', await fn());
  } catch (e) {
    out(label, '-> error', error(e));
  }
}

function client(extra) {
  return new cassandra.Client(Object.assign({
    contactPoints: [args.host],
    protocolOptions: { port: args.port },
    localDataCenter: 'datacenter1',
    policies: {
      loadBalancing: new cassandra.policies.loadBalancing.RoundRobinPolicy(),
      reconnection: new cassandra.policies.reconnection.ConstantReconnectionPolicy(200),
    },
  }, extra || {}));
}

async function protocol() {
  section('protocol negotiation');
  let c = client();
  await c.connect();
  out('negotiated protocol version:', c.controlConnection.protocolVersion);
  const row = (await c.execute('SELECT cluster_name, release_version, partitioner FROM system.local')).first();
  out('cluster_name:', row.cluster_name, '| release 5.0:', row.release_version.startsWith('5.0'),
    '| partitioner:', row.partitioner);
  await c.shutdown();
  for (const v of [4, 3]) {
    c = client({ protocolOptions: { port: args.port, maxVersion: v } });
    await c.connect();
    out('pinned v' + v + ':', c.controlConnection.protocolVersion,
      (await c.execute('SELECT key FROM system.local')).first().key);
    await c.shutdown();
  }
}

async function typesSection(c) {
  section('prepared statements with every type');
  await c.execute(`CREATE TYPE ${KS}.address (street text, zip int, tags frozen<set<text>>)`);
  await c.execute(`CREATE TABLE ${KS}.everything (k int PRIMARY KEY, a ascii, b bigint, bl blob, bo boolean,
    d date, de decimal, db double, du duration, f float, i inet, it int, sm smallint, t text,
    tm time, ts timestamp, tu timeuuid, ti tinyint, u uuid, vc varchar, vi varint,
    l list<int>, st set<text>, m map<text, int>, fl frozen<list<int>>, tp tuple<int, text>,
    ad address, fad frozen<address>, la list<frozen<address>>, v vector<float, 3>,
    nested map<text, frozen<list<tuple<int, text>>>>)`);
  const cols = 'k, a, b, bl, bo, d, de, db, du, f, i, it, sm, t, tm, ts, tu, ti, u, vc, vi, l, st, m, fl, tp, ad, fad, la, v, nested';
  const ins = `INSERT INTO ${KS}.everything (${cols}) VALUES (${cols.split(', ').map(() => '?').join(', ')})`;
  const addr = { street: 'Main', zip: 12345, tags: ['x', 'y'] };
  await c.execute(ins, [1, 'ascii', types.Long.fromString('-9223372036854775808'), Buffer.from([0, 255]), true,
    types.LocalDate.fromString('2024-02-29'), types.BigDecimal.fromString('-12.3400'), 1.5,
    new types.Duration(1, 2, types.Long.fromString('3000000004')), 0.25, types.InetAddress.fromString('::1'),
    2147483647, -32768, 'héllo ✓', types.LocalTime.fromString('23:59:59.999999'),
    new Date(Date.UTC(2038, 0, 19, 3, 14, 7, 123)), types.TimeUuid.fromString('d2177dd0-eaa2-11de-a572-001b779c76e3'),
    127, types.Uuid.fromString('00000000-0000-4000-8000-000000000001'), 'varchar',
    types.Integer.fromString('12345678901234567890123'), [3, 1, 2], ['a', 'b'], { k1: 1, k2: 2 }, [7, 7],
    new types.Tuple(1, 'one'), addr, addr, [addr], new types.Vector(new Float32Array([1.0, -2.5, 3.25]), 'float'),
    { n: [new types.Tuple(1, 'a'), new types.Tuple(2, null)] }], { prepare: true });
  await c.execute(ins, [2].concat(new Array(30).fill(null)), { prepare: true });
  const sel = `SELECT * FROM ${KS}.everything WHERE k = ?`;
  for (const k of [1, 2]) {
    const rs = await c.execute(sel, [k], { prepare: true });
    if (k === 1) {
      out('result columns:', rs.columns.map((col) => col.name + ' ' + typeName(col.type)).join(', '));
    }
    const row = rs.first();
    for (const name of Object.keys(row).sort()) out(`  k=${k} ${name} = ${fmt(row[name])}`);
  }
  await attempt('select k=3 (no row)', async () => fmt((await c.execute(sel, [3], { prepare: true })).first()));
  out('select json:', (await c.execute(`SELECT JSON k, l, m, tp, fad, du FROM ${KS}.everything WHERE k = 1`)).first()['[json]']);
  await attempt('bind a wrong type', async () => (await c.execute(sel, ['one'], { prepare: true })).rowLength);
}

function typeName(t) {
  const name = types.getDataTypeNameByCode(t);
  if (t.code === types.dataTypes.udt) return 'udt<' + t.info.name + '>';
  if (t.code === types.dataTypes.custom) return 'custom<' + (t.customTypeName || t.info) + '>';
  return name;
}

async function paging(c) {
  section('paging');
  await c.execute(`CREATE TABLE ${KS}.paged (p int, c int, v text, PRIMARY KEY (p, c))`);
  const ins = `INSERT INTO ${KS}.paged (p, c, v) VALUES (?, ?, ?)`;
  for (let p = 0; p < 3; p++) for (let k = 0; k < 9; k++) await c.execute(ins, [p, k, `v${p}.${k}`], { prepare: true });
  const pages = [];
  let state;
  do {
    const rs = await c.execute(`SELECT p, c FROM ${KS}.paged`, [], { fetchSize: 10, pageState: state });
    pages.push(rs.rows.map((r) => [r.p, r.c]));
    state = rs.pageState;
  } while (state);
  out('pages of 10:', JSON.stringify(pages.map((p) => p.length)), 'first:', JSON.stringify(pages[0].slice(0, 3)),
    'last:', JSON.stringify(pages[pages.length - 1].slice(-2)));
  const rows = [];
  for await (const r of await c.execute(`SELECT c FROM ${KS}.paged WHERE p = ?`, [2], { prepare: true, fetchSize: 4 })) {
    rows.push(r.c);
  }
  out('prepared, all rows through pages:', JSON.stringify(rows));
}

async function batches(c) {
  section('batches');
  await c.execute(`CREATE TABLE ${KS}.counters (k int PRIMARY KEY, n counter)`);
  const ins = `INSERT INTO ${KS}.paged (p, c, v) VALUES (?, ?, ?)`;
  let rs = await c.batch([{ query: ins, params: [10, 1, 'a'] }, `INSERT INTO ${KS}.paged (p, c, v) VALUES (10, 2, 'b')`,
    { query: ins, params: [11, 1, 'c'] }], { prepare: true });
  out('logged batch: warnings', JSON.stringify(rs.info.warnings || null));
  rs = await c.batch([20, 21, 22].map((p) => ({ query: ins, params: [p, 0, 'u'] })), { prepare: true, logged: false });
  out('unlogged batch over 3 partitions: warnings', JSON.stringify(rs.info.warnings || null));
  const up = `UPDATE ${KS}.counters SET n = n + ? WHERE k = ?`;
  await c.batch([{ query: up, params: [types.Long.fromNumber(5), 1] }, { query: up, params: [types.Long.fromNumber(-2), 1] }],
    { prepare: true, counter: true });
  out('counter batch:', fmt((await c.execute(`SELECT n FROM ${KS}.counters WHERE k = 1`)).first().n));
  await attempt('counter batch with an insert', () => c.batch([{ query: ins, params: [30, 0, 'x'] }], { prepare: true, counter: true }));
}

function fmtRow(row) {
  if (!row) return 'null';
  return '{' + Object.keys(row).map((k) => k + '=' + fmt(row[k])).join(', ') + '}';
}

async function lwt(c) {
  section('lightweight transactions');
  await c.execute(`CREATE TABLE ${KS}.accounts (id int PRIMARY KEY, owner text, balance int)`);
  const q = `INSERT INTO ${KS}.accounts (id, owner, balance) VALUES (?, ?, ?) IF NOT EXISTS`;
  for (const n of [1, 2]) {
    const rs = await c.execute(q, [1, 'ann', 100], { prepare: true });
    out(`insert if not exists #${n}: applied=${rs.wasApplied()} row=${fmtRow(rs.first())}`);
  }
  for (const expected of [90, 100]) {
    const rs = await c.execute(`UPDATE ${KS}.accounts SET balance = 50 WHERE id = 1 IF balance = ${expected}`);
    out(`update if balance = ${expected}: applied=${rs.wasApplied()} row=${fmtRow(rs.first())}`);
  }
  const rs = await c.execute(`DELETE FROM ${KS}.accounts WHERE id = 2 IF EXISTS`);
  out(`delete missing if exists: applied=${rs.wasApplied()} row=${fmtRow(rs.first())}`);
  out('serial read:', fmtRow((await c.execute(`SELECT * FROM ${KS}.accounts WHERE id = 1`, [],
    { consistency: types.consistencies.serial })).first()));
}

async function errors(c) {
  section('errors as driver exceptions');
  await attempt('syntax', () => c.execute('SELEC * FROM system.local'));
  await attempt('unknown table', () => c.execute(`SELECT * FROM ${KS}.nope`));
  await attempt('unknown keyspace', () => c.execute('SELECT * FROM nope.t'));
  await attempt('already exists', () => c.execute(`CREATE TABLE ${KS}.accounts (id int PRIMARY KEY)`));
  await attempt('bad replication', () => c.execute("CREATE KEYSPACE bad_ks WITH replication = {'class': 'NoSuchStrategy'}"));
  await attempt('filtering', () => c.execute(`SELECT * FROM ${KS}.accounts WHERE owner = 'x'`));
  await attempt('prepare error', () => c.execute(`SELECT nope FROM ${KS}.accounts WHERE id = ?`, [1], { prepare: true }));
  await c.execute("CREATE KEYSPACE IF NOT EXISTS drivers_node_rf3 WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
  await c.execute('CREATE TABLE IF NOT EXISTS drivers_node_rf3.t (k int PRIMARY KEY, v int)');
  await attempt('quorum at rf 3 on one node', () => c.execute('INSERT INTO drivers_node_rf3.t (k, v) VALUES (1, 1)', [],
    { consistency: types.consistencies.quorum }));
  await attempt('read at ALL', () => c.execute('SELECT * FROM drivers_node_rf3.t WHERE k = 1', [],
    { consistency: types.consistencies.all }));
  await c.execute('DROP KEYSPACE drivers_node_rf3');
  await attempt('invalid value', () => c.execute(`INSERT INTO ${KS}.accounts (id, balance) VALUES (1, 'x')`));
  await attempt('truncate unknown', () => c.execute(`TRUNCATE ${KS}.nope`));
}

async function warnings(c) {
  section('warnings');
  const rs = await c.execute("CREATE KEYSPACE drivers_node_warn WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 2}");
  out('rf above node count: warnings', JSON.stringify(rs.info.warnings || null));
  await c.execute('DROP KEYSPACE drivers_node_warn');
}

async function metadata(c) {
  section('schema metadata of the driver');
  await c.metadata.refreshKeyspaces();
  const ks = c.metadata.keyspaces[KS];
  out('keyspace:', ks.name, ks.strategy, JSON.stringify(ks.strategyOptions), 'durable', ks.durableWrites);
  const udt = await c.metadata.getUdt(KS, 'address');
  out('udt address:', udt.fields.map((f) => f.name + ' ' + typeName(f.type)).join(', '));
  for (const name of ['everything', 'paged', 'accounts', 'counters']) {
    const t = await c.metadata.getTable(KS, name);
    out(`table ${name}: partition key`, JSON.stringify(t.partitionKeys.map((col) => col.name)),
      'clustering', JSON.stringify(t.clusteringKeys.map((col) => col.name)), 'order', JSON.stringify(t.clusteringOrder));
    out('  columns:', t.columns.map((col) => col.name + ' ' + typeName(col.type) + (col.isStatic ? ' static' : '')).join(', '));
    out('  options: gc_grace', t.gcGraceSeconds, 'ttl', t.defaultTtl, 'bloom', t.bloomFilterFalsePositiveChance,
      'caching', t.caching, 'compaction', t.compactionClass, JSON.stringify(t.compactionOptions),
      'compression', JSON.stringify(t.compression), 'speculative', t.speculativeRetry, 'crc', t.crcCheckChance,
      'read_repair', t.readRepair, 'extensions', JSON.stringify(t.extensions));
  }
  out('system keyspaces known:', JSON.stringify(Object.keys(c.metadata.keyspaces).filter((k) => k.startsWith('system')).sort()));
  out('token map: replicas of key 1 =', c.metadata.getReplicas(KS, Buffer.from([0, 0, 0, 1])).length);
}

async function useKeyspace() {
  section('USE keyspace');
  const c = client({ keyspace: KS });
  await c.connect();
  out('connect(ks) keyspace:', c.keyspace);
  out('unqualified read:', fmtRow((await c.execute('SELECT owner FROM accounts WHERE id = 1')).first()));
  await c.execute('USE system');
  out('after USE system:', c.keyspace, (await c.execute('SELECT key FROM local')).first().key);
  await attempt('USE unknown', () => c.execute('USE nope'));
  await c.shutdown();
}

async function tracing(c) {
  section('tracing');
  const rs = await c.execute(`SELECT * FROM ${KS}.accounts WHERE id = 1`, [], { traceQuery: true });
  // The driver's getTrace polls system_traces until the session has a duration; bounded here.
  const timeout = new Promise((resolve, reject) => setTimeout(() => reject(new Error('no trace within 10 s')), 10000).unref());
  try {
    const trace = await Promise.race([c.metadata.getTrace(rs.info.traceId), timeout]);
    const params = trace.parameters || {};
    out('trace: has duration', trace.duration !== null, '| parameters',
      JSON.stringify(Object.keys(params).sort()), '| query', params.query, '| events > 0', trace.events.length > 0,
      '| coordinator known', trace.coordinator !== null);
  } catch (e) {
    out('trace -> error', error(e));
  }
}

async function schemaEvents(c) {
  section('schema events');
  await c.execute(`CREATE TABLE ${KS}.late (k int PRIMARY KEY)`);
  out('new table in metadata:', (await c.metadata.getTable(KS, 'late')) !== null);
  await c.execute(`ALTER TABLE ${KS}.late ADD v text`);
  out('altered columns:', JSON.stringify((await c.metadata.getTable(KS, 'late')).columns.map((col) => col.name).sort()));
  await c.execute(`DROP TABLE ${KS}.late`);
  out('dropped:', (await c.metadata.getTable(KS, 'late')) === null);
}

async function nodeMode() {
  await protocol();
  const c = client();
  await c.connect();
  await c.execute(`DROP KEYSPACE IF EXISTS ${KS}`);
  await c.execute(`CREATE KEYSPACE ${KS} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}`);
  out('hosts:', c.hosts.length, 'datacenter:', JSON.stringify(Array.from(new Set(c.hosts.values().map((h) => h.datacenter)))));
  await typesSection(c);
  await paging(c);
  await batches(c);
  await lwt(c);
  await errors(c);
  await warnings(c);
  await metadata(c);
  await useKeyspace();
  await tracing(c);
  await schemaEvents(c);
  await c.execute(`DROP KEYSPACE ${KS}`);
  await c.shutdown();
  section('done');
}

const lines = readline.createInterface({ input: process.stdin });
const pending = [];
lines.on('line', () => { const r = pending.shift(); if (r) r(); });
function ask(what) {
  out('@@', what);
  return new Promise((resolve) => pending.push(resolve));
}

function waitFor(label, predicate) {
  return new Promise((resolve) => {
    const started = Date.now();
    const tick = () => {
      if (predicate()) { out(label, '-> yes'); resolve(); return; }
      if (Date.now() - started > 30000) { out(label, '-> NO (waited 30s)'); resolve(); return; }
      setTimeout(tick, 50);
    };
    tick();
  });
}

async function clusterMode() {
  section('cluster: discovery');
  const c = client();
  await c.connect();
  const hosts = c.hosts.values().slice().sort((a, b) => a.address.localeCompare(b.address));
  const names = new Map(hosts.map((h, i) => [h.address, 'node' + (i + 1)]));
  out('negotiated protocol version:', c.controlConnection.protocolVersion);
  out('hosts:', hosts.length, JSON.stringify(hosts.map((h) => [names.get(h.address), h.datacenter, h.rack, h.isUp()])));
  out('every host has tokens:', hosts.every((h) => h.tokens && h.tokens.length > 0));
  await c.execute(`DROP KEYSPACE IF EXISTS ${KS}`);
  await c.execute(`CREATE KEYSPACE ${KS} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}`);
  await c.execute(`CREATE TABLE ${KS}.t (k int PRIMARY KEY, v text)`);
  const coordinators = new Set();
  for (let k = 0; k < 12; k++) {
    const rs = await c.execute(`INSERT INTO ${KS}.t (k, v) VALUES (?, ?)`, [k, 'v' + k],
      { prepare: true, consistency: types.consistencies.quorum });
    coordinators.add(rs.info.queriedHost);
  }
  out('writes at QUORUM coordinated by', coordinators.size, 'nodes');
  out('count at ALL:', fmt((await c.execute(`SELECT count(*) FROM ${KS}.t`, [], { consistency: types.consistencies.all })).first().count));
  out('replicas of a key:', c.metadata.getReplicas(KS, Buffer.from([0, 0, 0, 1])).length);
  out('system.peers rows:', (await c.execute('SELECT peer FROM system.peers')).rowLength);
  out('system.peers_v2 rows:', (await c.execute('SELECT peer FROM system.peers_v2')).rowLength);

  section('cluster: topology events');
  const control = c.controlConnection.host.address;
  const victim = hosts.filter((h) => h.address !== control).pop();
  const victimAddress = victim.address.replace(/:\d+$/, ''); // host.address is ip:port
  await ask('stop ' + victimAddress);
  await waitFor(`driver marks ${names.get(victim.address)} down`, () => !victim.isUp());
  await attempt('count at ALL with a node down', async () => fmt((await c.execute(`SELECT count(*) FROM ${KS}.t`, [],
    { consistency: types.consistencies.all })).first().count));
  await attempt('count at QUORUM with a node down', async () => fmt((await c.execute(`SELECT count(*) FROM ${KS}.t`, [],
    { consistency: types.consistencies.quorum })).first().count));
  await ask('start ' + victimAddress);
  await waitFor(`driver marks ${names.get(victim.address)} up`, () => victim.isUp());
  await c.execute(`DROP KEYSPACE ${KS}`);
  await c.shutdown();
  section('done');
}

out('node.js driver', require('cassandra-driver/package.json').version);
// Exits explicitly: stdin, kept open by the caller for the "@@" answers, would keep node running.
(args.mode === 'cluster' ? clusterMode() : nodeMode()).then(() => process.exit(0), (e) => {
  out('FAILED', error(e), e.stack);
  process.exit(1);
});
