package dev.ringlet.conformance;

/** How a statement listed in {@code known-differences.txt} is compared. */
enum Leniency {
  /** Both must fail with the same exception class and error code; message and warnings may differ. */
  ERROR_CODE("error-code"),
  /** Everything but the warnings must match. */
  IGNORE_WARNINGS("ignore-warnings"),
  /** The statement runs but its answer is not compared. */
  SKIP("skip");

  private final String keyword;

  Leniency(String keyword) {
    this.keyword = keyword;
  }

  String keyword() {
    return keyword;
  }

  static Leniency ofKeyword(String keyword) {
    for (Leniency leniency : values()) {
      if (leniency.keyword.equals(keyword)) {
        return leniency;
      }
    }
    throw new IllegalArgumentException(
        "leniency: " + keyword + " (expected: error-code, ignore-warnings or skip)");
  }
}
