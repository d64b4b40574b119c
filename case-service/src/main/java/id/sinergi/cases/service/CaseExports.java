package id.sinergi.cases.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.sinergi.cases.domain.CaseStatus;
import id.sinergi.cases.domain.Party;
import id.sinergi.cases.domain.ProtectionCase;
import id.sinergi.cases.redaction.CaseFields;
import id.sinergi.cases.redaction.ExportFormat;
import id.sinergi.cases.redaction.Redaction;
import id.sinergi.cases.redaction.RedactionRules;
import id.sinergi.cases.reference.ReferenceData;
import id.sinergi.cases.reference.Term;
import id.sinergi.cases.rest.CaseDtos.CaseView;
import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * Cases as they go to a party: an officer prepares what an employer, a placement agency, the insurer or the other
 * ministry receives. Who may export a case is who may read it (out of scope: 404 and a denied audit event); what
 * the export holds is what the party's redaction rule shares for the case's category ({@link RedactionRules}).
 * Every exported case is audited as {@value #ACTION}, naming the party, the format, the rule and the fields shared,
 * which is the record of who received the worker's data (UU 27/2022 Pasal 32).
 */
@ApplicationScoped
public class CaseExports {

    static final String ACTION = "case.export";

    /** The most cases one list export holds. */
    public static final int MAX_CASES = 1000;

    @Inject
    CaseAccess access;

    @Inject
    RedactionRules rules;

    @Inject
    ReferenceData reference;

    @Inject
    ObjectMapper mapper;

    /**
     * One exported case.
     *
     * @param body the case's fields shared with the party, after members {@code party} and {@code withheld}
     */
    public record Exported(ObjectNode body, Redaction redaction) {}

    /** A list export's cases, and whether more matched than the limit let in. */
    public record Listed(List<Exported> cases, boolean more) {}

    /**
     * What a list export asks for; null parts do not filter.
     *
     * @param limit how many cases at most, 1 to {@value CaseExports#MAX_CASES}
     */
    public record Filter(String missionId, CaseStatus status, String categoryCode, UUID workerId, int limit) {}

    /** The case for the party, audited; 404 and a denied audit event when the caller may not read it. */
    public Uni<Exported> one(UUID caseId, Party party, Caller caller) {
        return access.read(caseId, caller, ACTION, c -> reason(rules.forCase(party, c.categoryCode), ExportFormat.JSON))
                .map(c -> export(c, party));
    }

    /**
     * The caller's cases matching the filter, newest first, for the party, each audited. A consular officer asking
     * for another mission's cases gets none, and the attempt is audited as denied.
     */
    public Uni<Listed> list(Filter filter, Party party, ExportFormat format, Caller caller) {
        if (filter.missionId() != null && reference.mission(filter.missionId()).isEmpty()) {
            throw ProblemException.invalidField("unknown-mission", "missionId", "is not a known mission");
        }
        if (filter.categoryCode() != null
                && reference.category(filter.categoryCode()).isEmpty()) {
            throw ProblemException.invalidField("unknown-category", "categoryCode", "is not a known case category");
        }
        CallerScope scope = CallerScope.of(caller);
        AuditActor actor = caller.actor();
        String asked = "party=" + party + " format=" + format.parameter();
        if (filter.missionId() != null && !scope.seesMission(filter.missionId())) {
            return access.deniedMission(actor, ACTION, filter.missionId(), asked)
                    .replaceWith(new Listed(List.of(), false));
        }
        CaseQuery query = new CaseQuery(scope)
                .and("missionId", filter.missionId())
                .and("status", filter.status())
                .and("categoryCode", filter.categoryCode())
                .and("workerId", filter.workerId());
        int limit = filter.limit();
        return Panache.withTransaction(() -> ProtectionCase.<ProtectionCase>find(
                                query.where(), Sort.descending("reportedAt", "id"), query.params())
                        .page(Page.ofSize(limit + 1))
                        .list()
                        .chain(found -> {
                            List<ProtectionCase> cases = found.size() > limit ? found.subList(0, limit) : found;
                            return audit(actor, cases, party, format, asked)
                                    .replaceWith(new Listed(
                                            cases.stream()
                                                    .map(c -> export(c, party))
                                                    .toList(),
                                            found.size() > limit));
                        }))
                .invoke(listed -> Log.infof(
                        "event=cases-exported party=%s format=%s cases=%d actor=%s",
                        party, format.parameter(), listed.cases().size(), actor.subject()));
    }

    /** The CSV columns of the party's exports: those of every field some rule shares with it. */
    public List<String> columns(Party party) {
        return CaseFields.columns(rules.everShared(party));
    }

    private Exported export(ProtectionCase c, Party party) {
        Redaction redaction = rules.forCase(party, c.categoryCode);
        ObjectNode view = mapper.valueToTree(CaseView.of(c, reference));
        ObjectNode body = mapper.createObjectNode();
        body.set("party", mapper.valueToTree(new Term(party.name(), party.termId(), party.glossEn())));
        ArrayNode withheld = body.putArray("withheld");
        redaction.withheld().forEach(withheld::add);
        for (String field : redaction.shared()) {
            JsonNode value = view.get(field);
            if (value != null && !value.isNull()) {
                body.set(field, value);
            }
        }
        return new Exported(body, redaction);
    }

    private Uni<Void> audit(
            AuditActor actor, List<ProtectionCase> cases, Party party, ExportFormat format, String asked) {
        if (cases.isEmpty()) {
            return access.record(listEvent(actor).reason("cases=0 " + asked).build());
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ProtectionCase c : cases) {
            AuditEvent event = access.event(actor, ACTION, c)
                    .reason(reason(rules.forCase(party, c.categoryCode), format))
                    .build();
            chain = chain.chain(() -> access.record(event));
        }
        return chain;
    }

    private AuditEvent.Builder listEvent(AuditActor actor) {
        return access.event(actor, ACTION);
    }

    /** What went to whom: the party, the format, the rule that applied and the fields shared. */
    static String reason(Redaction redaction, ExportFormat format) {
        String shared = redaction.withheld().isEmpty() ? "all" : String.join(",", redaction.shared());
        return "party=" + redaction.party() + " format=" + format.parameter() + " rule=" + redaction.rule() + " shared="
                + shared;
    }
}
