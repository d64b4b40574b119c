package id.sinergi.audit.service;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an erasure of a worker's details did.
 *
 * @param workerId the worker
 * @param keyDestroyed whether there was a key to destroy (false: no event about them carried details since their
 *     last erasure, or ever)
 */
@Schema(name = "DetailsErasure")
public record ErasureReceipt(UUID workerId, boolean keyDestroyed) {}
