package dev.ringlet.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CqlScriptSplitterTest {

  static Stream<Arguments> scripts() {
    return Stream.of(
        Arguments.of("", List.of()),
        Arguments.of(" ;; \n ; ", List.of()),
        Arguments.of("SELECT 1", List.of("SELECT 1")),
        Arguments.of("A;B;", List.of("A", "B")),
        Arguments.of("A;\nB", List.of("A", "B")),
        Arguments.of("INSERT 'a;b';C", List.of("INSERT 'a;b'", "C")),
        Arguments.of("INSERT 'it''s; fine';C", List.of("INSERT 'it''s; fine'", "C")),
        Arguments.of("CREATE TABLE \"a;b\" (k int);C", List.of("CREATE TABLE \"a;b\" (k int)", "C")),
        Arguments.of("CREATE FUNCTION f AS $$ return 1; $$;C", List.of("CREATE FUNCTION f AS $$ return 1; $$", "C")),
        Arguments.of("A -- comment; not a split\n;B", List.of("A", "B")),
        Arguments.of("A // comment; not a split\n;B", List.of("A", "B")),
        Arguments.of("A /* x; y\n z */ B;C", List.of("A   B", "C")),
        Arguments.of("-- only a comment", List.of()),
        Arguments.of("'--not a comment';", List.of("'--not a comment'")),
        Arguments.of("$$/*not a comment*/$$;", List.of("$$/*not a comment*/$$")),
        Arguments.of("A\n-- trailing comment without newline", List.of("A")));
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("scripts")
  void should_split_at_semicolons_outside_strings_comments_and_bodies(String script, List<String> expected) {
    assertThat(CqlScriptSplitter.split(script)).containsExactlyElementsOf(expected);
  }

  @Test
  void should_name_the_line_of_an_unterminated_string() {
    assertThatThrownBy(() -> CqlScriptSplitter.split("A;\nB;\nINSERT 'oops;"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unterminated string literal")
        .hasMessageContaining("line 3");
  }

  @Test
  void should_reject_an_unterminated_block_comment_and_dollar_body() {
    assertThatThrownBy(() -> CqlScriptSplitter.split("A /* open"))
        .hasMessageContaining("unterminated block comment");
    assertThatThrownBy(() -> CqlScriptSplitter.split("A $$ open"))
        .hasMessageContaining("unterminated $$ body");
  }
}
