package id.sinergi.identity.reference;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Loads the region codes once, when the service starts, so a missing or broken reference file stops the start
 * rather than the first registration.
 */
@Startup
@ApplicationScoped
public class ReferenceData {

    private DistrictCodes districts;

    @PostConstruct
    void load() {
        districts = DistrictCodes.fromClasspath();
        Log.infof(
                "event=reference-loaded districts=%d current=%d retired=%d",
                districts.size(), districts.currentCount(), districts.retiredCount());
    }

    public DistrictCodes districts() {
        return districts;
    }
}
