package id.sinergi.cases.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.sinergi.cases.domain.Deadline;
import id.sinergi.cases.domain.DeadlineStatus;
import id.sinergi.cases.domain.EscalationLevel;
import id.sinergi.cases.domain.Phase;
import id.sinergi.cases.domain.Priority;
import id.sinergi.cases.domain.ProtectionCase;
import id.sinergi.cases.reference.CaseCategory;
import id.sinergi.cases.reference.Mission;
import id.sinergi.cases.reference.ReferenceData;
import id.sinergi.cases.reference.Term;
import id.sinergi.cases.service.CaseBreaches;
import id.sinergi.cases.service.CaseStatistics;
import id.sinergi.cases.service.CaseStatistics.AgeBucket;
import id.sinergi.cases.service.CaseStatistics.Tally;
import id.sinergi.common.security.Agency;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the deadline views: a case's escalation, the breach list and the case statistics. */
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

    /**
     * One breached deadline of an open case.
     *
     * @param lateBy how long past due, ISO 8601 (e.g. {@code PT26H30M}); until now while not met
     * @param lateSeconds the same in seconds, for sorting and charts
     */
    @Schema(name = "CaseBreach")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BreachView(
            UUID caseId,
            @Schema(example = "KBRI-KUALALUMPUR/2026/000001") String reference,
            String missionId,
            Agency leadAgency,
            Term category,
            Term priority,
            Term caseStatus,
            @Schema(description = "FIRST_RESPONSE or RESOLUTION") Term deadline,
            @Schema(description = "RED while overdue, MET_LATE when met after its due time") Term deadlineStatus,
            Instant dueAt,
            @Schema(description = "When it was met; absent while overdue") Instant metAt,
            @Schema(example = "PT26H30M") String lateBy,
            long lateSeconds,
            EscalationView escalation) {

        static BreachView of(CaseBreaches.Breach b, ReferenceData reference) {
            ProtectionCase c = b.protectionCase();
            return new BreachView(
                    c.id,
                    c.reference,
                    c.missionId,
                    c.leadAgency,
                    reference
                            .category(c.categoryCode)
                            .map(CaseCategory::term)
                            .orElse(new Term(c.categoryCode, null, null)),
                    new Term(c.priority.name(), c.priority.termId(), c.priority.glossEn()),
                    CaseDtos.CaseView.status(c.status),
                    term(b.deadline()),
                    term(b.status()),
                    b.dueAt(),
                    b.metAt(),
                    b.late().truncatedTo(ChronoUnit.SECONDS).toString(),
                    b.late().toSeconds(),
                    EscalationView.of(c));
        }
    }

    /**
     * A page of the breach list, most overdue first.
     *
     * @param asOf the time the statuses and lateness were computed at
     * @param more whether entries follow this page (ask again with offset + limit)
     */
    @Schema(name = "CaseBreachPage")
    public record BreachPage(Instant asOf, int offset, int limit, boolean more, List<BreachView> breaches) {}

    /**
     * One group of open cases: its code with the Indonesian term and English gloss where it has them.
     *
     * @param openCases open cases in the group
     * @param overdue those of them with a deadline overdue now
     */
    @Schema(name = "CaseCount")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Count(String code, String termId, String glossEn, long openCases, long overdue) {}

    /** The deadline breaches among the open cases. */
    @Schema(name = "CaseBreachCounts")
    public record BreachCounts(
            @Schema(description = "Open cases awaiting a first response past its due time") long firstResponseOverdue,
            @Schema(description = "Open cases not resolved past their due time") long resolutionOverdue,
            @Schema(description = "Open cases whose first response came after its due time") long firstResponseMetLate,
            @Schema(description = "Resolved, not yet closed cases resolved after their due time")
                    long resolutionMetLate,
            @Schema(description = "Open cases with at least one deadline overdue") long casesOverdue) {}

    /**
     * Counts of the open cases the caller sees. Categories, countries and missions are listed when they have open
     * cases, most first; phases, priorities and age buckets always, in their order. A case without a mission counts
     * under code {@code NONE}.
     */
    @Schema(name = "CaseStatistics")
    public record StatisticsView(
            Instant asOf,
            long openCases,
            BreachCounts breaches,
            List<Count> byCategory,
            @Schema(description = "By the ISO 3166-1 alpha-2 code of the mission's host country") List<Count> byCountry,
            List<Count> byMission,
            List<Count> byPhase,
            List<Count> byPriority,
            @Schema(description = "By the days since the report: under 7, 7 to 30, 30 to 90, over 90")
                    List<Count> byAge,
            @Schema(
                            description = "Outcomes of the cases in scope (open or closed) per month (UTC, by the"
                                    + " outcome's date), kind and, for recovered wages, currency; newest month first")
                    List<CaseStatistics.MonthlyOutcomes> outcomesPerMonth) {

        /** The code under which cases without a mission (or with a country unknown) are counted. */
        static final String NONE = "NONE";

        static StatisticsView of(CaseStatistics.Counts counts, ReferenceData reference) {
            List<Count> byCategory = new ArrayList<>();
            counts.byCategory().forEach((code, t) -> {
                Term term = reference.category(code).map(CaseCategory::term).orElse(new Term(code, null, null));
                byCategory.add(new Count(code, term.termId(), term.glossEn(), t.open(), t.overdue()));
            });
            List<Count> byMission = new ArrayList<>();
            Map<String, Tally> byCountry = new LinkedHashMap<>();
            Map<String, String> countryNames = new LinkedHashMap<>();
            counts.byMission().forEach((missionId, t) -> {
                Mission mission = reference.mission(missionId).orElse(null);
                byMission.add(new Count(
                        missionId == null ? NONE : missionId,
                        mission == null ? null : mission.nameId(),
                        null,
                        t.open(),
                        t.overdue()));
                String country = mission == null ? NONE : mission.countryIso2();
                byCountry.merge(country, t, (a, b) -> new Tally(a.open() + b.open(), a.overdue() + b.overdue()));
                if (mission != null) {
                    countryNames.put(country, mission.countryNameEn());
                }
            });
            List<Count> countries = new ArrayList<>();
            byCountry.forEach(
                    (iso2, t) -> countries.add(new Count(iso2, null, countryNames.get(iso2), t.open(), t.overdue())));
            List<Count> byPhase = new ArrayList<>();
            for (Phase p : Phase.values()) {
                Tally t = counts.byPhase().getOrDefault(p, new Tally(0, 0));
                byPhase.add(new Count(p.name(), p.termId(), p.glossEn(), t.open(), t.overdue()));
            }
            List<Count> byPriority = new ArrayList<>();
            for (Priority p : Priority.values()) {
                Tally t = counts.byPriority().getOrDefault(p, new Tally(0, 0));
                byPriority.add(new Count(p.name(), p.termId(), p.glossEn(), t.open(), t.overdue()));
            }
            List<Count> byAge = new ArrayList<>();
            for (AgeBucket a : AgeBucket.values()) {
                Tally t = counts.byAge().get(a);
                byAge.add(new Count(a.name(), a.termId(), a.glossEn(), t.open(), t.overdue()));
            }
            return new StatisticsView(
                    counts.asOf(),
                    counts.total().open(),
                    new BreachCounts(
                            counts.firstResponseOverdue(),
                            counts.resolutionOverdue(),
                            counts.firstResponseMetLate(),
                            counts.resolutionMetLate(),
                            counts.total().overdue()),
                    mostFirst(byCategory),
                    mostFirst(countries),
                    mostFirst(byMission),
                    byPhase,
                    byPriority,
                    byAge,
                    counts.outcomesPerMonth());
        }

        private static List<Count> mostFirst(List<Count> counts) {
            return counts.stream()
                    .sorted(Comparator.comparingLong(Count::openCases)
                            .reversed()
                            .thenComparing(Count::code))
                    .toList();
        }
    }
}
