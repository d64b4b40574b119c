package id.sinergi.cases.service;

import id.sinergi.cases.domain.ProtectionCase;
import id.sinergi.common.security.Agency;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import io.quarkus.panache.common.Parameters;
import java.util.Optional;

/**
 * Which cases a caller sees and which they may change. PWNI headquarters sees every case and steers those Kemlu
 * leads; a consular officer sees their own mission's cases in which Kemlu leads or takes part, and changes those
 * their mission leads; a KemenP2MI officer sees the cases KemenP2MI leads or takes part in, and changes those it
 * leads. A case out of sight is answered as if it did not exist.
 *
 * @param kind which rule applies
 * @param mission the consular officer's mission; empty for the others
 */
public record CallerScope(Kind kind, Optional<String> mission) {

    /** The three rules of sight. */
    public enum Kind {
        /** PWNI headquarters: every case. */
        ALL,
        /** A consular officer: their mission's cases where Kemlu leads or takes part. */
        MISSION,
        /** A KemenP2MI officer: the cases KemenP2MI leads or takes part in. */
        KEMENP2MI
    }

    public static CallerScope of(Caller caller) {
        if (caller.hasRole(Roles.PWNI_HQ)) {
            return new CallerScope(Kind.ALL, Optional.empty());
        }
        if (caller.hasRole(Roles.CONSULAR_OFFICER)) {
            return new CallerScope(Kind.MISSION, Optional.of(caller.requireMission()));
        }
        if (caller.hasRole(Roles.P2MI_OFFICER)) {
            return new CallerScope(Kind.KEMENP2MI, Optional.empty());
        }
        // Endpoints admit only the three roles above; a caller with none of them sees nothing.
        return new CallerScope(Kind.MISSION, Optional.of(""));
    }

    /** Whether the caller may see the case; false for null. */
    public boolean sees(ProtectionCase c) {
        if (c == null) {
            return false;
        }
        return switch (kind) {
            case ALL -> true;
            case MISSION -> mission.get().equals(c.missionId) && involves(c, Agency.KEMLU);
            case KEMENP2MI -> involves(c, Agency.KEMENP2MI);
        };
    }

    /** Whether the caller's side leads the case, so that they may move it along its workflow. */
    public boolean leads(ProtectionCase c) {
        if (!sees(c)) {
            return false;
        }
        return switch (kind) {
            case ALL, MISSION -> c.leadAgency == Agency.KEMLU;
            case KEMENP2MI -> c.leadAgency == Agency.KEMENP2MI;
        };
    }

    /** Whether a consular officer could see cases of the mission at all (the others are not limited by mission). */
    public boolean seesMission(String missionId) {
        return kind != Kind.MISSION || mission.get().equals(missionId);
    }

    /**
     * The same rule as {@link #sees} as an HQL condition on {@code ProtectionCase} (alias-free), adding its
     * parameters to {@code params}; {@code "1 = 1"} when the caller sees everything.
     */
    public String condition(Parameters params) {
        return switch (kind) {
            case ALL -> "1 = 1";
            case MISSION -> {
                params.and("scopeMission", mission.get()).and("scopeAgency", Agency.KEMLU);
                yield "missionId = :scopeMission and (leadAgency = :scopeAgency or participantAgency = :scopeAgency)";
            }
            case KEMENP2MI -> {
                params.and("scopeAgency", Agency.KEMENP2MI);
                yield "(leadAgency = :scopeAgency or participantAgency = :scopeAgency)";
            }
        };
    }

    /**
     * The same rule as {@link #sees} as a SQL condition on {@code protection_case} under {@code alias}, with its
     * values added to {@code params} as named parameters; {@code true} when the caller sees everything.
     */
    public String sqlCondition(String alias, java.util.Map<String, Object> params) {
        return switch (kind) {
            case ALL -> "true";
            case MISSION -> {
                params.put("scopeMission", mission.get());
                yield alias + ".mission_id = :scopeMission and (" + alias + ".lead_agency = 'KEMLU' or " + alias
                        + ".participant_agency = 'KEMLU')";
            }
            case KEMENP2MI ->
                "(" + alias + ".lead_agency = 'KEMENP2MI' or " + alias + ".participant_agency = 'KEMENP2MI')";
        };
    }

    private static boolean involves(ProtectionCase c, Agency agency) {
        return c.leadAgency == agency || c.participantAgency == agency;
    }
}
