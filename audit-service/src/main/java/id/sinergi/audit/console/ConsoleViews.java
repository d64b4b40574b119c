package id.sinergi.audit.console;

import id.sinergi.audit.alert.AlertDtos.AlertView;
import id.sinergi.audit.alert.AlertDtos.ReviewOutcome;
import id.sinergi.audit.alert.AlertDtos.Status;
import id.sinergi.audit.log.LogViews;
import id.sinergi.audit.rest.AuditDtos.EventView;
import id.sinergi.audit.service.AccessTerms;
import id.sinergi.audit.service.PlainTerm;
import id.sinergi.audit.service.StoredEvent;
import java.util.Arrays;
import java.util.List;

/** What the console's pages show: the API's views with the Indonesian terms and English glosses users read. */
public final class ConsoleViews {

    private ConsoleViews() {}

    /**
     * What every page shows around its content.
     *
     * @param title the page's title, Indonesian first, English gloss in parentheses
     * @param user the signed-in user's name, or null on the public pages
     */
    public record Page(String title, String user) {}

    /** An option of a form's select: the value sent and the words shown. */
    public record Choice(String value, String term, String gloss) {}

    /** An event found by a search, with its processing category and outcome in words. */
    public record EventRow(EventView event, PlainTerm category, PlainTerm outcome, String actorName) {

        static EventRow of(StoredEvent stored) {
            EventView view = EventView.of(stored);
            String name = view.actor() == null
                    ? null
                    : view.actor().username() == null
                            ? view.actor().subject()
                            : view.actor().username();
            return new EventRow(
                    view, AccessTerms.categoryOf(view.action()).plain(), AccessTerms.outcome(view.outcome()), name);
        }
    }

    /** A review task with its status and finding in words. */
    public record AlertRow(AlertView alert, PlainTerm status, PlainTerm finding) {

        static AlertRow of(AlertView alert) {
            return new AlertRow(
                    alert,
                    ConsoleViews.status(alert.status()),
                    alert.review() == null
                            ? null
                            : ConsoleViews.finding(alert.review().outcome()));
        }

        /** Whether the task still waits for a sign-off. */
        public boolean open() {
            return alert.status() == Status.OPEN;
        }
    }

    /** The log's verification result in words. */
    public record VerificationRow(LogViews.Verification result, PlainTerm status, String by, String at) {}

    static PlainTerm status(Status status) {
        return switch (status) {
            case OPEN -> new PlainTerm(status.name(), "Terbuka", "open, waiting for review");
            case REVIEWED -> new PlainTerm(status.name(), "Sudah ditinjau", "reviewed");
        };
    }

    static PlainTerm finding(ReviewOutcome outcome) {
        return switch (outcome) {
            case JUSTIFIED -> new PlainTerm(outcome.name(), "Beralasan", "justified");
            case VIOLATION -> new PlainTerm(outcome.name(), "Pelanggaran", "violation");
            case FALSE_POSITIVE -> new PlainTerm(outcome.name(), "Positif palsu", "false positive");
        };
    }

    static PlainTerm verification(LogViews.Status status) {
        return switch (status) {
            case INTACT -> new PlainTerm(status.name(), "Utuh", "intact: every check held");
            case BROKEN -> new PlainTerm(status.name(), "Rusak", "broken: see the problems below");
        };
    }

    /** The findings an auditor may sign off with. */
    static List<Choice> findings() {
        return Arrays.stream(ReviewOutcome.values())
                .map(o -> {
                    PlainTerm t = finding(o);
                    return new Choice(o.name(), t.term(), t.gloss());
                })
                .toList();
    }

    /** The outcomes an event may have, for the filters. */
    static List<Choice> outcomes() {
        return Arrays.stream(id.sinergi.common.audit.AuditOutcome.values())
                .map(o -> {
                    PlainTerm t = AccessTerms.outcome(o);
                    return new Choice(o.name(), t.term(), t.gloss());
                })
                .toList();
    }
}
