package id.sinergi.cases.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Case references {@code <missionId>/<year>/<number>}, numbered from 000001 per mission and year.
 *
 * <p>The number comes from one upsert on {@code case_reference_counter} inside the report's transaction: the row
 * lock serialises concurrent reports of one mission, and a report that rolls back gives its number back.
 */
@ApplicationScoped
public class ReferenceNumbers {

    private static final String NEXT_NUMBER_SQL =
            """
            INSERT INTO case_reference_counter (mission_id, year, last_number) VALUES (:mission, :year, 1)
            ON CONFLICT (mission_id, year) DO UPDATE SET last_number = case_reference_counter.last_number + 1
            RETURNING last_number
            """;

    /** The next reference of the mission in the year; must run inside a transaction. */
    public Uni<String> next(String missionId, int year) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(NEXT_NUMBER_SQL, Integer.class)
                        .setParameter("mission", missionId)
                        .setParameter("year", year)
                        .getSingleResult())
                .map(number -> format(missionId, year, number));
    }

    static String format(String missionId, int year, int number) {
        return String.format("%s/%d/%06d", missionId, year, number);
    }
}
