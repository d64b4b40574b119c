package id.sinergi.audit.details;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with the JDK's provider, for the two things the details need: a worker's data key wrapped under the
 * master key, and an event's details sealed under the worker's data key. Every encryption takes a fresh random
 * 96-bit nonce; the associated data binds a wrapped key to its worker and key id, and sealed details to their
 * event and worker, so that neither can be moved to another row and still open.
 */
public final class DetailsCipher {

    /** The first byte of sealed details: the layout below. */
    static final byte SEALED_VERSION = 1;

    /** Bytes of a key: AES-256. */
    public static final int KEY_BYTES = 32;

    static final int NONCE_BYTES = 12;

    static final int TAG_BITS = 128;

    /** Bytes of a wrapped data key: nonce, encrypted key, tag. */
    static final int WRAPPED_BYTES = NONCE_BYTES + KEY_BYTES + TAG_BITS / 8;

    /** Sealed details: version (1) || key id (16) || nonce (12) || ciphertext and tag. */
    private static final int SEALED_HEADER = 1 + 16 + NONCE_BYTES;

    private static final byte[] WRAP_CONTEXT = "sinergi-audit-worker-key/1".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] SEAL_CONTEXT = "sinergi-audit-details/1".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] MASTER_ID_CONTEXT = "sinergi-audit-master-key-id/1".getBytes(StandardCharsets.US_ASCII);

    private static final SecureRandom RANDOM = new SecureRandom();

    private DetailsCipher() {}

    /** A new random key. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** A short public name of the master key (4 bytes of a hash, in hex), stored beside each key it wraps. */
    public static String masterKeyId(byte[] masterKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(MASTER_ID_CONTEXT);
            return HexFormat.of().formatHex(sha256.digest(masterKey), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    /** The data key encrypted under the master key: nonce || ciphertext and tag ({@value #WRAPPED_BYTES} bytes). */
    public static byte[] wrap(byte[] masterKey, UUID workerId, UUID keyId, byte[] dataKey) {
        byte[] nonce = nonce();
        byte[] box = crypt(Cipher.ENCRYPT_MODE, masterKey, nonce, wrapContext(workerId, keyId), dataKey);
        return concat(nonce, box);
    }

    /** The data key back; fails when the master key or any stored byte is not the one it was wrapped with. */
    public static byte[] unwrap(byte[] masterKey, UUID workerId, UUID keyId, byte[] wrapped)
            throws GeneralSecurityException {
        if (wrapped.length != WRAPPED_BYTES) {
            throw new GeneralSecurityException("a wrapped key has " + WRAPPED_BYTES + " bytes");
        }
        return decrypt(
                masterKey,
                Arrays.copyOfRange(wrapped, 0, NONCE_BYTES),
                wrapContext(workerId, keyId),
                Arrays.copyOfRange(wrapped, NONCE_BYTES, wrapped.length));
    }

    /** An event's details encrypted under the worker's data key named {@code keyId}. */
    public static byte[] seal(byte[] dataKey, UUID keyId, UUID eventId, UUID workerId, byte[] plaintext) {
        byte[] nonce = nonce();
        byte[] box = crypt(Cipher.ENCRYPT_MODE, dataKey, nonce, sealContext(eventId, workerId), plaintext);
        return ByteBuffer.allocate(SEALED_HEADER + box.length)
                .put(SEALED_VERSION)
                .putLong(keyId.getMostSignificantBits())
                .putLong(keyId.getLeastSignificantBits())
                .put(nonce)
                .put(box)
                .array();
    }

    /** The id of the data key that sealed these details, or null when the bytes are no sealed details. */
    public static UUID keyIdOf(byte[] box) {
        if (box.length <= SEALED_HEADER || box[0] != SEALED_VERSION) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(box, 1, 16);
        return new UUID(b.getLong(), b.getLong());
    }

    /** The details back; fails when the key or any byte differs from what sealed them. */
    public static byte[] open(byte[] dataKey, UUID eventId, UUID workerId, byte[] box) throws GeneralSecurityException {
        if (keyIdOf(box) == null) {
            throw new GeneralSecurityException("not sealed details of version " + SEALED_VERSION);
        }
        return decrypt(
                dataKey,
                Arrays.copyOfRange(box, 1 + 16, SEALED_HEADER),
                sealContext(eventId, workerId),
                Arrays.copyOfRange(box, SEALED_HEADER, box.length));
    }

    private static byte[] nonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    private static byte[] crypt(int mode, byte[] key, byte[] nonce, byte[] context, byte[] input) {
        try {
            return cipher(mode, key, nonce, context).doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JDK", e);
        }
    }

    private static byte[] decrypt(byte[] key, byte[] nonce, byte[] context, byte[] input)
            throws GeneralSecurityException {
        return cipher(Cipher.DECRYPT_MODE, key, nonce, context).doFinal(input);
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, byte[] context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context);
        return cipher;
    }

    private static byte[] wrapContext(UUID workerId, UUID keyId) {
        return ByteBuffer.allocate(WRAP_CONTEXT.length + 32)
                .put(WRAP_CONTEXT)
                .put(uuidBytes(workerId))
                .put(uuidBytes(keyId))
                .array();
    }

    private static byte[] sealContext(UUID eventId, UUID workerId) {
        return ByteBuffer.allocate(SEAL_CONTEXT.length + 32)
                .put(SEAL_CONTEXT)
                .put(uuidBytes(eventId))
                .put(uuidBytes(workerId))
                .array();
    }

    private static byte[] uuidBytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
