package dev.ringlet.internal.cql.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.cql.parse.Token.Kind;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LexerTest {

  private static List<Token> visible(String cql) {
    return Lexer.tokenize(cql).stream().filter(t -> !t.kind().hidden()).toList();
  }

  private static Token single(String cql) {
    List<Token> tokens = visible(cql);
    assertThat(tokens).hasSize(2);
    return tokens.get(0);
  }

  @ParameterizedTest
  @CsvSource({
    "42, INTEGER, 42",
    "-42, INTEGER, -42",
    "3.14, FLOAT, 3.14",
    "1e10, FLOAT, 1e10",
    "-1.5E-3, FLOAT, -1.5E-3",
    "1., FLOAT, 1.",
    "-NaN, FLOAT, -NaN",
    "-Infinity, FLOAT, -Infinity",
    "true, BOOLEAN, true",
    "FALSE, BOOLEAN, FALSE",
    "1h30m, DURATION, 1h30m",
    "2mo3d, DURATION, 2mo3d",
    "10ms, DURATION, 10ms",
    "-5us, DURATION, -5us",
    "P1Y2M, DURATION, P1Y2M",
    "PT1H30M, DURATION, PT1H30M",
    "P2W, DURATION, P2W",
    "P0000-00-00T00:00:00, DURATION, P0000-00-00T00:00:00",
    "0xCAFE, HEX, 0xCAFE",
    "0x, HEX, 0x",
    "a4a70900-24e1-11df-8924-001ff3591711, UUID, a4a70900-24e1-11df-8924-001ff3591711",
    "01234567-0123-0123-0123-0123456789ab, UUID, 01234567-0123-0123-0123-0123456789ab",
    "myTable_1, WORD, myTable_1"
  })
  void should_lex_literal_when_written_like_cassandra(String input, Kind kind, String text) {
    Token t = single(input);
    assertThat(t.kind()).isEqualTo(kind);
    assertThat(t.text()).isEqualTo(text);
  }

  @Test
  void should_undouble_quotes_when_lexing_strings_and_quoted_names() {
    assertThat(single("'it''s'").text()).isEqualTo("it's");
    assertThat(single("\"My \"\"Col\"\"\"").text()).isEqualTo("My \"Col\"");
    assertThat(single("$$ a 'b' ; c $$").text()).isEqualTo(" a 'b' ; c ");
  }

  @Test
  void should_split_range_when_integer_is_followed_by_two_dots() {
    assertThat(visible("1..3")).extracting(Token::text).containsExactly("1", "..", "3", "<EOF>");
    assertThat(visible("1...3")).extracting(Token::text).containsExactly("1.", "..", "3", "<EOF>");
  }

  @Test
  void should_hide_comments_when_lexing() {
    assertThat(visible("a -- x\n b // y\n /* z ; */ c"))
        .extracting(Token::text)
        .containsExactly("a", "b", "c", "<EOF>");
  }

  @Test
  void should_lex_compound_operators() {
    assertThat(visible("a<=b>=c!=d+=e-=f"))
        .extracting(Token::text)
        .containsExactly("a", "<=", "b", ">=", "c", "!=", "d", "+=", "e", "-=", "f", "<EOF>");
  }

  @Test
  void should_report_position_when_string_is_unterminated() {
    assertThatThrownBy(() -> CqlParser.parse("SELECT 'abc"))
        .isInstanceOf(CqlException.class)
        .hasMessage("line 1:11 mismatched character '<EOF>' expecting '''")
        .extracting(e -> ((CqlException) e).code())
        .isEqualTo(ErrorCode.SYNTAX_ERROR);
  }

  @Test
  void should_report_parser_error_first_when_parser_fails_before_reaching_lexer_error() {
    assertThatThrownBy(() -> CqlParser.parse("SELEC 'abc"))
        .hasMessage("line 1:0 no viable alternative at input 'SELEC' ([SELEC]...)");
  }

  @Test
  void should_report_character_when_it_cannot_start_a_token() {
    assertThatThrownBy(() -> CqlParser.parse("SELECT @ FROM t"))
        .hasMessage("line 1:7 no viable alternative at character '@'");
  }
}
