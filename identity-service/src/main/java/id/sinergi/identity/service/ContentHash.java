package id.sinergi.identity.service;

import id.sinergi.identity.rest.WorkerDtos.PassportDetails;
import id.sinergi.identity.rest.WorkerDtos.PlacementDetails;
import id.sinergi.identity.rest.WorkerDtos.RegistrationRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 of a registration's content, everything but the record's key (source, sourceRecordId). Each value
 * goes in with its length (-1 for none), so no two different contents can run together into the same bytes.
 */
final class ContentHash {

    /** Bump when the list of hashed values changes, so old hashes never match new content by accident. */
    private static final String VERSION = "v2";

    private ContentHash() {}

    static String of(RegistrationRequest r) {
        PassportDetails passport = r.passport() == null ? new PassportDetails(null, null, null, null) : r.passport();
        PlacementDetails p = r.placement() == null ? new PlacementDetails(null, null, null, null, null) : r.placement();
        return sha256(Arrays.asList(
                VERSION,
                r.nik(),
                passport.number(),
                passport.issuingState(),
                passport.expiryDate(),
                passport.mrz() == null ? null : String.join("\n", passport.mrz()),
                r.fullName(),
                r.birthDate(),
                r.birthPlace(),
                r.sex(),
                r.reportedBy(),
                r.destinationCountry(),
                r.phase(),
                p.employerName(),
                p.placementAgency(),
                p.occupation(),
                p.departureDate(),
                p.contractEndDate()));
    }

    private static String sha256(List<Object> values) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object value : values) {
                if (value == null) {
                    digest.update(ByteBuffer.allocate(4).putInt(-1).array());
                } else {
                    byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
                    digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                    digest.update(bytes);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
