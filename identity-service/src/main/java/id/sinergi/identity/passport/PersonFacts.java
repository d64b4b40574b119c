package id.sinergi.identity.passport;

import id.sinergi.identity.matching.Sex;
import java.time.LocalDate;

/**
 * What the worker's record says about the holder, to hold the zone against; any part may be null when unknown.
 *
 * @param fullName the name as the record spells it, in any order of given and family names
 */
public record PersonFacts(String fullName, LocalDate birthDate, Sex sex) {}
