package id.sinergi.cases.rest;

import id.sinergi.cases.domain.Deadline;
import id.sinergi.cases.domain.DeadlineStatus;
import id.sinergi.cases.domain.EscalationLevel;
import id.sinergi.cases.domain.ProtectionCase;
import id.sinergi.cases.reference.Term;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the deadline views. */
public final class DeadlineDtos {

    private DeadlineDtos() {}

    /** A deadline status with its Indonesian term and English gloss. */
    static Term term(DeadlineStatus s) {
        return new Term(s.name(), s.termId(), s.glossEn());
    }

    static Term term(Deadline d) {
        return new Term(d.name(), d.termId(), d.glossEn());
    }

    /**
     * How far up the escalation ladder a case is, and who stands there for its lead agency.
     *
     * @param level 0 (the officer), 1 (head of protection) or 2 (protection directorate)
     * @param code OFFICER, HEAD_OF_PROTECTION or PROTECTION_DIRECTORATE
     */
    @Schema(name = "CaseEscalation")
    public record EscalationView(
            int level,
            String code,
            @Schema(example = "Kepala Fungsi Pelindungan WNI perwakilan") String termId,
            @Schema(example = "the mission's head of protection") String glossEn) {

        static EscalationView of(ProtectionCase c) {
            EscalationLevel level = EscalationLevel.of(c.escalationLevel);
            return new EscalationView(
                    level.level(), level.name(), level.holderTermId(c.leadAgency), level.holderGlossEn(c.leadAgency));
        }
    }
}
