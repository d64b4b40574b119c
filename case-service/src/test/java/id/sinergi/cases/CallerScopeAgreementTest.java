package id.sinergi.cases;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.cases.CaseSetup.Made;
import id.sinergi.cases.domain.ProtectionCase;
import id.sinergi.cases.service.CallerScope;
import id.sinergi.cases.service.CallerScope.Kind;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The scope rule is written three times (CallerScope.sees in Java, condition in HQL, sqlCondition in SQL): for
 * cases of every mission, lead and participant combination and every kind of caller, the three pick the same cases.
 */
@QuarkusTest
@CaseTestResource
class CallerScopeAgreementTest {

    private static final String KL = "KBRI-KUALALUMPUR";
    private static final String HK = "KJRI-HONGKONG";
    private static final Pattern NAMED = Pattern.compile(":(\\w+)");

    @Inject
    DataSource dataSource;

    @Test
    void shouldPickTheSameCasesInJavaHqlAndSqlForEveryKindOfCaller() throws Throwable {
        Made klShared = CaseSetup.report("consul.kl", CaseSetup.abroad(KL, "GAJI_TIDAK_DIBAYAR"));
        Made hkShared = CaseSetup.report("consul.hk", CaseSetup.abroad(HK, "GAJI_TIDAK_DIBAYAR"));
        Made klKemluOnly = CaseSetup.report("consul.kl", CaseSetup.abroad(KL, "GAJI_TIDAK_DIBAYAR"));
        CaseSetup.withoutParticipant(dataSource, klKemluOnly.id());
        Made homeWithKl = CaseSetup.report("p2mi.officer", CaseSetup.afterReturn(KL, "GAJI_TIDAK_DIBAYAR"));
        Made homeOnly = CaseSetup.report("p2mi.officer", CaseSetup.afterReturn(KL, "GAJI_TIDAK_DIBAYAR"));
        CaseSetup.withoutParticipant(dataSource, homeOnly.id());
        Made homeNoMission = CaseSetup.report("p2mi.officer", CaseSetup.afterReturn(null, "JAMINAN_SOSIAL"));
        List<UUID> ids = List.of(klShared, hkShared, klKemluOnly, homeWithKl, homeOnly, homeNoMission).stream()
                .map(m -> UUID.fromString(m.id()))
                .toList();
        List<CallerScope> scopes = List.of(
                new CallerScope(Kind.ALL, Optional.empty()),
                new CallerScope(Kind.MISSION, Optional.of(KL)),
                new CallerScope(Kind.MISSION, Optional.of(HK)),
                new CallerScope(Kind.MISSION, Optional.of("")),
                new CallerScope(Kind.KEMENP2MI, Optional.empty()));

        List<ProtectionCase> cases = VertxContextSupport.subscribeAndAwait(
                () -> Panache.withSession(() -> ProtectionCase.<ProtectionCase>list("id in ?1", ids)));
        assertThat(cases).hasSize(ids.size());
        Map<CallerScope, Set<UUID>> seen = new HashMap<>();
        for (CallerScope scope : scopes) {
            Set<UUID> java = cases.stream().filter(scope::sees).map(c -> c.id).collect(Collectors.toSet());
            Set<UUID> hql = hql(scope, ids);
            Set<UUID> sql = sql(scope, ids);

            assertThat(hql).as("HQL of " + scope).isEqualTo(java);
            assertThat(sql).as("SQL of " + scope).isEqualTo(java);
            seen.put(scope, java);
        }

        assertThat(seen.get(scopes.get(0))).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(seen.get(scopes.get(1))).containsExactlyInAnyOrder(id(klShared), id(klKemluOnly), id(homeWithKl));
        assertThat(seen.get(scopes.get(2))).containsExactly(id(hkShared));
        assertThat(seen.get(scopes.get(3))).isEmpty();
        assertThat(seen.get(scopes.get(4)))
                .containsExactlyInAnyOrder(id(klShared), id(hkShared), id(homeWithKl), id(homeOnly), id(homeNoMission));
    }

    private static UUID id(Made made) {
        return UUID.fromString(made.id());
    }

    private static Set<UUID> hql(CallerScope scope, List<UUID> ids) throws Throwable {
        Parameters params = new Parameters().and("ids", ids);
        String where = "id in :ids and (" + scope.condition(params) + ")";
        List<ProtectionCase> found = VertxContextSupport.subscribeAndAwait(
                () -> Panache.withSession(() -> ProtectionCase.<ProtectionCase>list(where, params)));
        return found.stream().map(c -> c.id).collect(Collectors.toSet());
    }

    /** The SQL condition run through JDBC, its named parameters bound in order of appearance. */
    private Set<UUID> sql(CallerScope scope, List<UUID> ids) throws SQLException {
        Map<String, Object> params = new HashMap<>();
        String condition = scope.sqlCondition("p", params);
        List<Object> values = new ArrayList<>();
        Matcher named = NAMED.matcher(condition);
        StringBuilder positional = new StringBuilder();
        while (named.find()) {
            values.add(params.get(named.group(1)));
            named.appendReplacement(positional, "?");
        }
        named.appendTail(positional);
        String query = "SELECT p.id FROM protection_case p WHERE p.id = ANY (?) AND (" + positional + ")";
        Set<UUID> found = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(query)) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 2, values.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return found;
    }
}
