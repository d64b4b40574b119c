package id.sinergi.audit.service;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.audit.service.AccessTerms.Category;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessTermsTest {

    @Test
    void shouldTellReadsChangesAndDecisionsApartByTheActionsLastWord() {
        assertThat(AccessTerms.categoryOf("worker.placement.read")).isEqualTo(Category.READ);
        assertThat(AccessTerms.categoryOf("worker.search")).isEqualTo(Category.READ);
        assertThat(AccessTerms.categoryOf("audit.query.export")).isEqualTo(Category.READ);
        assertThat(AccessTerms.categoryOf("worker.merge")).isEqualTo(Category.CHANGE);
        assertThat(AccessTerms.categoryOf("consent.revoke")).isEqualTo(Category.CHANGE);
        assertThat(AccessTerms.categoryOf("consent.decision")).isEqualTo(Category.DECISION);
        assertThat(AccessTerms.categoryOf("case.vital-interest.invoke")).isEqualTo(Category.DECISION);
        assertThat(AccessTerms.categoryOf("matching.run")).isEqualTo(Category.OTHER);
        assertThat(AccessTerms.categoryOf("x")).isEqualTo(Category.OTHER);
    }

    @Test
    void shouldNameTheMostSpecificRoleTheActorHeld() {
        PlainTerm role = AccessTerms.role(List.of("default-roles-sinergi", "offline_access", "consular-officer"));

        assertThat(role.code()).isEqualTo("consular-officer");
        assertThat(role.term()).isEqualTo("petugas konsuler");
        assertThat(AccessTerms.role(List.of("uma_authorization"))).isNull();
        assertThat(AccessTerms.role(null)).isNull();
    }

    @Test
    void shouldGiveTermsForAgenciesAndPurposesAndKeepUnknownCodes() {
        assertThat(AccessTerms.agency("KEMLU").term()).isEqualTo("Kementerian Luar Negeri");
        assertThat(AccessTerms.agency("OTHER")).isEqualTo(new PlainTerm("OTHER", null, null));
        assertThat(AccessTerms.agency(null)).isNull();
        assertThat(AccessTerms.purpose("REPATRIATION").term()).isEqualTo("pemulangan");
        assertThat(AccessTerms.purpose("SOMETHING_ELSE").term()).isNull();
    }
}
