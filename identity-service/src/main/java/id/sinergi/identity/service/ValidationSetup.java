package id.sinergi.identity.service;

import id.sinergi.identity.passport.PassportCheck;
import id.sinergi.identity.passport.StateCodes;
import id.sinergi.identity.reference.ReferenceData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/** Builds the plain validators from the loaded reference data. */
@ApplicationScoped
public class ValidationSetup {

    /**
     * "Today" for birth dates is today in Indonesia's easternmost time zone (WIT, UTC+9), the first to reach a new
     * day, so a baby registered in Papua on the day of birth is not "in the future".
     */
    static final ZoneId INDONESIA_EAST = ZoneId.of("Asia/Jayapura");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.system(INDONESIA_EAST);
    }

    @Produces
    @Singleton
    NikValidator nikValidator(ReferenceData reference, Clock clock) {
        return new NikValidator(reference.districts(), clock);
    }

    @Produces
    @Singleton
    RegistrationChecks registrationChecks(NikValidator nikValidator, Clock clock) {
        return new RegistrationChecks(nikValidator, new PassportCheck(StateCodes.production(), clock), clock);
    }
}
