package id.sinergi.cases.service;

import io.quarkus.panache.common.Parameters;

/** The conditions of a case query: the caller's scope first, then each filter that was given. */
final class CaseQuery {

    private final Parameters params = new Parameters();
    private final StringBuilder where;
    private int next;

    CaseQuery(CallerScope scope) {
        this.where = new StringBuilder(scope.condition(params));
    }

    /** Adds {@code attribute = value} when the value is given; a null value filters nothing. */
    CaseQuery and(String attribute, Object value) {
        if (value != null) {
            String name = "filter" + next++;
            where.append(" and ").append(attribute).append(" = :").append(name);
            params.and(name, value);
        }
        return this;
    }

    /** The HQL condition on {@code ProtectionCase}. */
    String where() {
        return where.toString();
    }

    Parameters params() {
        return params;
    }
}
