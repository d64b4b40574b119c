package id.sinergi.audit.service;

import java.util.Map;

/**
 * Counts of the events a filter covers.
 *
 * @param total all of them
 * @param byAction per action, in action order
 * @param byOutcome per outcome, every outcome present
 */
public record Summary(long total, Map<String, Long> byAction, Map<String, Long> byOutcome) {}
