package id.sinergi.identity.passport;

/**
 * The holder's name as a TD3 zone prints it. A person with one name only (common in Indonesia) has an empty
 * primary identifier or an empty secondary identifier, depending on the issuing office.
 *
 * @param primaryIdentifier the text before the first {@code <<} (the surname, where there is one), fillers as spaces
 * @param secondaryIdentifier the text after it (the given names), fillers as single spaces
 * @param truncated whether the name reaches the field's last position: Doc 9303 marks a cut name no other way, so
 *     a name of exactly 39 characters counts as possibly cut too
 */
public record MrzName(String primaryIdentifier, String secondaryIdentifier, boolean truncated) {

    static MrzName parse(String field) {
        int split = field.indexOf("<<");
        String primary = split < 0 ? field : field.substring(0, split);
        String secondary = split < 0 ? "" : field.substring(split + 2);
        return new MrzName(words(primary), words(secondary), field.charAt(field.length() - 1) != '<');
    }

    /** Fillers become spaces, runs of them one space, and none is kept at either end. */
    private static String words(String part) {
        return part.replace('<', ' ').trim().replaceAll(" +", " ");
    }
}
