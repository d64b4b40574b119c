package id.sinergi.common.ops;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** What every scheduled refresh of the suite's own metrics does with a failure: a WARN line, and no retry storm. */
public final class FigureRefresh {

    private FigureRefresh() {}

    /** The refresh, with a failure logged as {@code event=metrics-refresh-failed figures=<figures>} and swallowed. */
    public static Uni<Void> logged(Uni<Void> refresh, String figures) {
        return refresh.onFailure().recoverWithItem(failure -> {
            Log.warnf(
                    "event=metrics-refresh-failed figures=%s cause=%s",
                    figures, failure.getClass().getSimpleName());
            return null;
        });
    }
}
