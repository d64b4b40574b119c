package id.sinergi.cases.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a protection case stands, and which steps the workflow allows from there. A closed case is never changed
 * again except by reopening it, so its history stays as it happened; closing itself is a supervisor's approval of
 * an officer's request (see {@code CaseWorkflow#decideClosure}), never a plain transition.
 */
public enum CaseStatus {
    REPORTED("Dilaporkan", "reported"),
    TRIAGED("Ditelaah", "triaged"),
    IN_PROGRESS("Dalam penanganan", "being handled"),
    REFERRED("Dirujuk", "referred"),
    RESOLVED("Selesai ditangani", "resolved"),
    CLOSED("Ditutup", "closed"),
    REOPENED("Dibuka kembali", "reopened");

    private final String termId;
    private final String glossEn;

    CaseStatus(String termId, String glossEn) {
        this.termId = termId;
        this.glossEn = glossEn;
    }

    /** The Indonesian term the ministries use. */
    public String termId() {
        return termId;
    }

    /** A short English gloss of the term. */
    public String glossEn() {
        return glossEn;
    }

    /** The statuses the workflow allows a case in this status to move to; CLOSED only through a supervisor. */
    public Set<CaseStatus> next() {
        return switch (this) {
            case REPORTED -> EnumSet.of(TRIAGED);
            case TRIAGED -> EnumSet.of(IN_PROGRESS, REFERRED);
            case IN_PROGRESS -> EnumSet.of(REFERRED, RESOLVED);
            case REFERRED -> EnumSet.of(IN_PROGRESS, RESOLVED);
            case RESOLVED -> EnumSet.of(IN_PROGRESS, CLOSED);
            case CLOSED -> EnumSet.of(REOPENED);
            case REOPENED -> EnumSet.of(TRIAGED, IN_PROGRESS);
        };
    }

    /** Whether the workflow allows a case in this status to move to {@code target}. */
    public boolean canMoveTo(CaseStatus target) {
        return target != null && next().contains(target);
    }

    /** Whether the case is still being worked on: every status but CLOSED. */
    public boolean isOpen() {
        return this != CLOSED;
    }
}
