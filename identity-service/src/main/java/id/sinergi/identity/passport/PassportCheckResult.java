package id.sinergi.identity.passport;

import java.util.List;
import java.util.Optional;

/** The outcome of {@link PassportCheck}: what refuses the passport, what only marks the record, and the zone read. */
public final class PassportCheckResult {

    private final List<PassportFinding> findings;
    private final Td3Fields mrz;

    PassportCheckResult(List<PassportFinding> findings, Td3Fields mrz) {
        this.findings = List.copyOf(findings);
        this.mrz = mrz;
    }

    /** The findings that refuse the passport. */
    public List<PassportFinding> errors() {
        return of(PassportFindingCode.Severity.REJECT);
    }

    /** The findings that keep the passport and mark the record for review. */
    public List<PassportFinding> flags() {
        return of(PassportFindingCode.Severity.FLAG);
    }

    /** Whether no finding refuses the passport. */
    public boolean isAccepted() {
        return errors().isEmpty();
    }

    /** The zone's fields, when a zone of the right shape was given; trust them only if the passport is accepted. */
    public Optional<Td3Fields> mrz() {
        return Optional.ofNullable(mrz);
    }

    private List<PassportFinding> of(PassportFindingCode.Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }
}
