package id.sinergi.identity.client;

import id.sinergi.common.consent.Purpose;
import id.sinergi.common.security.Agency;
import java.util.UUID;

/** The question put to consent-service; {@code dataCategory} is one of consent-service's data categories. */
public record ConsentDecisionRequest(UUID workerId, Agency requestingAgency, Purpose purpose, String dataCategory) {}
