package id.sinergi.identity.passport;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The codes ICAO Doc 9303 allows for an issuing state or a nationality: ISO 3166-1 alpha-3 plus the codes ICAO
 * assigns itself (Germany's one-letter {@code D}, British nationality classes, UN bodies, refugees and stateless
 * persons, the EU).
 */
public final class StateCodes {

    /** Utopia, the fictitious state of ICAO's specimen documents. */
    public static final String SPECIMEN_STATE = "UTO";

    /**
     * Codes outside ISO 3166-1 that passports carry. RKS is not in Doc 9303 but is what Kosovo prints, so a
     * Kosovar worker's passport must not be refused for it.
     */
    private static final Set<String> ICAO_CODES = Set.of(
            "D", // Germany
            "EUE", // European Union
            "GBD", // British Overseas Territories Citizen
            "GBN", // British National (Overseas)
            "GBO", // British Overseas Citizen
            "GBP", // British Protected Person
            "GBS", // British Subject
            "RKS", // Kosovo, as its own passports print it
            "UNA", // specialized agency of the United Nations
            "UNK", // resident of Kosovo, documents issued by UNMIK
            "UNO", // United Nations Organization
            "XBA", // African Development Bank
            "XCC", // Caribbean Community
            "XCE", // Council of Europe
            "XCO", // Common Market for Eastern and Southern Africa
            "XDC", // Southern African Development Community
            "XEC", // Economic Community of West African States
            "XES", // Organisation of Eastern Caribbean States
            "XIM", // African Export-Import Bank
            "XMP", // Parliamentary Assembly of the Mediterranean
            "XOM", // Sovereign Military Order of Malta
            "XPO", // Interpol
            "XXA", // stateless person (1954 Convention)
            "XXB", // refugee (1951 Convention)
            "XXC", // refugee, other than under the 1951 Convention
            "XXX"); // nationality unspecified

    private final Set<String> codes;

    private StateCodes(boolean allowSpecimenStates) {
        Set<String> all = new HashSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
        all.addAll(ICAO_CODES);
        if (allowSpecimenStates) {
            all.add(SPECIMEN_STATE);
        }
        this.codes = Set.copyOf(all);
    }

    /** The codes real passports carry; the specimen state is refused. */
    public static StateCodes production() {
        return new StateCodes(false);
    }

    /** The codes of {@link #production()}, and the specimen state too when {@code allowSpecimenStates} is set. */
    public static StateCodes of(boolean allowSpecimenStates) {
        return new StateCodes(allowSpecimenStates);
    }

    /** Whether {@code code} (without fillers, e.g. {@code D} or {@code IDN}) names a state or body ICAO knows. */
    public boolean isKnown(String code) {
        return code != null && codes.contains(code);
    }

    /** Whether two known codes name the same state: Germany prints {@code D} where ISO says {@code DEU}. */
    public static boolean sameState(String a, String b) {
        return germanyAsIso(a).equals(germanyAsIso(b));
    }

    /** The code in a 3-character MRZ state field, its trailing fillers removed ({@code D<<} gives {@code D}). */
    public static String withoutFillers(String field) {
        int end = field.length();
        while (end > 0 && field.charAt(end - 1) == '<') {
            end--;
        }
        return field.substring(0, end);
    }

    private static String germanyAsIso(String code) {
        return "D".equals(code) ? "DEU" : code;
    }
}
