package id.sinergi.audit.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Settings of the alert rules, under {@code sinergi.audit.alert} (docs/audit.md, "Alerts and review"). */
@ConfigMapping(prefix = "sinergi.audit.alert")
public interface AlertConfig {

    /** How often the scanner evaluates newly sealed events ({@code 5s}; {@code off} stops it). */
    @WithDefault("5s")
    String scanInterval();

    /** The most sealed events one scan evaluates; a backlog is scanned in rounds of this size. */
    @WithDefault("5000")
    int scanBatch();

    /** Rule {@code mass-read}: one officer reading many distinct workers in a short time. */
    MassRead massRead();

    /** Rule {@code out-of-scope}: denied attempts at records of another mission. */
    OutOfScope outOfScope();

    /** Rule {@code denial-burst}: many denials of one actor in a short time. */
    DenialBurst denialBurst();

    /** Rule {@code vital-interest}: every use of the vital-interest basis instead of consent. */
    VitalInterest vitalInterest();

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

        /** The actions of an override, in consent-service and case-service. */
        @WithDefault("consent.vital-interest.invoke,consent.vital-interest.renew,case.vital-interest.invoke,"
                + "case.vital-interest.renew")
        List<String> actions();

        /** The outcomes that count: an override that took effect, by default; refusals count as denials. */
        @WithDefault("SUCCESS")
        List<String> outcomes();
    }
}
