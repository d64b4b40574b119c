package id.sinergi.cases.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.sinergi.cases.domain.CaseOutcome;
import id.sinergi.cases.domain.LegalResult;
import id.sinergi.cases.domain.OutcomeKind;
import id.sinergi.cases.reference.Term;
import id.sinergi.common.validation.NoPersonalIdentifiers;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of a case's outcomes. */
public final class OutcomeDtos {

    private OutcomeDtos() {}

    /** The longest note of an outcome. */
    public static final int MAX_NOTE = 1000;

    /**
     * One outcome of the case. WAGES_RECOVERED takes amount and currency (and may take the date paid);
     * REPATRIATED and REMAINS_REPATRIATED take the date; LEGAL_RESULT takes legalResult and a note (and may take the
     * date of the judgment or settlement). Fields of another kind are refused.
     */
    @Schema(name = "CaseOutcomeRequest")
    public record OutcomeRequest(
            @NotNull OutcomeKind kind,
            @DecimalMin(value = "0", inclusive = false)
                    @Digits(integer = 12, fraction = 2)
                    @Schema(example = "4500.00", description = "More than 0, at most 2 decimal places")
                    BigDecimal amount,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code of three capital letters")
                    @Schema(example = "MYR")
                    String currency,
            @Schema(description = "When it happened; not in the future, nor before the case was reported")
                    LocalDate date,
            LegalResult legalResult,
            @Size(min = 1, max = MAX_NOTE)
                    @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
                    @NoPersonalIdentifiers
                    String note) {}

    /** An outcome as the API shows it. */
    @Schema(name = "CaseOutcome")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OutcomeView(
            UUID id,
            UUID caseId,
            Term kind,
            @Schema(type = SchemaType.STRING, example = "4500.00", description = "A decimal in the currency's units")
                    String amount,
            String currency,
            LocalDate date,
            Term legalResult,
            String note,
            String recordedBy,
            Instant recordedAt) {

        public static OutcomeView of(CaseOutcome o) {
            return new OutcomeView(
                    o.id,
                    o.caseId,
                    new Term(o.kind.name(), o.kind.termId(), o.kind.glossEn()),
                    o.amount == null ? null : o.amount.setScale(2).toPlainString(),
                    o.currency == null ? null : o.currency.strip(),
                    o.occurredOn,
                    o.legalResult == null
                            ? null
                            : new Term(o.legalResult.name(), o.legalResult.termId(), o.legalResult.glossEn()),
                    o.note,
                    o.actorUsername,
                    o.recordedAt);
        }
    }
}
