package id.sinergi.common.ops;

import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/**
 * Logs one line at start-up with what an operator checks first: the service, its profile, the realm it trusts
 * and the database it uses (host and name only; credentials never).
 */
@Singleton
public class StartupLog {

    void onStart(@Observes StartupEvent event, Config config) {
        Log.infof(
                "event=startup service=%s profile=%s realm=%s database=%s",
                config.getOptionalValue("quarkus.application.name", String.class)
                        .orElse("-"),
                LaunchMode.current().getDefaultProfile(),
                config.getOptionalValue("quarkus.oidc.auth-server-url", String.class)
                        .orElse("-"),
                withoutCredentials(config.getOptionalValue("quarkus.datasource.reactive.url", String.class)
                        .orElse("-")));
    }

    /** Drops a {@code user:password@} part, should a URL carry one. */
    static String withoutCredentials(String url) {
        return url.replaceAll("//[^/@]*@", "//");
    }
}
