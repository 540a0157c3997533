package dev.ringlet.internal.cql.parse;

import static dev.ringlet.internal.cql.parse.Ast.bool;
import static dev.ringlet.internal.cql.parse.Ast.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.ast.Statement.Permissions.Kind;
import dev.ringlet.internal.cql.ast.Term;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthParserTest {

  @Test
  void should_parse_create_role_options() {
    Statement.CreateRole r = (Statement.CreateRole) CqlParser.parse(
        "CREATE ROLE IF NOT EXISTS alice WITH PASSWORD = 'pw' AND LOGIN = true AND SUPERUSER = false "
            + "AND OPTIONS = {'a': 'b'} AND ACCESS TO DATACENTERS {'dc1', 'dc2'}");
    assertThat(r.role()).isEqualTo("alice");
    assertThat(r.ifNotExists()).isTrue();
    assertThat(r.user()).isFalse();
    assertThat(r.options().values()).containsEntry("password", str("pw"))
        .containsEntry("login", bool("true"))
        .containsEntry("superuser", bool("false"))
        .containsEntry("options", new Term.MapLiteral(List.of(str("a")), List.of(str("b"))))
        .containsEntry("access_to_datacenters", new Term.SetLiteral(List.of(str("dc1"), str("dc2"))));
  }

  @Test
  void should_default_login_and_superuser_when_creating_a_role() {
    assertThat(((Statement.CreateRole) CqlParser.parse("CREATE ROLE r")).options().values())
        .containsEntry("login", bool("false")).containsEntry("superuser", bool("false"));
  }

  @Test
  void should_refuse_two_kinds_of_password() {
    assertThatThrownBy(() -> CqlParser.parse("CREATE ROLE r WITH PASSWORD = 'a' AND HASHED PASSWORD = 'b'"))
        .hasMessage("Options 'password' and 'hashed password' are mutually exclusive");
  }

  @Test
  void should_refuse_generated_password_as_5_0_does() {
    assertThatThrownBy(() -> CqlParser.parse("CREATE ROLE auth_x WITH GENERATED PASSWORD"))
        .hasMessageContaining("no viable alternative at input 'GENERATED'");
  }

  @Test
  void should_refuse_repeated_role_option() {
    assertThatThrownBy(() -> CqlParser.parse("CREATE ROLE r WITH LOGIN = true AND LOGIN = false"))
        .hasMessage("Multiple definition for property 'LOGIN'");
  }

  @Test
  void should_parse_user_statements_keeping_name_case() {
    Statement.CreateRole u = (Statement.CreateRole) CqlParser.parse("CREATE USER Bob WITH PASSWORD 'pw' SUPERUSER");
    assertThat(u.role()).isEqualTo("Bob");
    assertThat(u.user()).isTrue();
    assertThat(u.options().values()).containsEntry("login", bool("true"))
        .containsEntry("password", str("pw")).containsEntry("superuser", bool("true"));
    assertThat(CqlParser.parse("DROP USER IF EXISTS bob")).isEqualTo(new Statement.DropRole("bob", true, true, List.of()));
    assertThat(((Statement.AlterRole) CqlParser.parse("ALTER USER bob NOSUPERUSER")).options().values())
        .containsExactly(java.util.Map.entry("superuser", bool("false")));
  }

  @Test
  void should_parse_role_grants_and_listing() {
    assertThat(CqlParser.parse("GRANT admin TO 'Alice'")).isEqualTo(new Statement.GrantRole("admin", "Alice", List.of()));
    assertThat(CqlParser.parse("REVOKE admin FROM alice")).isEqualTo(new Statement.RevokeRole("admin", "alice", List.of()));
    assertThat(CqlParser.parse("LIST ROLES OF alice NORECURSIVE")).isEqualTo(new Statement.ListRoles("alice", false, false, List.of()));
    assertThat(CqlParser.parse("LIST USERS")).isEqualTo(new Statement.ListRoles(null, true, true, List.of()));
    assertThat(CqlParser.parse("ALTER ROLE r WITH PASSWORD = 'x'"))
        .isEqualTo(new Statement.AlterRole("r", false, false,
            new dev.ringlet.internal.cql.ast.Properties(java.util.Map.of("password", str("x"))), List.of()));
    assertThat(CqlParser.parse("DROP ROLE IF EXISTS r")).isEqualTo(new Statement.DropRole("r", true, false, List.of()));
  }

  @Test
  void should_name_every_resource_form() {
    assertThat(resource("ALL KEYSPACES")).isEqualTo("data");
    assertThat(resource("KEYSPACE ks")).isEqualTo("data/ks");
    assertThat(resource("TABLE ks.t")).isEqualTo("data/ks/t");
    assertThat(resource("ks.t")).isEqualTo("data/ks/t");
    assertThat(resource("t")).isEqualTo("data//t");
    assertThat(resource("ALL ROLES")).isEqualTo("roles");
    assertThat(resource("ROLE bob")).isEqualTo("roles/bob");
    assertThat(resource("ALL FUNCTIONS")).isEqualTo("functions");
    assertThat(resource("ALL FUNCTIONS IN KEYSPACE ks")).isEqualTo("functions/ks");
    assertThat(resource("FUNCTION ks.f(int, text)")).isEqualTo("functions/ks/f(int, text)");
    assertThat(resource("ALL MBEANS")).isEqualTo("mbean");
    assertThat(resource("MBEAN 'org.apache:type=X'")).isEqualTo("mbean/org.apache:type=X");
    assertThat(resource("MBEAN 'org.apache:type=X,name=a'")).isEqualTo("mbean/org.apache:name=a,type=X");
    assertThat(resource("MBEANS 'org.apache:type=*'")).isEqualTo("mbean/org.apache:type=*");
  }

  @Test
  void should_refuse_bad_jmx_names_with_cassandra_wording() {
    assertThatThrownBy(() -> resource("MBEANS 'org.apache:type=X'"))
        .hasMessage("Plural form used, but non-pattern JMX object name specified (org.apache:type=X)");
    assertThatThrownBy(() -> resource("MBEAN '*:*'")).hasMessage("Please use ALL MBEANS instead of wildcard pattern");
    assertThatThrownBy(() -> resource("MBEAN 'nocolon'")).hasMessage("nocolon is not a valid JMX object name");
  }

  private static String resource(String resource) {
    return ((Statement.Permissions) CqlParser.parse("GRANT SELECT ON " + resource + " TO r")).resource();
  }

  @Test
  void should_parse_permission_statements() {
    assertThat(CqlParser.parse("GRANT ALL PERMISSIONS ON KEYSPACE ks TO r"))
        .isEqualTo(new Statement.Permissions(Kind.GRANT, List.of("ALL"), "data/ks", "r", true, List.of()));
    assertThat(CqlParser.parse("REVOKE MODIFY, select ON ks.t FROM r"))
        .isEqualTo(new Statement.Permissions(Kind.REVOKE, List.of("MODIFY", "SELECT"), "data/ks/t", "r", true, List.of()));
    assertThat(CqlParser.parse("LIST ALL"))
        .isEqualTo(new Statement.Permissions(Kind.LIST, List.of("ALL"), null, null, true, List.of()));
    assertThat(CqlParser.parse("LIST EXECUTE PERMISSION ON ALL FUNCTIONS OF r NORECURSIVE"))
        .isEqualTo(new Statement.Permissions(Kind.LIST, List.of("EXECUTE"), "functions", "r", false, List.of()));
  }
}
