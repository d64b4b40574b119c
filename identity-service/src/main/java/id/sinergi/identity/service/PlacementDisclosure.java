package id.sinergi.identity.service;

import id.sinergi.identity.domain.SourceRecord;
import java.util.UUID;

/**
 * Placement data released to a caller.
 *
 * @param record the SiskoP2MI record the placement comes from
 * @param basis the lawful basis (UU 27/2022 Pasal 20): {@code CONSENT} or {@code LEGAL_OBLIGATION}
 * @param grantId the consent grant a {@code CONSENT} disclosure rests on
 */
public record PlacementDisclosure(UUID workerId, SourceRecord record, String basis, UUID grantId) {}
