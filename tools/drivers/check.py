#!/usr/bin/python3
"""Cross-driver check, Python driver (python3-cassandra, the driver cqlsh uses).

Connects to one node (--mode node) or a cluster (--mode cluster) and prints a normalized
transcript: what the driver saw, with addresses, ids and times replaced by stable names, so the
same script's output against Apache Cassandra 5.0 and against Ringlet can be compared line by line.

  /usr/bin/python3 tools/drivers/check.py --host 127.0.0.1 --port 9042 [--mode node|cluster]

In cluster mode the script asks its caller to stop and start a node: it prints "@@ stop <address>"
(or "@@ start <address>") and waits for one line on stdin before it watches for the driver's event.
"""
import argparse
import datetime
import decimal
import ipaddress
import struct
import sys
import time
import uuid

from cassandra import ConsistencyLevel, ProtocolVersion
from cassandra.cluster import NoHostAvailable, Cluster, ExecutionProfile, EXEC_PROFILE_DEFAULT
from cassandra.policies import RoundRobinPolicy, ConstantReconnectionPolicy
from cassandra.query import BatchStatement, BatchType, SimpleStatement, dict_factory
from cassandra.util import Duration, SortedSet
import cassandra

KS = "drivers_py"


def out(*parts):
    print(" ".join(str(p) for p in parts), flush=True)


def fmt(v):
    """A value as a stable string: sets and maps sorted, floats with repr, UDTs with their fields."""
    if v is None:
        return "null"
    if isinstance(v, (list, tuple)) and hasattr(v, "_fields"):
        return type(v).__name__ + "{" + ", ".join(f + "=" + fmt(getattr(v, f)) for f in v._fields) + "}"
    if isinstance(v, (set, frozenset)) or type(v).__name__ in ("SortedSet", "OrderedSet"):
        return "{" + ", ".join(sorted(fmt(x) for x in v)) + "}"
    if isinstance(v, dict) or type(v).__name__ in ("OrderedMap", "OrderedMapSerializedKey"):
        return "{" + ", ".join(sorted(fmt(k) + ": " + fmt(x) for k, x in v.items())) + "}"
    if isinstance(v, tuple):
        return "(" + ", ".join(fmt(x) for x in v) + ")"
    if isinstance(v, list):
        return "[" + ", ".join(fmt(x) for x in v) + "]"
    if isinstance(v, (bytes, bytearray)):
        return "0x" + bytes(v).hex()
    if isinstance(v, float):
        return repr(v)
    return type(v).__name__ + ":" + str(v)


def error(e):
    name = type(e).__name__
    if isinstance(e, NoHostAvailable):  # each host's error, without the host (addresses differ per run)
        return name + ": " + "; ".join(error(x) for x in e.errors.values())
    msg = getattr(e, "message", None) or str(e)
    return name + ": " + str(msg)


def attempt(label, fn):
    try:
        r = fn()
        out(label, "->", r)
    except Exception as e:  # every driver exception is printed as its type and message
        out(label, "-> error", error(e))


def profile(**kw):
    return {EXEC_PROFILE_DEFAULT: ExecutionProfile(load_balancing_policy=RoundRobinPolicy(), **kw)}


def connect(host, port, **kw):
    c = Cluster([host], port=port, execution_profiles=profile(),
                reconnection_policy=ConstantReconnectionPolicy(0.2, None), **kw)
    return c, c.connect()


def section(title):
    print("%.1f %s" % (time.time(), title), file=sys.stderr, flush=True)
    out("")
    out("==", title)


def protocol(host, port):
    section("protocol negotiation")
    c, s = connect(host, port)
    out("negotiated protocol version:", c.protocol_version)
    row = s.execute("SELECT cluster_name, release_version, partitioner FROM system.local").one()
    out("cluster_name:", row.cluster_name, "| release 5.0:", row.release_version.startswith("5.0"),
        "| partitioner:", row.partitioner)
    c.shutdown()
    for v in (4, 3):
        c, s = connect(host, port, protocol_version=v)
        out("pinned v%d:" % v, s.execute("SELECT key FROM system.local").one().key)
        c.shutdown()
    for comp in ("lz4", "snappy"):
        try:
            c, s = connect(host, port, compression=comp)
            out(comp, "compression: protocol", c.protocol_version, "->",
                s.execute("SELECT key FROM system.local").one().key)
            c.shutdown()
        except Exception as e:
            out(comp, "compression -> error", error(e))


def types(s):
    section("prepared statements with every type")
    s.execute("CREATE TYPE %s.address (street text, zip int, tags frozen<set<text>>)" % KS)
    s.execute("""CREATE TABLE %s.everything (k int PRIMARY KEY, a ascii, b bigint, bl blob, bo boolean,
        d date, de decimal, db double, du duration, f float, i inet, it int, sm smallint, t text,
        tm time, ts timestamp, tu timeuuid, ti tinyint, u uuid, vc varchar, vi varint,
        l list<int>, st set<text>, m map<text, int>, fl frozen<list<int>>, tp tuple<int, text>,
        ad address, fad frozen<address>, la list<frozen<address>>, v vector<float, 3>,
        nested map<text, frozen<list<tuple<int, text>>>>)""" % KS)
    ins = s.prepare("""INSERT INTO %s.everything (k, a, b, bl, bo, d, de, db, du, f, i, it, sm, t, tm, ts,
        tu, ti, u, vc, vi, l, st, m, fl, tp, ad, fad, la, v, nested)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""" % KS)
    out("bind variables:", ", ".join(c.name + " " + c.type.cql_parameterized_type() for c in ins.column_metadata))
    # A UDT value binds as a tuple of its fields in order; 3.25 predates vector<>: it sees a custom
    # type and takes (and returns) the serialized bytes, three big-endian floats.
    # Sets are passed sorted: the driver writes a Python set in hash order, which varies per process.
    addr = ("Main", 12345, SortedSet(["x", "y"]))
    vector = struct.pack(">fff", 1.0, -2.5, 3.25)
    s.execute(ins, (1, "ascii", -9223372036854775808, b"\x00\xff", True, datetime.date(2024, 2, 29),
                    decimal.Decimal("-12.3400"), 1.5, Duration(1, 2, 3000000004), 0.25,
                    ipaddress.ip_address("::1"), 2147483647, -32768, "héllo ✓",
                    datetime.time(23, 59, 59, 999999), datetime.datetime(2038, 1, 19, 3, 14, 7, 123000),
                    uuid.UUID("d2177dd0-eaa2-11de-a572-001b779c76e3"), 127,
                    uuid.UUID("00000000-0000-4000-8000-000000000001"), "varchar", 12345678901234567890123,
                    [3, 1, 2], SortedSet(["b", "a"]), {"k1": 1, "k2": 2}, [7, 7], (1, "one"),
                    addr, addr, [addr], vector, {"n": [(1, "a"), (2, None)]}))
    s.execute(ins, [2] + [None] * 30)
    sel = s.prepare("SELECT * FROM %s.everything WHERE k = ?" % KS)
    for k in (1, 2):
        row = s.execute(sel, (k,)).one()
        for name in sorted(row._fields):
            out("  k=%d %s = %s" % (k, name, fmt(getattr(row, name))))
    attempt("select k=3 (no row)", lambda: s.execute(sel, (3,)).one())
    out("select json:", s.execute("SELECT JSON k, l, m, tp, fad, du FROM %s.everything WHERE k = 1" % KS).one()[0])
    attempt("bind a wrong type", lambda: s.execute(sel, ("one",)))


def paging(s):
    section("paging")
    s.execute("CREATE TABLE %s.paged (p int, c int, v text, PRIMARY KEY (p, c))" % KS)
    ins = s.prepare("INSERT INTO %s.paged (p, c, v) VALUES (?, ?, ?)" % KS)
    for p in range(3):
        for c in range(9):
            s.execute(ins, (p, c, "v%d.%d" % (p, c)))
    st = SimpleStatement("SELECT p, c FROM %s.paged" % KS, fetch_size=10)
    rs = s.execute(st)
    pages = []
    while True:
        pages.append([(r.p, r.c) for r in rs.current_rows])
        if not rs.has_more_pages:
            break
        rs.fetch_next_page()
    out("pages of 10:", [len(p) for p in pages], "first:", pages[0][:3], "last:", pages[-1][-2:])
    st = SimpleStatement("SELECT c FROM %s.paged WHERE p = 1" % KS, fetch_size=3)
    rs = s.execute(st)
    state = rs.paging_state
    rs2 = s.execute(st, paging_state=state)
    out("resume with paging_state:", [r.c for r in rs2.current_rows])
    sel = s.prepare("SELECT c, v FROM %s.paged WHERE p = ?" % KS)
    sel.fetch_size = 4
    out("prepared, all rows through pages:", [r.c for r in s.execute(sel, (2,))])


def batches(s):
    section("batches")
    s.execute("CREATE TABLE %s.counters (k int PRIMARY KEY, n counter)" % KS)
    ins = s.prepare("INSERT INTO %s.paged (p, c, v) VALUES (?, ?, ?)" % KS)
    b = BatchStatement(batch_type=BatchType.LOGGED)
    b.add(ins, (10, 1, "a"))
    b.add(SimpleStatement("INSERT INTO %s.paged (p, c, v) VALUES (10, 2, 'b')" % KS))
    b.add(ins, (11, 1, "c"))
    rs = s.execute(b)
    out("logged batch: warnings", rs.response_future.warnings)
    b = BatchStatement(batch_type=BatchType.UNLOGGED)
    for p in (20, 21, 22):
        b.add(ins, (p, 0, "u"))
    rs = s.execute(b)
    out("unlogged batch over 3 partitions: warnings", rs.response_future.warnings)
    b = BatchStatement(batch_type=BatchType.COUNTER)
    up = s.prepare("UPDATE %s.counters SET n = n + ? WHERE k = ?" % KS)
    b.add(up, (5, 1))
    b.add(up, (-2, 1))
    s.execute(b)
    out("counter batch:", s.execute("SELECT n FROM %s.counters WHERE k = 1" % KS).one().n)
    out("rows:", sorted((r.p, r.c, r.v) for r in s.execute("SELECT * FROM %s.paged WHERE p IN (10, 11, 20, 21, 22)" % KS)))
    b = BatchStatement(batch_type=BatchType.COUNTER)
    b.add(ins, (30, 0, "x"))
    attempt("counter batch with an insert", lambda: s.execute(b))


def lwt(s):
    section("lightweight transactions")
    s.execute("CREATE TABLE %s.accounts (id int PRIMARY KEY, owner text, balance int)" % KS)
    q = s.prepare("INSERT INTO %s.accounts (id, owner, balance) VALUES (?, ?, ?) IF NOT EXISTS" % KS)
    for attempt_no in (1, 2):
        rs = s.execute(q, (1, "ann", 100))
        out("insert if not exists #%d: applied=%s row=%s" % (attempt_no, rs.was_applied, fmt_row(rs.one())))
    rs = s.execute("UPDATE %s.accounts SET balance = 50 WHERE id = 1 IF balance = 90" % KS)
    out("update if balance = 90: applied=%s row=%s" % (rs.was_applied, fmt_row(rs.one())))
    rs = s.execute("UPDATE %s.accounts SET balance = 50 WHERE id = 1 IF balance = 100" % KS)
    out("update if balance = 100: applied=%s row=%s" % (rs.was_applied, fmt_row(rs.one())))
    rs = s.execute("DELETE FROM %s.accounts WHERE id = 2 IF EXISTS" % KS)
    out("delete missing if exists: applied=%s row=%s" % (rs.was_applied, fmt_row(rs.one())))
    st = SimpleStatement("SELECT * FROM %s.accounts WHERE id = 1" % KS, consistency_level=ConsistencyLevel.SERIAL)
    out("serial read:", fmt_row(s.execute(st).one()))


def fmt_row(row):
    if row is None:
        return "null"
    return "{" + ", ".join(f + "=" + fmt(getattr(row, f)) for f in row._fields) + "}"


def errors(s):
    section("errors as driver exceptions")
    attempt("syntax", lambda: s.execute("SELEC * FROM system.local"))
    attempt("unknown table", lambda: s.execute("SELECT * FROM %s.nope" % KS))
    attempt("unknown keyspace", lambda: s.execute("SELECT * FROM nope.t"))
    attempt("already exists", lambda: s.execute("CREATE TABLE %s.accounts (id int PRIMARY KEY)" % KS))
    attempt("bad replication", lambda: s.execute(
        "CREATE KEYSPACE bad_ks WITH replication = {'class': 'NoSuchStrategy'}"))
    attempt("filtering", lambda: s.execute("SELECT * FROM %s.accounts WHERE owner = 'x'" % KS))
    attempt("prepare error", lambda: s.prepare("SELECT nope FROM %s.accounts" % KS))
    s.execute("CREATE KEYSPACE IF NOT EXISTS drivers_py_rf3 WITH replication = "
              "{'class': 'SimpleStrategy', 'replication_factor': 3}")
    s.execute("CREATE TABLE IF NOT EXISTS drivers_py_rf3.t (k int PRIMARY KEY, v int)")
    st = SimpleStatement("INSERT INTO drivers_py_rf3.t (k, v) VALUES (1, 1)", consistency_level=ConsistencyLevel.QUORUM)
    attempt("quorum at rf 3 on one node", lambda: s.execute(st))
    st = SimpleStatement("SELECT * FROM drivers_py_rf3.t WHERE k = 1", consistency_level=ConsistencyLevel.ALL)
    attempt("read at ALL", lambda: s.execute(st))
    s.execute("DROP KEYSPACE drivers_py_rf3")
    attempt("invalid value", lambda: s.execute("INSERT INTO %s.accounts (id, balance) VALUES (1, 'x')" % KS))
    attempt("truncate unknown", lambda: s.execute("TRUNCATE %s.nope" % KS))


def warnings(s):
    section("warnings")
    s.execute("CREATE TABLE %s.wide (p int, c int, PRIMARY KEY (p, c))" % KS)
    rs = s.execute("SELECT * FROM %s.wide WHERE c = 1 ALLOW FILTERING" % KS)
    out("filtering scan: warnings", rs.response_future.warnings)
    rs = s.execute("CREATE KEYSPACE drivers_py_warn WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 2}")
    out("rf above node count: warnings", rs.response_future.warnings)
    s.execute("DROP KEYSPACE drivers_py_warn")


def metadata(c, s):
    section("schema metadata of the driver")
    c.refresh_schema_metadata()
    ks = c.metadata.keyspaces[KS]
    out("tables:", sorted(ks.tables), "types:", sorted(ks.user_types))
    for line in ks.export_as_string().splitlines():
        out("  |", line)
    t = ks.tables["paged"]
    out("partition key:", [col.name for col in t.partition_key], "clustering:",
        [col.name + " " + col.cql_type for col in t.clustering_key])
    out("system keyspaces known:", sorted(k for k in c.metadata.keyspaces if k.startswith("system")))
    out("token map: replicas of key 1 =", len(c.metadata.get_replicas(KS, b"\x00\x00\x00\x01")))


def cqlsh_requests(s):
    section("what cqlsh sends")
    # cqlsh 5.0 sends DESCRIBE to the server and prints each row's create_statement.
    for stmt in ("DESCRIBE KEYSPACES", "DESCRIBE KEYSPACE %s" % KS, "DESCRIBE TABLE %s.paged" % KS,
                 "DESCRIBE TYPE %s.address" % KS):
        rs = s.execute(stmt)
        out(stmt, "-> columns", [c for c in rs.column_names])
        for row in rs:
            if stmt == "DESCRIBE KEYSPACES":
                if not row.keyspace_name.startswith("system"):
                    out("  |", row.keyspace_name, row.type, row.name)
                continue
            for line in row.create_statement.splitlines():
                out("  |", line)
    attempt("DESCRIBE TABLE unknown", lambda: s.execute("DESCRIBE TABLE %s.nope" % KS))
    # COPY TO reads each token range with a prepared statement like this one.
    q = s.prepare("SELECT p, c, v FROM %s.paged WHERE token(p) > ? AND token(p) <= ?" % KS)
    rows = list(s.execute(q, (-2 ** 63, 0))) + list(s.execute(q, (0, 2 ** 63 - 1)))
    out("token-range reads:", len(rows), "rows of", len({r.p for r in rows}), "partitions")


def use_keyspace(c):
    section("USE keyspace")
    s = c.connect(KS)
    out("connect(ks) keyspace:", s.keyspace)
    out("unqualified read:", fmt_row(s.execute("SELECT owner FROM accounts WHERE id = 1").one()))
    s.execute("USE system")
    out("after USE system:", s.keyspace, s.execute("SELECT key FROM local").one().key)
    s.set_keyspace(KS)
    out("after set_keyspace:", s.keyspace)
    attempt("USE unknown", lambda: s.execute("USE nope"))


def tracing(s):
    section("tracing")
    rs = s.execute(SimpleStatement("SELECT * FROM %s.accounts WHERE id = 1" % KS), trace=True)
    try:
        trace = rs.get_query_trace(max_wait_sec=10)
        out("trace: request_type", trace.request_type, "| has duration", trace.duration is not None,
            "| parameters", sorted(trace.parameters or {}), "| query", (trace.parameters or {}).get("query"),
            "| events > 0", len(trace.events) > 0, "| coordinator known", trace.coordinator is not None)
    except Exception as e:
        out("trace -> error", error(e))


def events_schema(s):
    section("schema events")
    s.execute("CREATE TABLE %s.late (k int PRIMARY KEY)" % KS)
    out("new table in metadata:", "late" in s.cluster.metadata.keyspaces[KS].tables)
    s.execute("ALTER TABLE %s.late ADD v text" % KS)
    out("altered columns:", sorted(s.cluster.metadata.keyspaces[KS].tables["late"].columns))
    s.execute("DROP TABLE %s.late" % KS)
    out("dropped:", "late" not in s.cluster.metadata.keyspaces[KS].tables)


def node_mode(host, port):
    protocol(host, port)
    c, s = connect(host, port)
    s.execute("DROP KEYSPACE IF EXISTS %s" % KS)
    s.execute("CREATE KEYSPACE %s WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}" % KS)
    out("hosts:", len(c.metadata.all_hosts()), "datacenter:", sorted({h.datacenter for h in c.metadata.all_hosts()}))
    types(s)
    paging(s)
    batches(s)
    lwt(s)
    errors(s)
    warnings(s)
    metadata(c, s)
    cqlsh_requests(s)
    use_keyspace(c)
    tracing(s)
    events_schema(s)
    s.execute("DROP KEYSPACE %s" % KS)
    c.shutdown()
    section("done")


def wait_for(label, predicate, timeout=30):
    started = time.time()
    deadline = started + timeout
    while time.time() < deadline:
        if predicate():
            out(label, "-> yes")
            print("%s after %.1f s" % (label, time.time() - started), file=sys.stderr, flush=True)
            return
        time.sleep(0.05)
    out(label, "-> NO (waited %ds)" % timeout)


def cluster_mode(host, port):
    section("cluster: discovery")
    c, s = connect(host, port)
    hosts = sorted(c.metadata.all_hosts(), key=lambda h: h.address)
    names = {h.address: "node%d" % (i + 1) for i, h in enumerate(hosts)}
    out("negotiated protocol version:", c.protocol_version)
    out("hosts:", len(hosts), [(names[h.address], h.datacenter, h.rack, h.is_up) for h in hosts])
    owners = set(c.metadata.token_map.token_to_host_owner.values())
    out("every host owns tokens:", owners == set(hosts), "| tokens in the ring:", len(c.metadata.token_map.ring))
    s.execute("DROP KEYSPACE IF EXISTS %s" % KS)
    s.execute("CREATE KEYSPACE %s WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}" % KS)
    s.execute("CREATE TABLE %s.t (k int PRIMARY KEY, v text)" % KS)
    ins = s.prepare("INSERT INTO %s.t (k, v) VALUES (?, ?)" % KS)
    ins.consistency_level = ConsistencyLevel.QUORUM
    coordinators = set()
    for k in range(12):
        rs = s.execute(ins, (k, "v%d" % k))
        coordinators.add(rs.response_future.coordinator_host)
    out("writes at QUORUM coordinated by", len(coordinators), "nodes")
    sel = SimpleStatement("SELECT count(*) FROM %s.t" % KS, consistency_level=ConsistencyLevel.ALL)
    out("count at ALL:", s.execute(sel).one()[0])
    out("replicas of a key:", len(c.metadata.get_replicas(KS, b"\x00\x00\x00\x01")))
    rs = s.execute("SELECT peer, data_center, rack, release_version FROM system.peers")
    out("system.peers rows:", len(rs.current_rows))
    rs = s.execute("SELECT peer, peer_port, native_address, native_port FROM system.peers_v2")
    out("system.peers_v2 rows:", len(rs.current_rows))

    section("cluster: topology events")
    victim = [h for h in hosts if h.address != c.control_connection._connection.endpoint.address][-1]
    out("@@ stop", victim.address)
    sys.stdin.readline()
    wait_for("driver marks %s down" % names[victim.address], lambda: not victim.is_up)
    st = SimpleStatement("SELECT count(*) FROM %s.t" % KS, consistency_level=ConsistencyLevel.ALL)
    attempt("count at ALL with a node down", lambda: s.execute(st).one()[0])
    st = SimpleStatement("SELECT count(*) FROM %s.t" % KS, consistency_level=ConsistencyLevel.QUORUM)
    attempt("count at QUORUM with a node down", lambda: s.execute(st).one()[0])
    out("@@ start", victim.address)
    sys.stdin.readline()
    wait_for("driver marks %s up" % names[victim.address], lambda: victim.is_up)
    s.execute("DROP KEYSPACE %s" % KS)
    c.shutdown()
    section("done")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=9042)
    ap.add_argument("--mode", choices=("node", "cluster"), default="node")
    a = ap.parse_args()
    out("python driver", cassandra.__version__)
    if a.mode == "node":
        node_mode(a.host, a.port)
    else:
        cluster_mode(a.host, a.port)


if __name__ == "__main__":
    main()
