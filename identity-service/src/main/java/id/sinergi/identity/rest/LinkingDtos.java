package id.sinergi.identity.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.identity.domain.Assurance;
import id.sinergi.identity.domain.CandidateStatus;
import id.sinergi.identity.domain.LinkAction;
import id.sinergi.identity.domain.LinkEvent;
import id.sinergi.identity.domain.LinkKind;
import id.sinergi.identity.domain.MatchCandidate;
import id.sinergi.identity.domain.Phase;
import id.sinergi.identity.domain.Relationship;
import id.sinergi.identity.domain.Source;
import id.sinergi.identity.domain.SourceRecord;
import id.sinergi.identity.domain.Worker;
import id.sinergi.identity.domain.WorkerFlag;
import id.sinergi.identity.linking.MatchRuns.RunPage;
import id.sinergi.identity.linking.ReviewService.Question;
import id.sinergi.identity.linking.ReviewService.Verdict;
import id.sinergi.identity.matching.Sex;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the review queue and of the data stewards' steps. */
public final class LinkingDtos {

    private LinkingDtos() {}

    /** Every step by hand says why; the reason goes into the link history. */
    static final int REASON_MAX = 500;

    /**
     * The last page number a list accepts: with at most 200 per page its offset stays far inside an int, and no
     * list is long enough to need more.
     */
    static final int MAX_PAGE = 1_000_000;

    /** A source record in full, as a reviewer compares it. */
    @Schema(name = "SourceRecordDetails")
    public record RecordView(
            UUID id,
            Source source,
            String sourceRecordId,
            LinkKind linkKind,
            String nik,
            String passportNumber,
            String passportIssuingState,
            LocalDate passportExpiryDate,
            String fullName,
            LocalDate birthDate,
            String birthPlace,
            Sex sex,
            String destinationCountry,
            Phase phase,
            Relationship reportedBy,
            Set<WorkerFlag> flags,
            Instant receivedAt) {

        static RecordView of(SourceRecord r) {
            return new RecordView(
                    r.id,
                    r.source,
                    r.sourceRecordId,
                    r.linkKind,
                    r.nik,
                    r.passportNumber,
                    r.passportIssuingState,
                    r.passportExpiryDate,
                    r.fullName,
                    r.birthDate,
                    r.birthPlace,
                    r.sex,
                    r.destinationCountry,
                    r.phase,
                    r.reportedBy,
                    r.flags,
                    r.receivedAt);
        }
    }

    /** The candidate worker side of a question: the combined view and the records behind it. */
    @Schema(name = "ReviewWorker")
    public record ReviewWorkerView(
            UUID id,
            Assurance assurance,
            String nik,
            String fullName,
            LocalDate birthDate,
            String birthPlace,
            Sex sex,
            List<RecordView> records) {

        static ReviewWorkerView of(Worker w, List<SourceRecord> records) {
            return new ReviewWorkerView(
                    w.id,
                    w.assurance,
                    w.nik,
                    w.fullName,
                    w.birthDate,
                    w.birthPlace,
                    w.sex,
                    records.stream().map(RecordView::of).toList());
        }
    }

    @Schema(name = "ReviewQuestion", description = "Is this record the same person as this worker?")
    public record QuestionView(
            UUID id,
            CandidateStatus status,
            double score,
            @Schema(description = "Per field: agreement, weight and an explanation") JsonNode explanation,
            String rulesVersion,
            Instant createdAt,
            RecordView record,
            ReviewWorkerView worker) {

        static QuestionView of(Question q, ObjectMapper json) {
            MatchCandidate c = q.candidate();
            return new QuestionView(
                    c.id,
                    c.status,
                    c.score,
                    LinkingDtos.explanation(c.explanation, json),
                    c.rulesVersion,
                    c.createdAt,
                    RecordView.of(q.record()),
                    ReviewWorkerView.of(q.worker(), q.workerRecords()));
        }
    }

    @Schema(name = "ReviewQueue")
    public record QueueView(long open, int page, int size, List<QuestionView> questions) {}

    @Schema(name = "ReviewDecision")
    public record DecisionRequest(@NotNull Verdict verdict, @NotBlank @Size(max = REASON_MAX) String reason) {}

    @Schema(name = "ReviewDecided")
    public record DecidedView(UUID id, CandidateStatus status, UUID workerId, UUID sourceRecordId, Instant decidedAt) {

        static DecidedView of(MatchCandidate c) {
            return new DecidedView(c.id, c.status, c.workerId, c.sourceRecordId, c.decidedAt);
        }
    }

    @Schema(name = "UnlinkRequest")
    public record UnlinkRequest(@NotNull UUID sourceRecordId, @NotBlank @Size(max = REASON_MAX) String reason) {}

    @Schema(name = "Unlinked")
    public record UnlinkedView(UUID workerId, UUID sourceRecordId, UUID newWorkerId) {}

    @Schema(name = "MergeRequest", description = "Merge the worker named here into the worker of the path")
    public record MergeRequest(@NotNull UUID workerId, @NotBlank @Size(max = REASON_MAX) String reason) {}

    /** The NIK travels in the body, never in the URL. */
    @Schema(name = "PromotionRequest")
    public record PromotionRequest(
            @NotNull @Schema(description = "The NIK the officer checked: exactly 16 digits") String nik,
            @NotBlank @Size(max = REASON_MAX) @Schema(description = "How it was checked, e.g. against Dukcapil")
                    String reason) {}

    @Schema(name = "LinkEvent")
    public record LinkEventView(
            UUID id,
            LinkAction action,
            UUID workerId,
            UUID sourceRecordId,
            UUID otherWorkerId,
            String matchClass,
            Double score,
            JsonNode explanation,
            String rulesVersion,
            String actor,
            String reason,
            Instant at) {

        static LinkEventView of(LinkEvent e, ObjectMapper json) {
            return new LinkEventView(
                    e.id,
                    e.action,
                    e.workerId,
                    e.sourceRecordId,
                    e.otherWorkerId,
                    e.matchClass,
                    e.score,
                    e.explanation == null ? null : LinkingDtos.explanation(e.explanation, json),
                    e.rulesVersion,
                    e.actor,
                    e.reason,
                    e.at);
        }
    }

    @Schema(name = "LinkHistory")
    public record HistoryView(UUID workerId, List<LinkEventView> events) {}

    /** A worker in a steward's list: enough to find the documents, nothing more. */
    @Schema(name = "WorkerSummary")
    public record WorkerSummary(
            UUID id,
            Assurance assurance,
            String fullName,
            LocalDate birthDate,
            Sex sex,
            String destinationCountry,
            Set<WorkerFlag> flags,
            @Schema(description = "A linked record gives a NIK that a promotion can confirm") boolean nikAvailable,
            Instant createdAt) {

        static WorkerSummary of(Worker w) {
            return new WorkerSummary(
                    w.id,
                    w.assurance,
                    w.fullName,
                    w.birthDate,
                    w.sex,
                    w.destinationCountry,
                    w.flags,
                    w.flags.contains(WorkerFlag.NIK_AWAITING_PROMOTION),
                    w.createdAt);
        }
    }

    @Schema(name = "WorkerList")
    public record WorkerListView(int page, int size, List<WorkerSummary> workers) {}

    @Schema(name = "MatchingRunRequest")
    public record RunRequest(
            @Schema(description = "Continue after this worker id (the previous page's next); absent: from the start")
                    UUID after,
            @Schema(description = "Workers in this page, 1 to 1000", defaultValue = "200") Integer limit) {}

    @Schema(name = "MatchingRunPage")
    public record RunView(String rulesVersion, int workers, int records, int linked, int questionsOpened, UUID next) {

        static RunView of(String rulesVersion, RunPage p) {
            return new RunView(rulesVersion, p.workers(), p.records(), p.linked(), p.questionsOpened(), p.next());
        }
    }

    static JsonNode explanation(String stored, ObjectMapper json) {
        try {
            return json.readTree(stored);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("a stored match explanation is not JSON", e);
        }
    }
}
