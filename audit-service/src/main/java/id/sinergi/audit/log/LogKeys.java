package id.sinergi.audit.log;

import id.sinergi.audit.proof.Ed25519Keys;
import id.sinergi.audit.proof.NoteKey;
import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;

/** The key that signs checkpoints, and the witnesses' keys whose cosignatures the log takes. */
@ApplicationScoped
public class LogKeys {

    @Inject
    LogConfig config;

    private NoteKey signer;

    private List<NoteKey> witnesses;

    @PostConstruct
    void load() {
        signer = NoteKey.signer(
                config.origin(), NoteKey.NOTE, pair(LaunchMode.current().isDevOrTest()));
        witnesses = config.witnesses().orElse(List.of()).stream()
                .map(LogKeys::witness)
                .toList();
        Log.infof(
                "event=audit-log-keys-loaded origin=%s keyId=%08x witnesses=%d",
                signer.name(), signer.keyId(), witnesses.size());
    }

    private KeyPair pair(boolean ephemeralAllowed) {
        Optional<java.nio.file.Path> file = config.signingKey();
        if (file.isPresent()) {
            return Ed25519Keys.readPem(file.get());
        }
        if (!ephemeralAllowed) {
            throw new IllegalStateException("sinergi.audit.log.signing-key is not set: audit-service signs its"
                    + " checkpoints and needs the Ed25519 private key as a PKCS#8 PEM file (for example a Kubernetes"
                    + " Secret mounted read-only); see docs/audit.md");
        }
        Log.warn("event=audit-log-key-ephemeral reason=\"sinergi.audit.log.signing-key is not set\""
                + " effect=\"checkpoints signed now verify only with this process's key\"");
        return Ed25519Keys.generate();
    }

    private static NoteKey witness(String vkey) {
        NoteKey key;
        try {
            key = NoteKey.parseVkey(vkey);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("sinergi.audit.log.witnesses holds a bad vkey: " + e.getMessage(), e);
        }
        if (key.type() != NoteKey.COSIGNATURE) {
            throw new IllegalStateException(
                    "sinergi.audit.log.witnesses: " + key.name() + " is not a cosignature/v1 key (type 0x04)");
        }
        return key;
    }

    /** The checkpoint signer; its name is the origin. */
    public NoteKey signer() {
        return signer;
    }

    /** The log's public key as a vkey. */
    public String vkey() {
        return signer.vkey();
    }

    /** The names of the configured witnesses, in configuration order. */
    public List<String> witnessNames() {
        return witnesses.stream().map(NoteKey::name).distinct().toList();
    }

    /** The configured witness with this name and key id, if any. */
    public Optional<NoteKey> witness(String name, int keyId) {
        return witnesses.stream()
                .filter(w -> w.name().equals(name) && w.keyId() == keyId)
                .findFirst();
    }
}
