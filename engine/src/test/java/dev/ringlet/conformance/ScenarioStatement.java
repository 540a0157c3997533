package dev.ringlet.conformance;

/**
 * One statement of a scenario.
 *
 * @param number 1-based position in the scenario, the key of its answer in the golden file
 * @param line the line of the scenario file where the statement starts
 * @param cql the statement text, its lines joined by single spaces, without the final {@code ;}
 * @param directives how to run it
 */
record ScenarioStatement(int number, int line, String cql, Directives directives) {}
