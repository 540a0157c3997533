package dev.ringlet.conformance;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.ColumnDefinitions;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * Runs a scenario's statements one after the other on one session and returns what the server
 * answered, formatted by {@link AnswerFormatter}. A failed statement does not stop the scenario:
 * its error is the answer.
 */
final class ScenarioRunner {

  private final CqlSession mainSession;
  private final java.util.function.BiFunction<String, String, CqlSession> login;
  private final AnswerFormatter formatter;
  private CqlSession session;
  private final dev.ringlet.driver.ErrorFrameWarnings errorWarnings;

  /** {@code errorWarnings}: where the sessions report the warnings of ERROR frames (the driver hides them). */
  ScenarioRunner(CqlSession session, dev.ringlet.driver.ErrorFrameWarnings errorWarnings) {
    this(session, (user, password) -> {
      throw new IllegalStateException("@login needs an authenticated scenario (named auth_*)");
    }, errorWarnings);
  }

  /** {@code login} opens a session logged in as a role, for {@code @login} statements. */
  ScenarioRunner(CqlSession session, java.util.function.BiFunction<String, String, CqlSession> login,
      dev.ringlet.driver.ErrorFrameWarnings errorWarnings) {
    this.errorWarnings = errorWarnings;
    this.mainSession = session;
    this.session = session;
    this.login = login;
    this.formatter = new AnswerFormatter(
        session.getContext().getCodecRegistry(), session.getContext().getProtocolVersion());
  }

  List<StatementAnswer> run(Scenario scenario) {
    List<StatementAnswer> answers = new ArrayList<>();
    for (ScenarioStatement statement : scenario.statements()) {
      answers.add(new StatementAnswer(statement.number(), statement.line(), statement.cql(), answer(statement)));
    }
    return answers;
  }

  private List<String> answer(ScenarioStatement statement) {
    List<String> credentials = statement.directives().login();
    if (credentials == null) {
      return answerIn(statement);
    }
    try (CqlSession other = login.apply(credentials.get(0), credentials.get(1))) {
      session = other;
      return answerIn(statement);
    } finally {
      session = mainSession;
    }
  }

  private List<String> answerIn(ScenarioStatement statement) {
    List<String> lines = new ArrayList<>();
    errorWarnings.clear();
    try {
      Statement<?> request = request(statement, lines);
      lines.addAll(execute(request, statement.directives()));
    } catch (RuntimeException e) {
      lines.addAll(formatter.error(unwrap(e), errorWarnings.lastError()));
    }
    return lines;
  }

  /** The statement to send: simple, or prepared and bound (adding its variables to the answer). */
  private Statement<?> request(ScenarioStatement statement, List<String> lines) {
    Directives directives = statement.directives();
    Statement<?> request;
    if (directives.prepared()) {
      PreparedStatement prepared = await(session.prepareAsync(statement.cql()));
      lines.add(formatter.variables(prepared.getVariableDefinitions()));
      request = bind(prepared, directives.bindValues());
    } else {
      request = SimpleStatement.newInstance(statement.cql());
    }
    if (directives.pageSize() > 0) {
      request = request.setPageSize(directives.pageSize());
    }
    if (directives.consistency() != null) {
      ConsistencyLevel level = DefaultConsistencyLevel.valueOf(directives.consistency());
      request = request.setConsistencyLevel(level);
    }
    return request;
  }

  /** A {@code @bind} value sent as the protocol's unset value rather than a literal. */
  private static final String UNSET = "UNSET";

  private BoundStatement bind(PreparedStatement prepared, List<String> literals) {
    ColumnDefinitions variables = prepared.getVariableDefinitions();
    if (literals.size() != variables.size()) {
      throw new IllegalArgumentException("@bind: " + literals.size() + " values for "
          + variables.size() + " bind variables of: " + prepared.getQuery());
    }
    ByteBuffer[] values = new ByteBuffer[literals.size()];
    for (int i = 0; i < values.length; i++) {
      if (UNSET.equals(literals.get(i))) {
        continue; // left unset: protocol v4+ sends it as an unset value
      }
      ColumnDefinition variable = variables.get(i);
      TypeCodec<Object> codec = session.getContext().getCodecRegistry().codecFor(variable.getType());
      Object value = codec.parse(literals.get(i));
      values[i] = codec.encode(value, session.getContext().getProtocolVersion());
    }
    BoundStatement bound = prepared.bind();
    for (int i = 0; i < values.length; i++) {
      bound = values[i] == null && UNSET.equals(literals.get(i)) ? bound.unset(i) : bound.setBytesUnsafe(i, values[i]);
    }
    return bound;
  }

  private List<String> execute(Statement<?> request, Directives directives) {
    AsyncResultSet page = await(session.executeAsync(request));
    ColumnDefinitions columns = page.getColumnDefinitions();
    List<String> lines = new ArrayList<>();
    List<String> warnings = new ArrayList<>(formatter.warnings(page.getExecutionInfo()));
    if (columns.size() == 0) {
      lines.add(AnswerFormatter.OK);
      lines.addAll(warnings);
      return lines;
    }
    lines.add(AnswerFormatter.ROWS);
    lines.add(formatter.columns(columns));
    int pageNumber = 1;
    while (true) {
      if (directives.pageSize() > 0) {
        lines.add("page " + pageNumber + ":");
      }
      for (Row row : page.currentPage()) {
        lines.add(formatter.row(row, directives.ignoredColumns()));
      }
      if (!page.hasMorePages()) {
        break;
      }
      page = await(page.fetchNextPage());
      warnings.addAll(formatter.warnings(page.getExecutionInfo()));
      pageNumber++;
    }
    lines.addAll(warnings);
    return lines;
  }

  private static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get();
    } catch (ExecutionException e) {
      throw new CompletionException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the server", e);
    }
  }

  /**
   * The error to record. With a single node the driver's retry policy turns a server error it may
   * retry elsewhere (Unavailable, for one) into an {@link AllNodesFailedException} that names the
   * node's address; the server's own error inside it is what the golden file must hold.
   */
  private static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while (current instanceof CompletionException && current.getCause() != null) {
      current = current.getCause();
    }
    if (current instanceof AllNodesFailedException allFailed) {
      List<Throwable> errors = allFailed.getAllErrors().values().stream().flatMap(List::stream).toList();
      if (errors.size() == 1) {
        return errors.get(0);
      }
    }
    return current;
  }
}
