package id.sinergi.consent.service;

import id.sinergi.common.consent.DataCategory;
import id.sinergi.common.consent.Purpose;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import id.sinergi.consent.domain.CaptureChannel;
import id.sinergi.consent.domain.CaptureLanguages;
import id.sinergi.consent.domain.CapturePlace;
import id.sinergi.consent.domain.ConsentGrant;
import id.sinergi.consent.domain.GrantGiver;
import id.sinergi.consent.domain.GrantStatus;
import id.sinergi.consent.rest.ConsentDtos.Capture;
import id.sinergi.consent.rest.ConsentDtos.GrantRequest;
import id.sinergi.consent.vocabulary.PurposeRule;
import id.sinergi.consent.vocabulary.PurposeVocabulary;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Builds a grant from a request and the caller's token, checking every part of the artefact first: a request
 * that breaks a rule gets the problem of that rule and nothing is written.
 */
final class GrantArtefacts {

    /** The longest validity a single grant may have. */
    static final long MAX_VALIDITY_DAYS = 5 * 366;

    /** How far a grant's start may lie in the past: clock skew between the channel and us, not backdating. */
    static final Duration MAX_BACKDATING = Duration.ofMinutes(5);

    /** How far ahead a grant's start may lie. */
    static final long MAX_START_AHEAD_DAYS = 366;

    /** Retention when the request names none. */
    static final Period DEFAULT_RETENTION = Period.ofYears(1);

    /** The longest retention a grant may allow. */
    static final Period MAX_RETENTION = Period.ofYears(5);

    /** Years, months, weeks and days, each at most four digits; no time part, no sign. */
    private static final Pattern RETENTION_FORMAT =
            Pattern.compile("P(\\d{1,4}Y)?(\\d{1,4}M)?(\\d{1,4}W)?(\\d{1,4}D)?");

    private static final LocalDate RETENTION_REFERENCE = LocalDate.of(2000, 1, 1);

    private GrantArtefacts() {}

    static ConsentGrant build(GrantRequest request, Caller caller, Instant now) {
        checkPurposes(request);
        Instant from = validFrom(request, now);
        ConsentGrant grant = new ConsentGrant();
        grant.id = UUID.randomUUID();
        grant.workerId = request.workerId();
        grant.receivingAgency = request.receivingAgency();
        grant.purposes = request.purposes();
        grant.dataCategories = request.dataCategories();
        grant.validFrom = from;
        grant.validUntil = validUntil(request, from, now);
        grant.status = initialStatus(request.status());
        grant.grantedAt = now;
        grant.grantedBy = caller.subject();
        grant.retention = retention(request.retention()).toString();
        grant.revision = 1;
        giver(request, grant);
        capture(request.capture(), caller, grant);
        return grant;
    }

    /** Every purpose must be one the receiving agency may use, and one for which consent is asked for a category. */
    private static void checkPurposes(GrantRequest request) {
        for (Purpose purpose : request.purposes()) {
            PurposeRule rule = PurposeVocabulary.rule(purpose);
            if (!rule.usableBy(request.receivingAgency())) {
                throw ProblemException.invalidField(
                        "purpose-not-for-agency",
                        "purposes",
                        "names " + purpose + ", which " + request.receivingAgency() + " may not use");
            }
            if (Collections.disjoint(rule.consentCategories(), request.dataCategories())) {
                throw ProblemException.invalidField(
                        "consent-not-the-basis",
                        "purposes",
                        "names " + purpose + ", for which consent is not the basis of any of the categories "
                                + sorted(request.dataCategories()) + " (see GET /api/purposes)");
            }
        }
    }

    private static String sorted(Set<DataCategory> categories) {
        return categories.stream().sorted().toList().toString();
    }

    /** The start of validity: now when omitted; neither backdated beyond clock skew nor more than a year ahead. */
    private static Instant validFrom(GrantRequest request, Instant now) {
        if (request.validFrom() == null) {
            return now;
        }
        Instant from = request.validFrom().truncatedTo(ChronoUnit.MICROS);
        if (from.isBefore(now.minus(MAX_BACKDATING))) {
            throw ProblemException.invalidField(
                    "validity-window", "validFrom", "must not lie more than five minutes in the past");
        }
        if (from.isAfter(now.plus(MAX_START_AHEAD_DAYS, ChronoUnit.DAYS))) {
            throw ProblemException.invalidField(
                    "validity-window", "validFrom", "must not lie more than one year in the future");
        }
        return from;
    }

    private static Instant validUntil(GrantRequest request, Instant from, Instant now) {
        Instant until = request.validUntil().truncatedTo(ChronoUnit.MICROS);
        if (!until.isAfter(from)) {
            throw ProblemException.invalidField("validity-window", "validUntil", "must be after validFrom");
        }
        if (!until.isAfter(now)) {
            throw ProblemException.invalidField("validity-window", "validUntil", "must be in the future");
        }
        if (until.isAfter(from.plus(MAX_VALIDITY_DAYS, ChronoUnit.DAYS))) {
            throw ProblemException.invalidField(
                    "validity-window", "validUntil", "must be at most five years after validFrom");
        }
        return until;
    }

    private static GrantStatus initialStatus(GrantStatus requested) {
        if (requested == null) {
            return GrantStatus.ACTIVE;
        }
        if (requested != GrantStatus.ACTIVE && requested != GrantStatus.PENDING) {
            throw ProblemException.invalidField("initial-status", "status", "must be ACTIVE or PENDING");
        }
        return requested;
    }

    /** A period of whole days, weeks, months or years, at least a day and at most five years. */
    static Period retention(String text) {
        if (text == null) {
            return DEFAULT_RETENTION;
        }
        if (!RETENTION_FORMAT.matcher(text).matches() || text.equals("P")) {
            throw ProblemException.invalidField(
                    "retention", "retention", "must be an ISO-8601 period of days to years, such as P6M");
        }
        Period period = Period.parse(text);
        LocalDate end = RETENTION_REFERENCE.plus(period);
        if (!end.isAfter(RETENTION_REFERENCE)) {
            throw ProblemException.invalidField("retention", "retention", "must be at least one day (P1D)");
        }
        if (end.isAfter(RETENTION_REFERENCE.plus(MAX_RETENTION))) {
            throw ProblemException.invalidField("retention", "retention", "must be at most five years (P5Y)");
        }
        return period;
    }

    private static void giver(GrantRequest request, ConsentGrant grant) {
        GrantGiver kind = request.giverKind();
        if (kind == GrantGiver.SELF && request.giver() != null) {
            throw ProblemException.invalidField("giver", "giver", "must be omitted when the worker gave it (SELF)");
        }
        if (kind != GrantGiver.SELF && request.giver() == null) {
            throw ProblemException.invalidField(
                    "giver",
                    "giver",
                    "must name the " + kind.name().toLowerCase() + " and their relationship to the worker");
        }
        grant.givenBy = kind;
        if (request.giver() != null) {
            grant.giverName = request.giver().name().strip();
            grant.giverRelationship = request.giver().relationship();
        }
    }

    /**
     * An officer's token makes the capture ASSISTED by that officer, at their mission or at the service point
     * the request names; the worker's own channel makes it SELF_SERVICE, with nobody else present.
     */
    private static void capture(Capture capture, Caller caller, ConsentGrant grant) {
        Capture given = capture == null ? new Capture(null, null, null, null) : capture;
        grant.captureLanguage = language(given.language());
        if (ConsentService.isOfficer(caller)) {
            assisted(given, caller, grant);
        } else {
            selfService(given, grant);
        }
        grant.interpreterName =
                given.interpreter() == null ? null : given.interpreter().name().strip();
        grant.witnessName =
                given.witness() == null ? null : given.witness().name().strip();
    }

    private static String language(String tag) {
        if (tag == null) {
            return CaptureLanguages.DEFAULT;
        }
        if (!CaptureLanguages.isKnown(tag)) {
            throw ProblemException.invalidField(
                    "capture-language", "capture.language", "must be one of " + CaptureLanguages.ALL);
        }
        return tag;
    }

    private static void assisted(Capture given, Caller caller, ConsentGrant grant) {
        grant.captureChannel = CaptureChannel.ASSISTED;
        grant.capturedBy = caller.subject();
        grant.capturedByUsername = caller.username();
        if (caller.hasRole(Roles.CONSULAR_OFFICER)) {
            if (given.servicePoint() != null) {
                throw ProblemException.invalidField(
                        "capture-mismatch",
                        "capture.servicePoint",
                        "must be omitted at a mission (the token names it)");
            }
            grant.capturePlace = CapturePlace.MISSION;
            grant.capturePlaceCode = caller.requireMission();
        } else if (given.servicePoint() != null) {
            grant.capturePlace = CapturePlace.SERVICE_POINT;
            grant.capturePlaceCode = given.servicePoint();
        }
    }

    private static void selfService(Capture given, ConsentGrant grant) {
        if (given.servicePoint() != null || given.interpreter() != null || given.witness() != null) {
            throw ProblemException.invalidField(
                    "capture-mismatch",
                    "capture",
                    "of a self-service grant names no service point, interpreter or witness");
        }
        grant.captureChannel = CaptureChannel.SELF_SERVICE;
    }
}
