package id.sinergi.identity.service;

import id.sinergi.common.consent.DataCategory;
import id.sinergi.common.consent.LawfulBasis;
import id.sinergi.common.consent.Purpose;
import id.sinergi.identity.domain.Source;
import id.sinergi.identity.domain.SourceRecord;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What one read may show of each source's records, per data category, and why: the caller's own agency's records
 * on the owner's basis, the other agency's as consent-service decided. A category of a source without a verdict is
 * withheld.
 *
 * @param purpose the purpose the caller declared; null when they gave none
 * @param verdicts one per source the read touches and category it needs
 */
public record Release(Purpose purpose, List<Verdict> verdicts) {

    /** Reason of a verdict on the caller's own agency's records. */
    public static final String OWN_RECORDS = "OWN_RECORDS";

    /** Reason for withholding the other agency's data when the caller declared no purpose. */
    public static final String NO_PURPOSE = "NO_PURPOSE";

    /** Reason for withholding the other agency's data from a caller that is no officer (a source connector). */
    public static final String NOT_AN_OFFICER = "NOT_AN_OFFICER";

    /** Reason for withholding a category consent-service's answer left out, or permitted without a basis. */
    public static final String NO_DECISION = "NO_DECISION";

    private static final int MAX_REASON = 500;

    public Release {
        verdicts = List.copyOf(verdicts);
    }

    /** Whether the caller may see this category of the record. */
    public boolean sees(SourceRecord record, DataCategory category) {
        return verdict(record.source, category).permitted();
    }

    /** The verdict on one category of a source's records; withheld when the read holds none. */
    public Verdict verdict(Source source, DataCategory category) {
        return verdicts.stream()
                .filter(v -> v.source() == source && v.category() == category)
                .findFirst()
                .orElseGet(() -> Verdict.withheld(source, category, NO_DECISION, null));
    }

    public List<Verdict> permitted() {
        return verdicts.stream().filter(Verdict::permitted).toList();
    }

    public List<Verdict> withheld() {
        return verdicts.stream().filter(v -> !v.permitted()).toList();
    }

    /**
     * The audit reason: each permitted source and category with its basis, each withheld one with its reason code,
     * and the grants and vital-interest authorisations that permitted. Ids and codes only, no personal data.
     */
    public String auditReason() {
        String text = "permitted=" + list(permitted(), v -> v.basis().name())
                + " withheld=" + list(withheld(), Verdict::reason)
                + ids(" grants=", permitted().stream().map(Verdict::grantId).toList())
                + ids(
                        " vital=",
                        permitted().stream().map(Verdict::vitalInterestId).toList());
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON);
    }

    private static String list(List<Verdict> verdicts, java.util.function.Function<Verdict, String> code) {
        return verdicts.isEmpty()
                ? "-"
                : verdicts.stream()
                        .map(v -> v.source() + "." + v.category() + ":" + code.apply(v))
                        .collect(Collectors.joining(","));
    }

    private static String ids(String key, List<UUID> ids) {
        List<String> distinct = ids.stream()
                .filter(Objects::nonNull)
                .map(UUID::toString)
                .distinct()
                .sorted()
                .toList();
        return distinct.isEmpty() ? "" : key + String.join(",", distinct);
    }

    /**
     * The verdict on one data category of one source's records.
     *
     * @param basis the lawful basis of a release; null when withheld
     * @param reason a stable code: {@link #OWN_RECORDS}, consent-service's reason ({@code LAWFUL_BASIS},
     *     {@code GRANT_IN_FORCE}, {@code NO_GRANT}, {@code GRANT_REVOKED}, ...), or {@link #NO_PURPOSE},
     *     {@link #NOT_AN_OFFICER}, {@link #NO_DECISION}
     * @param grantId the grant that permitted, or that no longer covers
     * @param vitalInterestId the vital-interest authorisation that permitted
     */
    public record Verdict(
            Source source,
            DataCategory category,
            boolean permitted,
            LawfulBasis basis,
            String reason,
            UUID grantId,
            UUID vitalInterestId) {

        static Verdict own(Source source, DataCategory category) {
            return new Verdict(source, category, true, source.ownerBasis(), OWN_RECORDS, null, null);
        }

        static Verdict withheld(Source source, DataCategory category, String reason, UUID grantId) {
            return new Verdict(source, category, false, null, reason, grantId, null);
        }
    }
}
