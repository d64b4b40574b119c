package id.sinergi.cases.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * When a case climbs the escalation ladder ({@code sinergi.cases.escalation.*}; see {@code EscalationLevel}): the
 * level each breach takes it to, and how often the escalation job looks. Levels are 1 (head of protection) or 2
 * (protection directorate). Each rule that applies records its own level: a case whose first response came in time
 * but whose resolution is overdue is recorded at level 2 only.
 */
@ConfigMapping(prefix = "sinergi.cases.escalation")
public interface EscalationRules {

    /** How often the escalation job runs, e.g. {@code 5m}; {@code off} stops it (the tests call it directly). */
    @WithDefault("5m")
    String interval();

    /** The level a case reaches when its first response is overdue. */
    @WithDefault("1")
    int firstResponseOverdueLevel();

    /**
     * How far past due a missing first response is long overdue, as a multiple of the priority's first-response
     * time: with 1.0, a case of a 4-hour first response is long overdue once 4 hours past due (8 hours after the
     * report).
     */
    @WithDefault("1.0")
    double firstResponseLongOverdueFactor();

    /** The level a case reaches when its first response is long overdue. */
    @WithDefault("2")
    int firstResponseLongOverdueLevel();

    /** The level a case reaches when its resolution is overdue. */
    @WithDefault("2")
    int resolutionOverdueLevel();
}
