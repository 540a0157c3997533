package dev.ringlet.internal.exec;

import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.ddl.DdlExecutor;

/** Sends each schema or session statement to the method that runs it. */
final class DdlDispatch {

  private DdlDispatch() {}

  static Result run(Statement st, DdlExecutor ddl, ClientSession session, TableSource tables,
      dev.ringlet.internal.schema.Schema schema) {
    if (st instanceof Statement.Describe d) {
      // Only a node's own table source knows the cluster; a processor built without a node has none.
      java.util.List<dev.ringlet.internal.system.NodeInfo> nodes = tables instanceof SystemTableSource system
          ? system.nodes() : java.util.List.of();
      return dev.ringlet.internal.exec.describe.DescribeExecutor.describe(d, schema, session, nodes);
    }
    if (st instanceof Statement.Use u) {
      return ddl.use(u, session);
    }
    if (st instanceof Statement.CreateKeyspace c) {
      return ddl.createKeyspace(c);
    }
    if (st instanceof Statement.AlterKeyspace a) {
      return ddl.alterKeyspace(a);
    }
    if (st instanceof Statement.DropKeyspace d) {
      return ddl.dropKeyspace(d);
    }
    if (st instanceof Statement.CreateTable c) {
      return ddl.createTable(c, session);
    }
    if (st instanceof Statement.AlterTable a) {
      return ddl.alterTable(a, session);
    }
    if (st instanceof Statement.DropTable d) {
      return ddl.dropTable(d, session);
    }
    if (st instanceof Statement.CreateType c) {
      return ddl.createType(c, session);
    }
    if (st instanceof Statement.AlterType a) {
      return ddl.alterType(a, session);
    }
    if (st instanceof Statement.DropType d) {
      return ddl.dropType(d, session);
    }
    if (st instanceof Statement.CreateIndex c) {
      return ddl.createIndex(c, session);
    }
    if (st instanceof Statement.DropIndex d) {
      return ddl.dropIndex(d, session);
    }
    if (st instanceof Statement.CreateFunction c) {
      return ddl.createFunction(c, session);
    }
    if (st instanceof Statement.DropFunction d) {
      return ddl.dropFunction(d, session);
    }
    if (st instanceof Statement.CreateAggregate c) {
      return ddl.createAggregate(c, session);
    }
    if (st instanceof Statement.DropAggregate d) {
      return ddl.dropAggregate(d, session);
    }
    if (st instanceof Statement.CreateMaterializedView c) {
      return ddl.createView(c, session);
    }
    if (st instanceof Statement.AlterMaterializedView a) {
      return ddl.alterView(a, session);
    }
    if (st instanceof Statement.DropMaterializedView d) {
      return ddl.dropView(d, session);
    }
    if (st instanceof Statement.Truncate t) {
      return ddl.truncate(t, session);
    }
    throw CqlException.invalid("This statement is not supported yet: " + st.getClass().getSimpleName());
  }
}
