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

  /** {@code IF NOT EXISTS}, consumed if present. */
  boolean ifNotExists() {
    return tokens.acceptAll("IF", "NOT", "EXISTS");
  }

  /** {@code IF EXISTS}, consumed if present. */
  boolean ifExists() {
    return tokens.acceptAll("IF", "EXISTS");
  }
}
