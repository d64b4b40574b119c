package id.sinergi.cases.service;

import id.sinergi.cases.domain.CaseOutcome;
import id.sinergi.cases.domain.OutcomeKind;
import id.sinergi.cases.domain.ProtectionCase;
import id.sinergi.cases.reference.CaseCategory;
import id.sinergi.cases.reference.ReferenceData;
import id.sinergi.cases.rest.OutcomeDtos.OutcomeRequest;
import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.consent.CriticalCaseCategory;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * The outcomes of a case: wages recovered, the worker or their remains brought home, a legal result. The lead side
 * records them, several per case, on any case not closed; each is audited as {@code case.outcome} with its kind
 * only (amounts and notes stay in the case file).
 */
@ApplicationScoped
public class CaseOutcomes {

    static final String RECORD = "case.outcome";
    static final String READ = "case.outcome.read";

    /**
     * A date is in the future when it has not begun anywhere on Earth yet: UTC+14 is the first to reach a date, so a
     * mission in any time zone can record what happened there today.
     */
    static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    /** The last zone to reach a date, for the earliest date an outcome may carry: its case's report day there. */
    static final ZoneOffset LATEST_ZONE = ZoneOffset.ofHours(-12);

    @Inject
    CaseAccess access;

    @Inject
    ReferenceData reference;

    /** Records the outcome on the case at {@code version}. */
    public Uni<Versioned<CaseOutcome>> record(UUID caseId, long version, OutcomeRequest request, Caller caller) {
        CaseOutcome o = outcome(request, LocalDate.now(EARLIEST_ZONE));
        AuditActor actor = caller.actor();
        return access.change(caseId, version, caller, RECORD, c -> {
                    if (!c.status.isOpen()) {
                        throw ProblemException.conflict(
                                "case-closed", "Case closed", "A closed case takes no outcome; reopen it first");
                    }
                    checkNotBeforeReport(o.occurredOn, c.reportedAt);
                    if (o.kind == OutcomeKind.REMAINS_REPATRIATED && !isDeath(c)) {
                        ProblemException notDeath = ProblemException.conflict(
                                "not-a-death-case",
                                "Not a case of death",
                                "Remains are repatriated in a case of a worker's death (MENINGGAL_DUNIA); this case"
                                        + " is " + c.categoryCode);
                        notDeath.problem().with("categoryCode", c.categoryCode);
                        throw notDeath;
                    }
                    o.id = UUID.randomUUID();
                    o.caseId = c.id;
                    o.actorSubject = actor.subject();
                    o.actorUsername = actor.username();
                    o.recordedAt = c.updatedAt;
                    return o.persist()
                            .call(() -> access.record(access.event(actor, RECORD, c)
                                    .reason("outcome=" + o.id + " kind=" + o.kind
                                            + (o.legalResult == null ? "" : " result=" + o.legalResult))
                                    .build()))
                            .replaceWith(c);
                })
                .map(c -> new Versioned<>(o, c.version))
                .invoke(() -> Log.infof("event=case-outcome case=%s outcome=%s kind=%s", caseId, o.id, o.kind));
    }

    /**
     * The outcome the request describes, checked for its kind: the fields it needs are there, those of other kinds
     * are not, the currency is one of ISO 4217 and the amount fits it, and the date is not after {@code today}.
     */
    static CaseOutcome outcome(OutcomeRequest request, LocalDate today) {
        OutcomeKind kind = request.kind();
        boolean wages = kind == OutcomeKind.WAGES_RECOVERED;
        boolean legal = kind == OutcomeKind.LEGAL_RESULT;
        boolean homecoming = kind == OutcomeKind.REPATRIATED || kind == OutcomeKind.REMAINS_REPATRIATED;
        need(kind, "amount", request.amount(), wages);
        need(kind, "currency", request.currency(), wages);
        need(kind, "legalResult", request.legalResult(), legal);
        if (legal && request.note() == null) {
            throw required(kind, "note");
        }
        if (homecoming && request.date() == null) {
            throw required(kind, "date");
        }
        if (request.date() != null && request.date().isAfter(today)) {
            throw ProblemException.invalidField("date-in-future", "date", "must not be in the future");
        }
        CaseOutcome o = new CaseOutcome();
        o.kind = kind;
        if (wages) {
            Currency currency = currency(request.currency());
            o.amount = amountIn(request.amount(), currency);
            o.currency = currency.getCurrencyCode();
        }
        o.occurredOn = request.date();
        o.legalResult = request.legalResult();
        o.note = request.note();
        return o;
    }

    /**
     * 400 {@code date-before-report} when the outcome's date is before the day the case was reported, in the last
     * zone to reach that day (UTC-12), so that a mission anywhere may record what happened on its report day.
     */
    static void checkNotBeforeReport(LocalDate date, Instant reportedAt) {
        LocalDate reported = LocalDate.ofInstant(reportedAt, LATEST_ZONE);
        if (date != null && date.isBefore(reported)) {
            throw ProblemException.invalidField(
                    "date-before-report", "date", "must not be before the case was reported (" + reported + ")");
        }
    }

    /** 400 when a field the kind needs is missing, or one it does not take is given. */
    private static void need(OutcomeKind kind, String field, Object value, boolean needed) {
        if (needed && value == null) {
            throw required(kind, field);
        }
        if (!needed && value != null) {
            throw ProblemException.invalidField("outcome-field-not-allowed", field, "must be left out for " + kind);
        }
    }

    private static ProblemException required(OutcomeKind kind, String field) {
        return ProblemException.invalidField("outcome-field-required", field, "is required for " + kind);
    }

    /** The ISO 4217 currency of the code; 400 unknown-currency for a code that names none or no money (XAU, XXX). */
    static Currency currency(String code) {
        try {
            Currency currency = Currency.getInstance(code);
            if (currency.getDefaultFractionDigits() >= 0) {
                return currency;
            }
        } catch (IllegalArgumentException e) {
            Log.debugf("event=unknown-currency code-length=%d", code.length());
        }
        throw ProblemException.invalidField("unknown-currency", "currency", "is not an ISO 4217 currency code");
    }

    /**
     * The amount to two places; 400 {@code amount-precision} when it has more decimals than the currency has (a
     * yen or won amount is whole). Above zero and at most two places Bean Validation has checked already.
     */
    static BigDecimal amountIn(BigDecimal amount, Currency currency) {
        int places = Math.min(2, currency.getDefaultFractionDigits());
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > places) {
            throw ProblemException.invalidField(
                    "amount-precision",
                    "amount",
                    "must have at most " + places + " decimal places in " + currency.getCurrencyCode());
        }
        return amount.setScale(2);
    }

    private boolean isDeath(ProtectionCase c) {
        return reference
                .category(c.categoryCode)
                .flatMap(CaseCategory::critical)
                .filter(CriticalCaseCategory.DEATH::equals)
                .isPresent();
    }

    /** One outcome of the case, audited as the list's read; 404 when the case has none such. */
    public Uni<Versioned<CaseOutcome>> find(UUID caseId, UUID outcomeId, Caller caller) {
        return access.readRow(caseId, caller, READ, "outcome", outcomeId, c -> CaseOutcome.<CaseOutcome>find(
                        "id = ?1 and caseId = ?2", outcomeId, c.id)
                .firstResult());
    }

    /** The case's outcomes, oldest first; the read is audited. */
    public Uni<List<CaseOutcome>> list(UUID caseId, Caller caller) {
        return access.read(caseId, caller, READ)
                .chain(c -> Panache.withSession(
                        () -> CaseOutcome.<CaseOutcome>list("caseId = ?1 order by recordedAt, id", c.id)));
    }
}
