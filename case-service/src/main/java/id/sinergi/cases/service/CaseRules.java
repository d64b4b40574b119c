package id.sinergi.cases.service;

import id.sinergi.cases.domain.Phase;
import id.sinergi.cases.domain.Priority;
import id.sinergi.common.security.Agency;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of case handling kept in configuration ({@code sinergi.cases.*} in application.properties): which
 * agency leads a case of each phase and which takes part, and the deadlines of each priority.
 */
@ConfigMapping(prefix = "sinergi.cases")
public interface CaseRules {

    /** Per phase ({@code abroad}, {@code before-departure}, {@code after-return}): lead and participant. */
    Map<Phase, Lead> lead();

    /** Per priority ({@code critical}, {@code high}, {@code medium}, {@code low}): the deadlines. */
    Map<Priority, Deadlines> deadlines();

    /** Who leads a case of one phase; KEMLU means the mission of the case's country. */
    interface Lead {
        Agency agency();

        /** The other agency taking part, if any. */
        Optional<Agency> participant();
    }

    /** How long a case of one priority may wait for its first response and for its resolution. */
    interface Deadlines {
        Duration firstResponse();

        Duration resolution();

        /** The share of the time that may pass before a deadline turns amber. */
        @WithDefault("0.75")
        double amberAt();
    }
}
