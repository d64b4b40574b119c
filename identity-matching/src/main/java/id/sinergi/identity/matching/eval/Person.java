package id.sinergi.identity.matching.eval;

import id.sinergi.identity.matching.Sex;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One synthetic person as the civil registry would know them, before any source writes them down.
 *
 * @param id the label written to {@code truth.csv}
 * @param culture the naming tradition the names come from
 * @param givenNames given names in order, e.g. {@code [Muhammad, Rizki]}; one name only for a single-name person
 * @param familyName the last name shared with siblings, or null for a single-name person
 * @param fatherName the father's given name, written after bin/binti by some records
 * @param title a hajj honorific (H., Hj.) or degree (S.Pd.) shown by the first record, or null
 * @param showsFather whether the first record writes bin/binti and the father's name
 * @param district where the NIK was issued; its regency or city is the birth place
 * @param passport the passport at first registration
 * @param relatedTo the twin's or relative's id, or -1
 * @param tags hard-negative and district labels carried by every record of the person
 */
record Person(
        int id,
        Names.Culture culture,
        Sex sex,
        List<String> givenNames,
        String familyName,
        String fatherName,
        String title,
        boolean showsFather,
        LocalDate birthDate,
        RegionCodes.District district,
        String nik,
        Passport passport,
        String destinationCountry,
        int relatedTo,
        Set<Noise> tags) {

    /** A passport as both exports record it. */
    record Passport(String number, LocalDate issued, LocalDate expiry) {}

    /** Given names then the family name: the tokens a record writes, before titles and bin/binti. */
    List<String> nameTokens() {
        if (familyName == null) {
            return givenNames;
        }
        List<String> tokens = new java.util.ArrayList<>(givenNames);
        tokens.add(familyName);
        return List.copyOf(tokens);
    }
}
