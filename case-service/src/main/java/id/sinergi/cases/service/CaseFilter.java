package id.sinergi.cases.service;

import id.sinergi.cases.domain.CaseStatus;
import id.sinergi.cases.domain.Phase;
import id.sinergi.cases.domain.Priority;
import id.sinergi.common.security.Agency;
import java.util.UUID;

/**
 * What a case list asks for; null parts do not filter.
 *
 * @param limit how many cases at most, 1..200
 */
public record CaseFilter(
        String missionId,
        CaseStatus status,
        UUID workerId,
        Priority priority,
        Phase phase,
        Agency leadAgency,
        int limit) {}
