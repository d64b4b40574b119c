package id.sinergi.audit.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Settings of the alert rules, under {@code sinergi.audit.alert} (docs/audit.md, "Alerts and review"). */
@ConfigMapping(prefix = "sinergi.audit.alert")
public interface AlertConfig {

    /** How often the scanner evaluates newly sealed events ({@code 1s}; {@code off} stops it). */
    @WithDefault("1s")
    String scanInterval();

    /**
     * The most sealed events one scan evaluates; a backlog is scanned in rounds of this size. A scan's work is
     * largely per officer it sees, so larger scans cost less per event under a heavy intake (docs/benchmarks.md).
     */
    @WithDefault("20000")
    int scanBatch();

    /**
     * How many of the events this replica's sealer sealed last are kept for the scanner (some 500 bytes each, about
     * 50 MB at the default), so that it takes new events from memory instead of reading them back from the
     * database; the oldest go first. Events the feed does not hold (sealed by another replica, before a start, or
     * more than it keeps between two scans: with 50,000 and scans of 5,000, a scanner a few seconds behind a batch
     * intake read a quarter of the events back) are read from the database. {@code 0} keeps none.
     */
    @WithDefault("100000")
    int feedEvents();

    /**
     * How many officers the scanner remembers between scans (their recent unalerted events and alert windows), so
     * that a scan reads only the new events; the least recently seen officer is forgotten first, and a forgotten
     * officer's earlier events are read from the database again. {@code 0} remembers none: every scan reads the
     * earlier events of every officer it sees.
     */
    @WithDefault("10000")
    int memoryOfficers();

    /**
     * The most events and alert windows remembered for one officer and rule; an officer with more is not
     * remembered (their earlier events are read from the database at each scan).
     */
    @WithDefault("1000")
    int memoryRuleEvents();

    /**
     * The most events and alert windows remembered for all officers together (some 700 bytes each, about 70 MB at
     * the default); beyond it the least recently seen officers are forgotten.
     */
    @WithDefault("100000")
    int memoryEvents();

    /**
     * How many officers one read of the database path covers (default 4): a scan that meets more officers it
     * does not remember reads them a group at a time, so that what one statement brings into memory stays bounded
     * however many officers a scan meets (after a restart, or a backlog of many officers' events). Its rows are all
     * these officers' events since the first new one: after a bulk load of 7 million events that all happened within
     * minutes (the audit benchmark's former load), some 5,000 an officer, 16 officers a statement ran a 384 MiB heap
     * out.
     */
    @WithDefault("4")
    int rereadOfficers();

    /**
     * The most officers one scan reads from the database (default 128): a scan that meets more officers it does not
     * remember stops at the leaf before the next one, and the next scan goes on from there at once. This bounds what
     * a scan holds while the memory fills, after a restart or when a backlog names thousands of officers.
     */
    @WithDefault("128")
    int rereadPerScan();

    /** Rule {@code mass-read}: one officer reading many distinct workers in a short time. */
    MassRead massRead();

    /** Rule {@code out-of-scope}: denied attempts at records of another mission. */
    OutOfScope outOfScope();

    /** Rule {@code denial-burst}: many denials of one actor in a short time. */
    DenialBurst denialBurst();

    /** Rule {@code vital-interest}: every use of the vital-interest basis instead of consent. */
    VitalInterest vitalInterest();

    /** Rule {@code impersonation}: every impersonation of a user in Keycloak. */
    Impersonation impersonation();

    /** Rule {@code role-change}: every change of roles or group memberships in Keycloak. */
    RoleChange roleChange();

    /** Rule {@code scope-change}: every user created or updated in Keycloak with an agency or mission. */
    ScopeChange scopeChange();

    /** Settings of rule {@code mass-read}. */
    interface MassRead {

        /** Whether the rule is evaluated. */
        @WithDefault("true")
        boolean enabled();

        /** The alert fires when an officer reads more distinct workers than this within the window. */
        @WithDefault("20")
        int maxWorkers();

        /** The window. */
        @WithDefault("10m")
        Duration window();

        /** Actions that count as reads: those ending in one of these (events naming no worker never count). */
        @WithDefault(".read,search")
        List<String> actionSuffixes();
    }

    /** Settings of rule {@code out-of-scope}. */
    interface OutOfScope {

        /** Whether the rule is evaluated. */
        @WithDefault("true")
        boolean enabled();

        /** The alert fires at this many out-of-scope attempts within the window. */
        @WithDefault("1")
        int minAttempts();

        /** The window: later attempts in it join the alert instead of raising another. */
        @WithDefault("15m")
        Duration window();

        /**
         * Words of a DENIED event's reason that mark access outside the officer's mission: case-service writes
         * {@code other-mission} (and {@code out-of-scope}) when a case of another mission is read, moved or used
         * for vital interest.
         */
        @WithDefault("other-mission,out-of-scope")
        List<String> reasonMarkers();
    }

    /** Settings of rule {@code denial-burst}. */
    interface DenialBurst {

        /** Whether the rule is evaluated. */
        @WithDefault("true")
        boolean enabled();

        /** The alert fires at this many DENIED events of one actor within the window. */
        @WithDefault("5")
        int minDenials();

        /** The window. */
        @WithDefault("1m")
        Duration window();
    }

    /** Settings of rule {@code vital-interest}. */
    interface VitalInterest {

        /** Whether the rule is evaluated. */
        @WithDefault("true")
        boolean enabled();

        /** The window: an officer's further overrides in it join the alert instead of raising another. */
        @WithDefault("15m")
        Duration window();

        /**
         * The actions of an override, in consent-service and case-service: vital interest, and PWNI headquarters
         * sharing a worker's data in a referral without consent-service's permit.
         */
        @WithDefault("consent.vital-interest.invoke,consent.vital-interest.renew,case.vital-interest.invoke,"
                + "case.vital-interest.renew,case.referral-override")
        List<String> actions();

        /** The outcomes that count: an override that took effect, by default; refusals count as denials. */
        @WithDefault("SUCCESS")
        List<String> outcomes();
    }

    /** Settings of rule {@code impersonation}, on the events the Keycloak puller copies into the log. */
    interface Impersonation {

        /** Whether the rule is evaluated. */
        @WithDefault("true")
        boolean enabled();

        /**
         * The window: an impersonator's further impersonations in it join the alert. Keycloak times its events to
         * the millisecond, so the default makes every impersonation an alert of its own.
         */
        @WithDefault("PT0.001S")
        Duration window();

        /** The actions of an impersonation. */
        @WithDefault("keycloak.impersonate")
        List<String> actions();

        /** The outcomes that count: an impersonation that took effect, by default. */
        @WithDefault("SUCCESS")
        List<String> outcomes();
    }

    /** Settings of rule {@code role-change}, on the events the Keycloak puller copies into the log. */
    interface RoleChange {

        /** Whether the rule is evaluated. */
        @WithDefault("true")
        boolean enabled();

        /**
         * The window: an administrator's further role changes in it join the alert. Keycloak times its events to
         * the millisecond, so the default makes every change an alert of its own.
         */
        @WithDefault("PT0.001S")
        Duration window();

        /**
         * The actions of a role change: a realm or client role granted to or removed from a user or group, a role
         * created, updated or deleted (its composites too), and a user put into or taken out of a group, which
         * may carry roles (Keycloak's event does not say whether it does).
         */
        @WithDefault("keycloak.admin.realm-role-mapping.create,keycloak.admin.realm-role-mapping.delete,"
                + "keycloak.admin.client-role-mapping.create,keycloak.admin.client-role-mapping.delete,"
                + "keycloak.admin.realm-role.create,keycloak.admin.realm-role.update,keycloak.admin.realm-role.delete,"
                + "keycloak.admin.client-role.create,keycloak.admin.client-role.update,"
                + "keycloak.admin.client-role.delete,keycloak.admin.group-membership.create,"
                + "keycloak.admin.group-membership.delete")
        List<String> actions();

        /** The outcomes that count: a change that took effect, by default. */
        @WithDefault("SUCCESS")
        List<String> outcomes();
    }

    /** Settings of rule {@code scope-change}, on the events the Keycloak puller copies into the log. */
    interface ScopeChange {

        /** Whether the rule is evaluated. */
        @WithDefault("true")
        boolean enabled();

        /**
         * The window: an administrator's further scope changes in it join the alert. Keycloak times its events to
         * the millisecond, so the default makes every change an alert of its own.
         */
        @WithDefault("PT0.001S")
        Duration window();

        /**
         * The actions that may change an officer's scope: a user created or updated by an administrator. Only
         * those whose reason names {@code agency=} or {@code mission=} count, i.e. whose representation carried
         * either attribute. Keycloak's update carries the whole user and not the old values, so every such update
         * counts, whether or not it changed the scope.
         */
        @WithDefault("keycloak.admin.user.create,keycloak.admin.user.update")
        List<String> actions();

        /** The outcomes that count: a change that took effect, by default. */
        @WithDefault("SUCCESS")
        List<String> outcomes();
    }
}
