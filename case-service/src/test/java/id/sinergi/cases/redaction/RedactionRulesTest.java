package id.sinergi.cases.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sinergi.cases.domain.Party;
import id.sinergi.cases.reference.CaseCategory;
import id.sinergi.cases.reference.ReferenceData;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactionRulesTest {

    private static final ReferenceData REFERENCE = new ReferenceData();

    private static final RedactionRules SHIPPED = new RedactionRules(REFERENCE);

    /** The ministries' working data, which no party outside them receives for any category. */
    private static final List<String> WORKING_DATA = List.of(
            "id",
            "workerId",
            "channel",
            "participantAgency",
            "priority",
            "routedTo",
            "updatedAt",
            "deadlines",
            "version",
            "vitalInterest");

    private static final List<String> VIOLENCE =
            List.of("KEKERASAN_MAJIKAN", "PELECEHAN_SEKSUAL", "PERDAGANGAN_ORANG", "ONLINE_SCAM");

    private static final String GROUPS_HEADER = "category_group,category_codes,why\n";
    private static final String RULES_HEADER = "party,applies_to,shared_fields,why\n";
    private static final String EVERY_PARTY =
            "EMPLOYER,*,reference,r\nPLACEMENT_AGENCY,*,reference,r\n" + "INSURER,*,reference status,r\n";

    @Test
    void shouldShareWithTheEmployerOfAViolenceCaseOnlyThatItExistsWhoHandlesItAndWhereItStands() {
        Redaction redaction = SHIPPED.forCase(Party.EMPLOYER, "KEKERASAN_MAJIKAN");

        assertThat(redaction.rule()).isEqualTo("VIOLENCE");
        assertThat(redaction.shared())
                .containsExactly("reference", "missionId", "missionName", "phase", "leadAgency", "status");
        assertThat(redaction.withheld())
                .containsExactly(
                        "id",
                        "workerId",
                        "category",
                        "description",
                        "channel",
                        "participantAgency",
                        "priority",
                        "routedTo",
                        "reporter",
                        "reportedAt",
                        "updatedAt",
                        "deadlines",
                        "version",
                        "vitalInterest");
    }

    @Test
    void shouldNeverGiveTheEmployerOrTheAgencyOfAViolenceOrTraffickingCaseTheAllegationOrWhoMadeIt() {
        for (Party party : List.of(Party.EMPLOYER, Party.PLACEMENT_AGENCY)) {
            for (String category : VIOLENCE) {
                Redaction redaction = SHIPPED.forCase(party, category);

                assertThat(redaction.withheld())
                        .as("%s %s", party, category)
                        .contains("category", "description", "reporter", "reportedAt", "vitalInterest");
            }
        }
    }

    @Test
    void shouldGiveNoPartyOutsideTheMinistriesTheirWorkingDataForAnyCategory() {
        for (Party party : List.of(Party.EMPLOYER, Party.PLACEMENT_AGENCY, Party.INSURER)) {
            for (CaseCategory category : REFERENCE.categories()) {
                Redaction redaction = SHIPPED.forCase(party, category.code());

                assertThat(redaction.withheld())
                        .as("%s %s", party, category.code())
                        .containsAll(WORKING_DATA);
                assertThat(redaction.shared())
                        .as("%s %s", party, category.code())
                        .contains("reference");
            }
        }
    }

    @Test
    void shouldGiveTheEmployerOfAWageCaseTheClaimButNotTheReporter() {
        Redaction redaction = SHIPPED.forCase(Party.EMPLOYER, "GAJI_TIDAK_DIBAYAR");

        assertThat(redaction.rule()).isEqualTo(RedactionRules.ANY);
        assertThat(redaction.shared()).contains("category", "description", "reportedAt");
        assertThat(redaction.withheld()).contains("reporter");
    }

    @Test
    void shouldApplyTheMostSpecificRuleWholeWithoutMergingIt() {
        Redaction claim = SHIPPED.forCase(Party.INSURER, "JAMINAN_SOSIAL");
        Redaction wages = SHIPPED.forCase(Party.INSURER, "GAJI_TIDAK_DIBAYAR");
        Redaction death = SHIPPED.forCase(Party.INSURER, "MENINGGAL_DUNIA");

        assertThat(claim.rule()).isEqualTo("JAMINAN_SOSIAL");
        assertThat(claim.shared()).contains("description");
        assertThat(wages.shared()).doesNotContain("description");
        assertThat(death.rule()).isEqualTo("HEALTH");
        assertThat(death.shared()).contains("reporter").doesNotContain("description");
    }

    @Test
    void shouldGiveTheMinistriesTheWholeCase() {
        for (Party ministry : List.of(Party.KEMLU, Party.KEMENP2MI)) {
            Redaction redaction = SHIPPED.forCase(ministry, "PELECEHAN_SEKSUAL");

            assertThat(redaction.rule()).isEqualTo(Redaction.MINISTRY);
            assertThat(redaction.shared()).isEqualTo(CaseFields.ALL);
            assertThat(redaction.withheld()).isEmpty();
            assertThat(SHIPPED.everShared(ministry)).isEqualTo(CaseFields.ALL);
        }
    }

    @Test
    void shouldListAsEverSharedWithAPartyTheFieldsOfAllItsRulesOnly() {
        List<String> employer = SHIPPED.everShared(Party.EMPLOYER);
        List<String> insurer = SHIPPED.everShared(Party.INSURER);

        assertThat(employer)
                .containsExactly(
                        "reference",
                        "missionId",
                        "missionName",
                        "category",
                        "description",
                        "phase",
                        "leadAgency",
                        "status",
                        "reportedAt");
        assertThat(insurer).contains("reporter", "description");
    }

    @Test
    void shouldWithholdAFieldNoRuleNamesSoThatAFieldAddedLaterIsWithheldUntilShared() {
        RedactionRules rules = rules(GROUPS_HEADER, RULES_HEADER + EVERY_PARTY);

        Redaction redaction = rules.forCase(Party.INSURER, "A");

        assertThat(redaction.shared()).containsExactly("reference", "status");
        assertThat(redaction.withheld()).hasSize(CaseFields.ALL.size() - 2);
    }

    @Test
    void shouldRefuseToStartOnAnUnknownField() {
        assertThatThrownBy(() -> rules(GROUPS_HEADER, RULES_HEADER + EVERY_PARTY + "EMPLOYER,A,reference shelter,r\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EMPLOYER/A shares unknown field(s) [shelter]");
    }

    @Test
    void shouldRefuseToStartOnAnUnknownParty() {
        assertThatThrownBy(() -> rules(GROUPS_HEADER, RULES_HEADER + EVERY_PARTY + "LANDLORD,*,reference,r\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown party LANDLORD");
    }

    @Test
    void shouldRefuseToStartOnARuleForAMinistry() {
        assertThatThrownBy(() -> rules(GROUPS_HEADER, RULES_HEADER + EVERY_PARTY + "KEMLU,*,reference,r\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("party KEMLU is a ministry");
    }

    @Test
    void shouldRefuseToStartOnAnUnknownCategoryOrGroup() {
        assertThatThrownBy(() -> rules(GROUPS_HEADER, RULES_HEADER + EVERY_PARTY + "EMPLOYER,ZZZ,reference,r\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EMPLOYER/ZZZ applies to ZZZ, neither * nor a group nor a category");
        assertThatThrownBy(() -> rules(GROUPS_HEADER + "G,A ZZZ,r\n", RULES_HEADER + EVERY_PARTY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("group G names unknown category ZZZ");
    }

    @Test
    void shouldRefuseToStartOnACategoryInTwoGroupsOrAGroupNamedLikeACategory() {
        assertThatThrownBy(() -> rules(GROUPS_HEADER + "G,A,r\nH,B A,r\n", RULES_HEADER + EVERY_PARTY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("category A is in groups G and H");
        assertThatThrownBy(() -> rules(GROUPS_HEADER + "B,A,r\n", RULES_HEADER + EVERY_PARTY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("group B must be upper case and not a category code");
    }

    @Test
    void shouldRefuseToStartOnARuleGivenTwiceOrWithoutItsReason() {
        assertThatThrownBy(() -> rules(GROUPS_HEADER, RULES_HEADER + EVERY_PARTY + "EMPLOYER,*,status,r\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EMPLOYER/* is given twice");
        assertThatThrownBy(() -> rules(GROUPS_HEADER, RULES_HEADER + EVERY_PARTY + "EMPLOYER,A,status,\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EMPLOYER/A gives no reason");
    }

    @Test
    void shouldRefuseToStartWhenAPartyHasNoRuleForEveryCategory() {
        assertThatThrownBy(() -> rules(GROUPS_HEADER, RULES_HEADER + "EMPLOYER,*,reference,r\nINSURER,*,status,r\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("party PLACEMENT_AGENCY has no rule for *");
    }

    @Test
    void shouldRefuseToStartOnAFileWithoutAColumn() {
        assertThatThrownBy(() -> rules(GROUPS_HEADER, "party,applies_to,shared_fields\nEMPLOYER,*,reference\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no column why");
    }

    private static RedactionRules rules(String groups, String rules) {
        return new RedactionRules(new StringReader(groups), new StringReader(rules), Set.of("A", "B", "C"));
    }
}
