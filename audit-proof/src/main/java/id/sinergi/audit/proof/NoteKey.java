package id.sinergi.audit.proof;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An Ed25519 key as C2SP signed notes name it: a key name and a signature type, from which the 4-byte key id
 * follows ({@code SHA-256(name || "\n" || type || public key)[:4]}). Type {@link #NOTE} signs a note's text (the
 * log's checkpoint signature); type {@link #COSIGNATURE} makes a timestamped cosignature/v1 (C2SP
 * tlog-cosignature), what a witness adds. The public half travels as a vkey, {@code name+keyid+base64(type ||
 * key)}.
 */
public final class NoteKey {

    /** Signature type of a plain Ed25519 note signature. */
    public static final byte NOTE = 0x01;

    /** Signature type of an Ed25519 cosignature/v1. */
    public static final byte COSIGNATURE = 0x04;

    private static final String COSIGNATURE_HEADER = "cosignature/v1\n";

    private final String name;
    private final byte type;
    private final PublicKey publicKey;
    private final PrivateKey privateKey;
    private final int keyId;

    private NoteKey(String name, byte type, PublicKey publicKey, PrivateKey privateKey) {
        SignedNote.checkName(name);
        if (type != NOTE && type != COSIGNATURE) {
            throw new IllegalArgumentException("only Ed25519 note signatures (0x01) and cosignatures (0x04)");
        }
        this.name = name;
        this.type = type;
        this.publicKey = Objects.requireNonNull(publicKey);
        this.privateKey = privateKey;
        this.keyId = keyId(name, type, Ed25519Keys.raw(publicKey));
    }

    /** A key that signs, of the given type. */
    public static NoteKey signer(String name, byte type, KeyPair pair) {
        return new NoteKey(name, type, pair.getPublic(), pair.getPrivate());
    }

    /** A key that only verifies. */
    public static NoteKey verifier(String name, byte type, PublicKey publicKey) {
        return new NoteKey(name, type, publicKey, null);
    }

    /**
     * The verifier a vkey names.
     *
     * @throws IllegalArgumentException when it is not a well-formed Ed25519 vkey or its key id does not match
     */
    public static NoteKey parseVkey(String vkey) {
        // The name has no '+' but the base64 key may.
        String[] parts = vkey.strip().split("\\+", 3);
        if (parts.length != 3 || parts[1].length() != 8) {
            throw new IllegalArgumentException("a vkey is <name>+<8 hex digits>+<base64 key>");
        }
        byte[] key;
        int keyId;
        try {
            key = Base64.getDecoder().decode(parts[2]);
            keyId = (int) Long.parseLong(parts[1], 16);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a vkey's key id is hex and its key base64", e);
        }
        if (key.length != 33) {
            throw new IllegalArgumentException("an Ed25519 vkey holds a type byte and 32 key bytes");
        }
        NoteKey parsed = verifier(parts[0], key[0], Ed25519Keys.fromRaw(Arrays.copyOfRange(key, 1, 33)));
        if (parsed.keyId != keyId) {
            throw new IllegalArgumentException("the vkey's key id does not match its name and key");
        }
        return parsed;
    }

    /** The public half as a vkey. */
    public String vkey() {
        byte[] key = new byte[33];
        key[0] = type;
        System.arraycopy(Ed25519Keys.raw(publicKey), 0, key, 1, 32);
        return name + "+" + String.format("%08x", keyId) + "+"
                + Base64.getEncoder().encodeToString(key);
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }

    public byte type() {
        return type;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** Signs a note's text: a plain note signature, or for a cosigner a cosignature at {@code epochSeconds}. */
    public SignedNote.Line sign(String text, long epochSeconds) {
        if (privateKey == null) {
            throw new IllegalStateException("the key " + name + " only verifies");
        }
        SignedNote.checkText(text);
        if (type == NOTE) {
            return new SignedNote.Line(name, keyId, Ed25519Keys.sign(privateKey, utf8(text)));
        }
        byte[] signature = Ed25519Keys.sign(privateKey, cosigned(text, epochSeconds));
        byte[] body = ByteBuffer.allocate(8 + signature.length)
                .putLong(epochSeconds)
                .put(signature)
                .array();
        return new SignedNote.Line(name, keyId, body);
    }

    /** Whether the line is this key's valid signature of {@code text}. Lines of other keys answer false. */
    public boolean verifies(String text, SignedNote.Line line) {
        if (!line.name().equals(name) || line.keyId() != keyId) {
            return false;
        }
        byte[] signature = line.signature();
        if (type == NOTE) {
            return signature.length == 64 && Ed25519Keys.verify(publicKey, utf8(text), signature);
        }
        if (signature.length != 8 + 64) {
            return false;
        }
        long time = ByteBuffer.wrap(signature).getLong();
        return time >= 0 && Ed25519Keys.verify(publicKey, cosigned(text, time), Arrays.copyOfRange(signature, 8, 72));
    }

    /** The time a cosignature line says it was made, in seconds since the epoch. */
    public static long cosignatureTime(SignedNote.Line line) {
        byte[] signature = line.signature();
        if (signature.length != 72) {
            throw new IllegalArgumentException("not a cosignature/v1 signature");
        }
        return ByteBuffer.wrap(signature).getLong();
    }

    /** Whether this key signed the note: one of its lines is a valid signature by this key. */
    public boolean signed(SignedNote note) {
        return note.signatures().stream().anyMatch(line -> verifies(note.text(), line));
    }

    static int keyId(String name, byte type, byte[] rawKey) {
        byte[] nameBytes = utf8(name + "\n");
        byte[] input = new byte[nameBytes.length + 1 + rawKey.length];
        System.arraycopy(nameBytes, 0, input, 0, nameBytes.length);
        input[nameBytes.length] = type;
        System.arraycopy(rawKey, 0, input, nameBytes.length + 1, rawKey.length);
        return ByteBuffer.wrap(MerkleHash.sha256(input)).getInt();
    }

    private static byte[] cosigned(String text, long epochSeconds) {
        return utf8(COSIGNATURE_HEADER + "time " + epochSeconds + "\n" + text);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "NoteKey[" + name + ", " + HexFormat.of().toHexDigits(keyId) + ", type " + type + "]";
    }
}
