package id.sinergi.identity.matching;

/**
 * The comparison of one field: its agreement, its log-likelihood weight and why, in English.
 *
 * <p>Field names are {@code name}, {@code birthDate}, {@code sex}, {@code birthPlace}, {@code nik} and
 * {@code passport}. The explanation never contains the compared values.
 */
public record FieldScore(String field, Agreement agreement, double weight, String explanation) {}
