package id.sinergi.audit.details;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Settings of the encrypted personal details, under {@code sinergi.audit.details}. */
@ConfigMapping(prefix = "sinergi.audit.details")
public interface DetailsConfig {

    /**
     * The master key that wraps every worker's data key: 32 random bytes in standard base64 (a Kubernetes Secret
     * passed as the environment variable {@code SINERGI_AUDIT_DETAILS_MASTER_KEY}). The prod profile refuses to
     * start without it; dev and test make one per run, so details stored by an earlier run read as unreadable.
     */
    Optional<String> masterKey();
}
