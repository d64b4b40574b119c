package id.sinergi.cases.service;

import id.sinergi.cases.domain.ProtectionCase;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import java.util.Optional;

/**
 * Which cases a caller may see: a consular officer those of their own mission; PWNI headquarters and KemenP2MI
 * officers every mission. A case out of scope is answered as if it did not exist.
 *
 * @param mission the only mission the caller sees, or empty for all
 */
record CallerScope(Optional<String> mission) {

    static CallerScope of(Caller caller) {
        if (caller.hasRole(Roles.PWNI_HQ) || caller.hasRole(Roles.P2MI_OFFICER)) {
            return new CallerScope(Optional.empty());
        }
        return new CallerScope(Optional.of(caller.requireMission()));
    }

    boolean sees(ProtectionCase c) {
        return c != null && sees(c.missionId);
    }

    boolean sees(String missionId) {
        return mission.isEmpty() || mission.get().equals(missionId);
    }
}
