package id.sinergi.identity.service;

import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import id.sinergi.identity.domain.Source;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who registers records, and which sources they may feed, taken from the caller once: a source-connector feeds the
 * source its agency owns; officers feed their own ministry's system (p2mi-officer SiskoP2MI, consular-officer and
 * pwni-hq Peduli WNI).
 */
public record Registrant(AuditActor actor, Set<Source> feeds) {

    public Registrant {
        feeds = feeds.isEmpty() ? EnumSet.noneOf(Source.class) : EnumSet.copyOf(feeds);
    }

    public static Registrant of(Caller caller) {
        Set<Source> feeds = EnumSet.noneOf(Source.class);
        for (Source source : Source.values()) {
            if (roleFeeds(source, caller) && caller.agency().equals(Optional.of(source.owner()))) {
                feeds.add(source);
            }
        }
        return new Registrant(caller.actor(), feeds);
    }

    private static boolean roleFeeds(Source source, Caller caller) {
        return switch (source) {
            case SISKOP2MI -> caller.hasRole(Roles.SOURCE_CONNECTOR) || caller.hasRole(Roles.P2MI_OFFICER);
            case PEDULI_WNI ->
                caller.hasRole(Roles.SOURCE_CONNECTOR)
                        || caller.hasRole(Roles.CONSULAR_OFFICER)
                        || caller.hasRole(Roles.PWNI_HQ);
        };
    }

    public void requireFeeds(Source source) {
        if (!feeds.contains(source)) {
            throw ProblemException.forbidden(
                    "source-not-yours",
                    "Not your source",
                    "Records of " + source + " may only be registered by " + source.owner() + " callers");
        }
    }
}
