package id.sinergi.audit.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.sinergi.common.audit.AuditOutcome;
import id.sinergi.common.validation.NoPersonalIdentifiers;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the alert and review API. */
public final class AlertDtos {

    private AlertDtos() {}

    /** A review task's state: OPEN until an auditor signs it off, then REVIEWED. */
    public enum Status {
        OPEN,
        REVIEWED
    }

    /** An auditor's finding. */
    public enum ReviewOutcome {
        /** The access had a reason that stands (a real case, an emergency). */
        JUSTIFIED,
        /** The access broke the rules; to be followed up. */
        VIOLATION,
        /** The rule fired on access that was never suspicious. */
        FALSE_POSITIVE
    }

    /** A rule's label in the two languages. */
    @Schema(name = "AlertLabel")
    public record Label(
            @Schema(description = "Bahasa Indonesia") String id, @Schema(description = "English") String en) {}

    /** The officer an alert is about, as the triggering events named them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AlertActor")
    public record Actor(String subject, String username, String agency, String mission) {}

    /** The sign-off of a task. */
    @Schema(name = "AlertReview")
    public record Review(
            ReviewOutcome outcome, String note, String reviewerSubject, String reviewerUsername, Instant reviewedAt) {}

    /** An alert or a sample review task. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AuditAlert")
    public record AlertView(
            UUID id,
            @Schema(description = "Order of raising; the cursor of the pagination") long seq,
            @Schema(
                            enumeration = {
                                "mass-read",
                                "out-of-scope",
                                "denial-burst",
                                "vital-interest",
                                "impersonation",
                                "role-change",
                                "scope-change",
                                "sample"
                            })
                    String rule,
            Label label,
            Status status,
            Instant raisedAt,
            @Schema(description = "The officer the alert is about; absent for a sample") Actor actor,
            @Schema(description = "The worker, when every triggering event is about the same one") UUID workerId,
            @Schema(description = "Start of the window of occurred_at the alert covers") Instant windowStart,
            @Schema(description = "End (exclusive) of the window") Instant windowEnd,
            @Schema(description = "The rule's threshold when raised; the size asked for, for a sample")
                    Integer threshold,
            @Schema(description = "The value that reached it (events or distinct workers); events drawn, for a sample")
                    Integer measure,
            @Schema(description = "The rule's settings or the sample's filter") String criteria,
            @Schema(description = "For a sample: the auditor who drew it") String requestedBy,
            @Schema(description = "Events that made the alert fire, or the events of the sample")
                    List<UUID> triggeringEvents,
            @Schema(description = "Events of the same rule and officer later in the window") List<UUID> laterEvents,
            @Schema(description = "The sign-off; absent while open") Review review) {}

    /** One page of tasks. */
    @Schema(name = "AuditAlertPage")
    public record AlertPage(
            List<AlertView> alerts,
            @Schema(description = "Pass as 'after' for the next page; null on the last page", nullable = true)
                    Long next) {}

    /** An auditor's sign-off. */
    @Schema(name = "AlertReviewRequest")
    public record ReviewRequest(
            @NotNull ReviewOutcome outcome,
            @NotBlank
                    @Size(max = 2000)
                    @NoPersonalIdentifiers
                    @Schema(description = "Why; no NIK, passport number or name")
                    String note) {}

    /** A random sample of sealed events to review; the filters are optional and combine with "and". */
    @Schema(name = "SampleReviewRequest")
    public record SampleRequest(
            @NotNull @Min(1) @Max(MAX_SAMPLE) @Schema(description = "How many events to draw, 1 to 100") Integer size,
            @Size(max = 64) @Pattern(regexp = "[a-z][a-z0-9-]*") String service,
            @Size(max = 96) @Pattern(regexp = "[a-z][a-z0-9.-]*") String action,
            AuditOutcome outcome,
            @Schema(description = "Events that occurred at or after this instant") Instant from,
            @Schema(description = "Events that occurred before this instant") Instant to) {}

    /** The most events one sample draws. */
    public static final int MAX_SAMPLE = 100;
}
