package dev.ringlet.internal.cql.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Statements drivers, tools and integration tests commonly send: each must parse. */
class RealisticStatementsTest {

  @ParameterizedTest
  @ValueSource(strings = {
    "SELECT release_version FROM system.local",
    "SELECT cluster_name, data_center, rack, tokens, partitioner, schema_version FROM system.local WHERE key='local'",
    "SELECT peer, rpc_address, schema_version FROM system.peers",
    "SELECT * FROM system_schema.columns WHERE keyspace_name = 'ks' AND table_name = 't'",
    "CREATE KEYSPACE IF NOT EXISTS test WITH replication = {'class':'SimpleStrategy','replication_factor':1}",
    "CREATE TABLE test.users (id uuid PRIMARY KEY, name text, emails set<text>, props map<text,text>, scores list<int>, addr frozen<address>)",
    "CREATE TABLE t (k int, c1 int, c2 text, v blob, PRIMARY KEY ((k), c1, c2)) WITH CLUSTERING ORDER BY (c1 DESC, c2 ASC) "
        + "AND default_time_to_live = 100 AND gc_grace_seconds = 0 AND caching = {'keys': 'ALL', 'rows_per_partition': 'NONE'}",
    "CREATE TABLE t (id int PRIMARY KEY, v vector<float, 3>)",
    "CREATE CUSTOM INDEX ann_idx ON t(v) USING 'StorageAttachedIndex' WITH OPTIONS = {'similarity_function': 'cosine'}",
    "SELECT * FROM t ORDER BY v ANN OF [3.4, 7.8, 9.1] LIMIT 1",
    "SELECT similarity_cosine(v, [0.1, 0.2, 0.3]) FROM t",
    "INSERT INTO test.users (id, name) VALUES (uuid(), 'bob') USING TTL 3600",
    "UPDATE test.users SET emails = emails + {'a@b.c'} WHERE id = 62c36092-82a1-3a00-93d1-46196ee77204",
    "SELECT toJson(name), writetime(name), ttl(name) FROM test.users WHERE id IN (?, ?)",
    "SELECT COUNT(*) AS cnt FROM test.users",
    "SELECT avg(v), max(v), min(v), sum(v) FROM t WHERE k = 1 GROUP BY k",
    "INSERT INTO t (k, m) VALUES (1, {'a': 1, 'b': 2}) IF NOT EXISTS",
    "DELETE m['a'] FROM t WHERE k = 1 IF m['b'] = 2",
    "SELECT * FROM t WHERE k = 1 AND c >= 1 AND c < 5 ORDER BY c DESC LIMIT 3",
    "CREATE TYPE IF NOT EXISTS test.address (street text, city text, zip int)",
    "INSERT INTO t (k, addr) VALUES (1, {street: '1 Main', city: 'X', zip: 12345})",
    "INSERT INTO t (k, tup) VALUES (1, (1, 'a'))",
    "INSERT INTO t (k, d) VALUES (1, 1y2mo3w4d5h6m7s8ms9us10ns)",
    "SELECT JSON * FROM t",
    "SELECT DISTINCT k FROM t",
    "BEGIN BATCH INSERT INTO t (k) VALUES (1); UPDATE t SET v = 2 WHERE k = 1; APPLY BATCH",
    "CREATE FUNCTION IF NOT EXISTS ks.fLog (input double) CALLED ON NULL INPUT RETURNS double LANGUAGE java "
        + "AS 'return Double.valueOf(Math.log(input.doubleValue()));'",
    "CREATE AGGREGATE ks.average(int) SFUNC avgState STYPE tuple<int,bigint> FINALFUNC avgFinal INITCOND (0,0)",
    "SELECT * FROM t WHERE token(k) > token(5)",
    "SELECT * FROM t WHERE k = 1 AND v CONTAINS 'x' ALLOW FILTERING",
    "SELECT * FROM t PER PARTITION LIMIT 1",
    "SELECT now(), currentTimestamp(), uuid(), blobAsText(textAsBlob('x')) FROM system.local",
    "INSERT INTO t (k, v, w, f) VALUES (1, 0x, -9223372036854775808, 1.5e-10)",
    "select * from \"MyTable\" where \"Key\" = 'x'",
    "SELECT * FROM t WHERE k = 1 AND (c1, c2) IN ((1, 'a'), (2, 'b'))",
    "UPDATE t SET l[0] = 5 WHERE k = 1",
    "UPDATE ks.t USING TIMESTAMP ? AND TTL ? SET v = ? WHERE k = ? IF v = ?",
    "SELECT l[1..2], m['a'..'c'], a + 1, a * 2 - b / 3 % 4 FROM t",
    "CREATE MATERIALIZED VIEW ks.mv AS SELECT * FROM ks.t WHERE k IS NOT NULL AND c IS NOT NULL PRIMARY KEY (c, k)",
    "ALTER TABLE t WITH comment = 'hi' AND compaction = {'class': 'SizeTieredCompactionStrategy', 'min_threshold': 4}",
    "GRANT SELECT ON KEYSPACE ks TO reader",
    "SELECT token(k), k FROM t WHERE token(k) >= -9223372036854775808 LIMIT 10",
    "  -- leading comment\n SELECT * /* inline */ FROM t ; ;",
    "SELECT * FROM t WHERE k = 1 AND ts > '2020-01-01 00:00:00+0000' AND d < 1h",
  })
  void should_parse_realistic_statement(String cql) {
    assertThat(CqlParser.parse(cql)).isNotNull();
  }
}
