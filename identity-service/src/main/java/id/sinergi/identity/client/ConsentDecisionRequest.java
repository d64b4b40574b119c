package id.sinergi.identity.client;

import id.sinergi.common.consent.DataCategory;
import id.sinergi.common.consent.Purpose;
import id.sinergi.common.security.Agency;
import java.util.List;
import java.util.UUID;

/** The question put to consent-service: every category one read needs, asked at once. */
public record ConsentDecisionRequest(
        UUID workerId, Agency requestingAgency, Purpose purpose, List<DataCategory> dataCategories) {}
