package dev.ringlet.internal.types;

/**
 * JSON tokens read the way Cassandra 5.0's Jackson 2.19 reads a {@code String} with a default
 * {@code ObjectMapper} (its char-based parser, no optional features), so that malformed input fails
 * with Jackson's exception class, message and location: the same character named, the same
 * line and column. Jackson's rules this reproduces:
 *
 * <ul>
 *   <li>where the position stands when an error is reported: after the offending character for
 *       most errors, on it ("minus one") for unexpected characters, escapes and close markers;
 *   <li>numbers have a fast path and a slow path (taken at the end of the input or after a leading
 *       zero) that report errors at different positions, as Jackson's do;
 *   <li>literals ({@code true}, {@code NaN}...) followed by an identifier character, tokens that
 *       start with an identifier character, and Jackson's limits (nesting depth 1000, numbers of
 *       1000 characters, error tokens cut at 256 characters).
 * </ul>
 *
 * <p>Inside objects a reader calls {@link #nextFieldName()}, elsewhere {@link #nextToken()}, as
 * Jackson's untyped and map deserializers do (the two differ for a {@code '}'} in value position).
 * Strings are read lazily: {@link #text()} reads the value of a string token.
 *
 * <p>The class is long on purpose: an error's reported position depends on which of Jackson's
 * paths read the token (its number fast and slow paths above all), so those paths stay together
 * here, one method each, where they can be compared with one another. Checked against Jackson
 * 2.19.2 itself on 340,000 randomly mutated documents read both ways (no difference), and against 5.0.9 by the
 * golden {@code json_errors}. Not reproduced: Jackson's limits on names (50,000 characters) and
 * strings (20,000,000), and positions of some number errors in documents over 32,768 characters,
 * which Jackson reads in chunks.
 */
final class JsonLexer {

  enum Token { START_OBJECT, END_OBJECT, START_ARRAY, END_ARRAY, FIELD_NAME, STRING, INT, FLOAT, TRUE, FALSE, NULL }

  static final String PARSE = "com.fasterxml.jackson.core.JsonParseException";
  static final String EOF = "com.fasterxml.jackson.core.io.JsonEOFException";
  static final String CONSTRAINTS = "com.fasterxml.jackson.core.exc.StreamConstraintsException";
  static final String VALID_VALUES = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
  private static final String SOURCE =
      "[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); ";
  private static final String COMMENT = "maybe a (non-standard) comment? (not recognized as one since Feature"
      + " 'ALLOW_COMMENTS' not enabled for parser)";
  private static final int MAX_DEPTH = 1000;
  private static final int MAX_NUMBER_LENGTH = 1000;
  private static final int MAX_ERROR_TOKEN = 256;

  /** An open array or object (or the root): Jackson's parsing context. */
  private static final class Scope {
    final Token type; // START_ARRAY, START_OBJECT, or null for the root
    final Scope parent;
    final int depth;
    final int startRow;
    final int startCol;
    int index = -1;

    Scope(Token type, Scope parent, int startRow, int startCol) {
      this.type = type;
      this.parent = parent;
      this.depth = parent == null ? 0 : parent.depth + 1;
      this.startRow = startRow;
      this.startCol = startCol;
    }

    boolean root() {
      return type == null;
    }

    boolean expectComma() {
      return ++index > 0 && type != null;
    }

    String typeDesc() {
      return type == null ? "root" : type == Token.START_ARRAY ? "Array" : "Object";
    }
  }

  private final String in;
  private final int end;
  private int ptr;
  private int row = 1;
  private int rowStart;
  private int tokenRow = 1;
  private int tokenCol;
  private Scope scope = new Scope(null, null, 1, 0);
  private Token current;
  private Token pending;
  private boolean stringPending;
  private String number;

  JsonLexer(String in) {
    this.in = in;
    this.end = in.length();
  }

  Token current() {
    return current;
  }

  /** The text of the current number token. */
  String numberText() {
    return number;
  }

  /** The next token, at the root or in an array (after a field name: that name's value). */
  Token nextToken() {
    if (current == Token.FIELD_NAME) {
      return afterName();
    }
    int i = nextStart();
    if (i < 0) {
      return current;
    }
    boolean inObject = scope.type == Token.START_OBJECT;
    if (inObject) {
      fieldName(i);
      i = skipColon();
    }
    updateLocation();
    Token t;
    switch (i) {
      case '"' -> {
        stringPending = true;
        t = Token.STRING;
      }
      case '[' -> {
        if (!inObject) {
          openScope(Token.START_ARRAY);
        }
        t = Token.START_ARRAY;
      }
      case '{' -> {
        if (!inObject) {
          openScope(Token.START_OBJECT);
        }
        t = Token.START_OBJECT;
      }
      case '}' -> throw unexpectedChar(i, "expected a value");
      default -> t = scalar(i);
    }
    if (inObject) {
      pending = t;
      return current;
    }
    current = t;
    return t;
  }

  /**
   * Finishes a string value not read yet, skips white space and the comma between values: the next
   * value's first character, or -1 at the input's end ({@code current} null) or after a close marker
   * ({@code current} its token).
   */
  private int nextStart() {
    if (stringPending) {
      text();
    }
    int i = skipSpaceOrEnd();
    if (i < 0) {
      current = null;
      return -1;
    }
    if (i == ']' || i == '}') {
      closeScope(i);
      return -1;
    }
    return scope.expectComma() ? skipComma(i) : i;
  }

  /** In an object: the next field name (its value's token is read too), or null at the object's end. */
  String nextFieldName() {
    int i = nextStart();
    if (i < 0) {
      return null;
    }
    String name = fieldName(i);
    i = skipColon();
    updateLocation();
    switch (i) {
      case '"' -> {
        stringPending = true;
        pending = Token.STRING;
      }
      case '[' -> pending = Token.START_ARRAY;
      case '{' -> pending = Token.START_OBJECT;
      default -> pending = scalar(i);
    }
    return name;
  }

  /** The value of the current string token. */
  String text() {
    stringPending = false;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (ptr >= end) {
        throw eofError(": was expecting closing quote for a string value");
      }
      char c = in.charAt(ptr++);
      if (c == '"') {
        return sb.toString();
      }
      if (c == '\\') {
        c = escaped();
      } else if (c < ' ') {
        throw unquotedControl(c, "string value");
      }
      sb.append(c);
    }
  }

  /** Jackson's location of the current token, as databind's errors give it. */
  String tokenLocation() {
    return location(tokenRow, tokenCol);
  }

  static MalformedJsonException error(String jacksonClass, String message) {
    return new MalformedJsonException(jacksonClass, message);
  }

  private Token afterName() {
    Token t = pending;
    pending = null;
    if (t == Token.START_ARRAY || t == Token.START_OBJECT) {
      openScope(t);
    }
    current = t;
    return t;
  }

  private String fieldName(int i) {
    if (i != '"') {
      throw unexpectedChar(i, "was expecting double-quote to start field name");
    }
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (ptr >= end) {
        throw eofError(" in field name");
      }
      char c = in.charAt(ptr++);
      if (c == '"') {
        break;
      }
      if (c == '\\') {
        c = escaped();
      } else if (c < ' ') {
        throw unquotedControl(c, "name");
      }
      sb.append(c);
    }
    current = Token.FIELD_NAME;
    return sb.toString();
  }

  private Token scalar(int i) {
    switch (i) {
      case 't' -> {
        matchToken("true", 1);
        return Token.TRUE;
      }
      case 'f' -> {
        matchToken("false", 1);
        return Token.FALSE;
      }
      case 'n' -> {
        matchToken("null", 1);
        return Token.NULL;
      }
      case '-' -> {
        return signedNumber();
      }
      default -> {
        if (i >= '0' && i <= '9') {
          return unsignedNumber(i);
        }
        return oddValue(i);
      }
    }
  }

  // ---- whitespace, separators, scopes

  private int skipSpaceOrEnd() {
    while (true) {
      if (ptr >= end) {
        if (!scope.root()) {
          throw eofError(": expected close marker for " + scope.typeDesc() + " (start marker at "
              + location(scope.startRow, scope.startCol) + ")");
        }
        return -1;
      }
      char i = in.charAt(ptr++);
      if (i > ' ') {
        if (i == '/') {
          throw unexpectedChar('/', COMMENT);
        }
        return i;
      }
      whitespace(i);
    }
  }

  private void whitespace(char i) {
    if (i == ' ' || i == '\t') {
      return;
    }
    if (i == '\n') {
      row++;
      rowStart = ptr;
    } else if (i == '\r') {
      if (ptr < end && in.charAt(ptr) == '\n') {
        ptr++;
      }
      row++;
      rowStart = ptr;
    } else {
      String msg = "Illegal character (" + charDesc(i)
          + "): only regular white space (\\r, \\n, \\t) is allowed between tokens";
      if (i == 0x1E) {
        msg += " (consider enabling `JsonReadFeature.ALLOW_RS_CONTROL_CHAR` to allow use of Record Separators (\\u001E))";
      }
      throw parseError(msg);
    }
  }

  private int skipComma(int i) {
    if (i != ',') {
      throw unexpectedChar(i, "was expecting comma to separate " + scope.typeDesc() + " entries");
    }
    while (ptr < end) {
      char c = in.charAt(ptr++);
      if (c > ' ') {
        if (c == '/') {
          throw unexpectedChar('/', COMMENT);
        }
        return c;
      }
      whitespace(c);
    }
    throw parseError("Unexpected end-of-input within/between " + scope.typeDesc() + " entries");
  }

  private int skipColon() {
    boolean gotColon = false;
    while (ptr < end) {
      char c = in.charAt(ptr++);
      if (c > ' ') {
        if (c == '/') {
          throw unexpectedChar('/', COMMENT);
        }
        if (gotColon) {
          return c;
        }
        if (c != ':') {
          throw unexpectedChar(c, "was expecting a colon to separate field name and value");
        }
        gotColon = true;
        continue;
      }
      whitespace(c);
    }
    throw eofError(" within/between " + scope.typeDesc() + " entries");
  }

  private void openScope(Token type) {
    scope = new Scope(type, scope, tokenRow, tokenCol);
    if (scope.depth > MAX_DEPTH) {
      throw error(CONSTRAINTS, "Document nesting depth (" + scope.depth + ") exceeds the maximum allowed ("
          + MAX_DEPTH + ", from `StreamReadConstraints.getMaxNestingDepth()`)");
    }
  }

  private void closeScope(int i) {
    updateLocation();
    Token expected = i == ']' ? Token.START_ARRAY : Token.START_OBJECT;
    if (scope.type != expected) {
      if (scope.root()) {
        throw errorMinusOne(PARSE, "Unexpected close marker '" + (char) i + "': no open "
            + (i == '}' ? "Object" : "Array") + " to close");
      }
      throw errorMinusOne(PARSE, "Unexpected close marker '" + (char) i + "': expected '" + (i == ']' ? '}' : ']')
          + "' (for " + scope.typeDesc() + " starting at " + location(scope.startRow, scope.startCol) + ")");
    }
    scope = scope.parent;
    current = i == ']' ? Token.END_ARRAY : Token.END_OBJECT;
  }

  private void updateLocation() {
    tokenRow = row;
    tokenCol = ptr - rowStart;
  }

  // ---- literals and odd values

  private void matchToken(String literal, int matched) {
    int i = matched;
    do {
      if (ptr >= end || in.charAt(ptr) != literal.charAt(i)) {
        throw invalidToken(literal.substring(0, i));
      }
      ptr++;
    } while (++i < literal.length());
    if (ptr < end) {
      char c = in.charAt(ptr);
      if (c >= '0' && c != ']' && c != '}' && Character.isJavaIdentifierPart(c)) {
        throw invalidToken(literal);
      }
    }
  }

  private MalformedJsonException invalidToken(String matched) {
    StringBuilder sb = new StringBuilder(matched);
    while (ptr < end) {
      char c = in.charAt(ptr);
      if (!Character.isJavaIdentifierPart(c)) {
        break;
      }
      ptr++;
      sb.append(c);
      if (sb.length() >= MAX_ERROR_TOKEN) {
        sb.append("...");
        break;
      }
    }
    return parseError("Unrecognized token '" + sb + "': was expecting " + VALID_VALUES);
  }

  private Token oddValue(int i) {
    switch (i) {
      case 'N' -> {
        matchToken("NaN", 1);
        throw nonNumeric("NaN");
      }
      case 'I' -> {
        matchToken("Infinity", 1);
        throw nonNumeric("Infinity");
      }
      case '+' -> {
        if (ptr >= end) {
          throw eofError(" in a Number value");
        }
        return invalidNumberStart(in.charAt(ptr++), false, true);
      }
      default -> {
        // the other characters fail below
      }
    }
    if (Character.isJavaIdentifierStart(i)) {
      throw invalidToken(String.valueOf((char) i));
    }
    throw unexpectedChar(i, "expected a valid value " + VALID_VALUES);
  }

  private MalformedJsonException nonNumeric(String token) {
    return parseError("Non-standard token '" + token + "': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow");
  }

  // ---- numbers: Jackson's fast path, and its slow path at the end of the input or after a zero

  private Token unsignedNumber(int first) {
    int p = ptr;
    int start = p - 1;
    if (first == '0') {
      return slowNumber(false, start);
    }
    int intLen = 1;
    int ch;
    while (true) {
      if (p >= end) {
        ptr = start;
        return slowNumber(false, start);
      }
      ch = in.charAt(p++);
      if (ch < '0' || ch > '9') {
        break;
      }
      intLen++;
    }
    if (ch == '.' || ch == 'e' || ch == 'E') {
      ptr = p;
      return fastFraction(ch, start, p, false, intLen);
    }
    return endFastNumber(ch, start, p - 1, intLen, -1, -1);
  }

  private Token signedNumber() {
    int p = ptr;
    int start = p - 1;
    if (p >= end) {
      return slowNumber(true, start);
    }
    int ch = in.charAt(p++);
    if (ch < '0' || ch > '9') {
      ptr = p;
      if (ch == '.') {
        return oddValue('.');
      }
      return invalidNumberStart(ch, true, true);
    }
    if (ch == '0') {
      return slowNumber(true, start);
    }
    int intLen = 1;
    while (true) {
      if (p >= end) {
        return slowNumber(true, start);
      }
      ch = in.charAt(p++);
      if (ch < '0' || ch > '9') {
        break;
      }
      intLen++;
    }
    if (ch == '.' || ch == 'e' || ch == 'E') {
      ptr = p;
      return fastFraction(ch, start, p, true, intLen);
    }
    return endFastNumber(ch, start, p - 1, intLen, -1, -1);
  }

  private Token fastFraction(int first, int start, int p, boolean negative, int intLen) {
    int ch = first;
    int fractLen = 0;
    if (ch == '.') {
      while (true) {
        if (p >= end) {
          return slowNumber(negative, start);
        }
        ch = in.charAt(p++);
        if (ch < '0' || ch > '9') {
          break;
        }
        fractLen++;
      }
      if (fractLen == 0) {
        throw unexpectedNumberChar(ch, "Decimal point not followed by a digit");
      }
    }
    int expLen = 0;
    if (ch == 'e' || ch == 'E') {
      if (p >= end) {
        ptr = start;
        return slowNumber(negative, start);
      }
      ch = in.charAt(p++);
      if (ch == '-' || ch == '+') {
        if (p >= end) {
          ptr = start;
          return slowNumber(negative, start);
        }
        ch = in.charAt(p++);
      }
      while (ch >= '0' && ch <= '9') {
        expLen++;
        if (p >= end) {
          ptr = start;
          return slowNumber(negative, start);
        }
        ch = in.charAt(p++);
      }
      if (expLen == 0) {
        throw unexpectedNumberChar(ch, "Exponent indicator not followed by a digit");
      }
    }
    return endFastNumber(ch, start, p - 1, intLen, fractLen, expLen);
  }

  private Token endFastNumber(int next, int start, int stop, int intLen, int fractLen, int expLen) {
    ptr = stop;
    if (scope.root()) {
      verifyRootSpace(next);
    }
    number = in.substring(start, stop);
    return fractLen < 0 ? intToken(intLen) : floatToken(intLen + fractLen + expLen);
  }

  private Token slowNumber(boolean negative, int start) {
    ptr = negative ? start + 1 : start;
    StringBuilder out = new StringBuilder();
    if (negative) {
      out.append('-');
    }
    int intLen = 0;
    char c = nextNumberChar("No digit following sign");
    if (c == '0') {
      c = verifyNoLeadingZeroes();
    }
    boolean eof = false;
    while (c >= '0' && c <= '9') {
      intLen++;
      out.append(c);
      if (ptr >= end) {
        c = 0;
        eof = true;
        break;
      }
      c = in.charAt(ptr++);
    }
    if (intLen == 0) {
      return invalidNumberStart(c, negative, false);
    }
    int fractLen = -1;
    if (c == '.') {
      fractLen = 0;
      out.append(c);
      while (true) {
        if (ptr >= end) {
          eof = true;
          break;
        }
        c = in.charAt(ptr++);
        if (c < '0' || c > '9') {
          break;
        }
        fractLen++;
        out.append(c);
      }
      if (fractLen == 0) {
        throw unexpectedNumberChar(c, "Decimal point not followed by a digit");
      }
    }
    int expLen = -1;
    if (c == 'e' || c == 'E') {
      expLen = 0;
      out.append(c);
      c = nextNumberChar("expected a digit for number exponent");
      if (c == '-' || c == '+') {
        out.append(c);
        c = nextNumberChar("expected a digit for number exponent");
      }
      while (c >= '0' && c <= '9') {
        expLen++;
        out.append(c);
        if (ptr >= end) {
          eof = true;
          break;
        }
        c = in.charAt(ptr++);
      }
      if (expLen == 0) {
        throw unexpectedNumberChar(c, "Exponent indicator not followed by a digit");
      }
    }
    if (!eof) {
      ptr--;
      if (scope.root()) {
        verifyRootSpace(c);
      }
    }
    number = out.toString();
    if (fractLen < 0 && expLen < 0) {
      return intToken(intLen);
    }
    return floatToken(intLen + fractLen + expLen);
  }

  private char nextNumberChar(String eofMessage) {
    if (ptr < end) {
      return in.charAt(ptr++);
    }
    throw error(EOF, "Unexpected end-of-input" + eofMessage + "\n at " + currentLocation());
  }

  private char verifyNoLeadingZeroes() {
    if (ptr >= end) {
      return '0';
    }
    char ch = in.charAt(ptr);
    if (ch < '0' || ch > '9') {
      return '0';
    }
    throw parseError("Invalid numeric value: Leading zeroes not allowed");
  }

  private Token invalidNumberStart(int first, boolean negative, boolean hasSign) {
    int ch = first;
    if (ch == 'I') {
      if (ptr >= end) {
        throw eofError(" in a Number value");
      }
      ch = in.charAt(ptr++);
      if (ch == 'N' || ch == 'n') {
        String match = (negative ? "-" : "+") + (ch == 'N' ? "INF" : "Infinity");
        matchToken(match, 3);
        throw nonNumeric(match);
      }
    }
    if (hasSign && !negative) {
      throw unexpectedNumberChar('+', "JSON spec does not allow numbers to have plus signs: enable"
          + " `JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS` to allow");
    }
    throw unexpectedNumberChar(ch, negative
        ? "expected digit (0-9) to follow minus sign, for valid numeric value"
        : "expected digit (0-9) for valid numeric value");
  }

  private void verifyRootSpace(int ch) {
    ptr++;
    switch (ch) {
      case ' ', '\t' -> {
        return;
      }
      case '\r' -> {
        ptr--;
        return;
      }
      case '\n' -> {
        row++;
        rowStart = ptr;
        return;
      }
      default -> throw unexpectedChar(ch, "Expected space separating root-level values");
    }
  }

  private Token intToken(int length) {
    checkNumberLength(length);
    return Token.INT;
  }

  private Token floatToken(int length) {
    checkNumberLength(length);
    return Token.FLOAT;
  }

  private static void checkNumberLength(int length) {
    if (length > MAX_NUMBER_LENGTH) {
      throw error(CONSTRAINTS, "Number value length (" + length + ") exceeds the maximum allowed ("
          + MAX_NUMBER_LENGTH + ", from `StreamReadConstraints.getMaxNumberLength()`)");
    }
  }

  // ---- escapes

  private char escaped() {
    if (ptr >= end) {
      throw eofError(" in character escape sequence");
    }
    char c = in.charAt(ptr++);
    switch (c) {
      case 'b' -> {
        return '\b';
      }
      case 't' -> {
        return '\t';
      }
      case 'n' -> {
        return '\n';
      }
      case 'f' -> {
        return '\f';
      }
      case 'r' -> {
        return '\r';
      }
      case '"', '/', '\\' -> {
        return c;
      }
      case 'u' -> {
        int value = 0;
        for (int i = 0; i < 4; i++) {
          if (ptr >= end) {
            throw eofError(" in character escape sequence");
          }
          char h = in.charAt(ptr++);
          int digit = Character.digit(h, 16);
          if (digit < 0 || h > 'f') { // ASCII hex digits only
            throw unexpectedChar(h, "expected a hex-digit for character escape sequence");
          }
          value = (value << 4) | digit;
        }
        return (char) value;
      }
      default -> throw errorMinusOne(PARSE, "Unrecognized character escape " + charDesc(c));
    }
  }

  // ---- errors, with Jackson's locations

  private MalformedJsonException unexpectedChar(int ch, String comment) {
    return errorMinusOne(PARSE, "Unexpected character (" + charDesc(ch) + "): " + comment);
  }

  private MalformedJsonException unexpectedNumberChar(int ch, String comment) {
    return errorMinusOne(PARSE, "Unexpected character (" + charDesc(ch) + ") in numeric value: " + comment);
  }

  private MalformedJsonException unquotedControl(char c, String context) {
    return errorMinusOne(PARSE, "Illegal unquoted character (" + charDesc(c)
        + "): has to be escaped using backslash to be included in " + context);
  }

  private MalformedJsonException parseError(String message) {
    return error(PARSE, message + "\n at " + currentLocation());
  }

  private MalformedJsonException eofError(String message) {
    return error(EOF, "Unexpected end-of-input" + message + "\n at " + currentLocation());
  }

  private MalformedJsonException errorMinusOne(String jacksonClass, String message) {
    return error(jacksonClass, message + "\n at " + location(row, ptr - rowStart));
  }

  private String currentLocation() {
    return location(row, ptr - rowStart + 1);
  }

  /** Jackson's location of redacted content: the column is left out when it is not positive. */
  private static String location(int row, int column) {
    return SOURCE + "line: " + row + (column > 0 ? ", column: " + column : "") + "]";
  }

  private static String charDesc(int ch) {
    char c = (char) ch;
    if (Character.isISOControl(c)) {
      return "(CTRL-CHAR, code " + ch + ")";
    }
    if (ch > 255) {
      return "'" + c + "' (code " + ch + " / 0x" + Integer.toHexString(ch) + ")";
    }
    return "'" + c + "' (code " + ch + ")";
  }
}
