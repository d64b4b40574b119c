package id.sinergi.identity.passport;

/**
 * One check digit as printed and as computed.
 *
 * @param found the character printed in the zone
 * @param computed the digit the data asks for, or null when the data is no date and so has no meaningful digit
 * @param passed whether {@code found} is acceptable: the computed digit, or '<' for empty optional data
 */
public record CheckDigit(char found, Character computed, boolean passed) {}
