package dev.ringlet.internal.cql.parse;

import java.util.List;

/** The tokens, bind markers and shared sub-parsers of one statement being parsed. */
final class ParseContext {

  final TokenStream tokens;
  final BindMarkers markers = new BindMarkers();
  final Names names;
  final TypeParser types;
  final TermParser terms;
  final SelectorParser selectors;
  final RelationParser relations;
  final PropertiesParser properties;

  ParseContext(String cql) {
    tokens = new TokenStream(cql);
    names = new Names(tokens);
    types = new TypeParser(tokens, names);
    terms = new TermParser(tokens, names, types, markers);
    selectors = new SelectorParser(tokens, names, types, terms);
    relations = new RelationParser(tokens, names, terms);
    properties = new PropertiesParser(tokens, names, terms);
  }

  List<String> boundNames() {
    return markers.names();
  }

  /** {@code IF NOT EXISTS}, consumed if present; once IF is seen the rest is required. */
  boolean ifNotExists() {
    if (!tokens.accept("IF")) return false;
    tokens.expect("NOT");
    tokens.expect("EXISTS");
    return true;
  }

  /** {@code IF EXISTS}, consumed if present; once IF is seen EXISTS is required. */
  boolean ifExists() {
    if (!tokens.accept("IF")) return false;
    tokens.expect("EXISTS");
    return true;
  }
}
