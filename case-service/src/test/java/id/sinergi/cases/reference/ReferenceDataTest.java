package id.sinergi.cases.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sinergi.common.consent.CriticalCaseCategory;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {

    private final ReferenceData reference = new ReferenceData();

    @Test
    void shouldLoadEveryMissionAndCategoryOfTheShippedFiles() {
        int missions = reference.missions().size();
        int categories = reference.categories().size();

        assertThat(missions).isEqualTo(134);
        assertThat(categories).isEqualTo(23);
    }

    @Test
    void shouldKeepQuotedCommasInsideOneField() {
        Mission kabul = reference.mission("KBRI-KABUL").orElseThrow();

        assertThat(kabul.address())
                .isEqualTo("Malalai Watt, Shah-re-Naw, Ministry of Interior Street, Kabul, Afghanistan");
        assertThat(kabul.countryIso2()).isEqualTo("AF");
    }

    @Test
    void shouldSplitMissionTypeIntoIndonesianTermAndEnglishGloss() {
        Mission hongKong = reference.mission("KJRI-HONGKONG").orElseThrow();

        assertThat(hongKong.type())
                .isEqualTo(new Term("KJRI", "Konsulat Jenderal Republik Indonesia", "consulate-general"));
        assertThat(hongKong.countryIso2()).isEqualTo("HK");
        assertThat(hongKong.consularDistrictId()).isEqualTo("Hong Kong SAR; Macao SAR");
    }

    @Test
    void shouldNameOfficeLocationOnlyWhereItDiffersFromTheHostCountry() {
        Mission kualaLumpur = reference.mission("KBRI-KUALALUMPUR").orElseThrow();
        Mission holySee = reference.mission("KBRI-VATICAN").orElseThrow();

        assertThat(kualaLumpur.locatedInIso2()).isNull();
        assertThat(holySee.countryIso2()).isEqualTo("VA");
        assertThat(holySee.locatedInIso2()).isEqualTo("IT");
    }

    @Test
    void shouldGiveCategoryTermAndGloss() {
        CaseCategory wages = reference.category("GAJI_TIDAK_DIBAYAR").orElseThrow();

        assertThat(wages.term())
                .isEqualTo(new Term("GAJI_TIDAK_DIBAYAR", "Gaji tidak dibayar", "wages not paid / withheld"));
        assertThat(reference.category("KEIMIGRASIAN").orElseThrow().termId())
                .startsWith("Keimigrasian: penyalahgunaan visa, izin tinggal dan dokumen;");
    }

    @Test
    void shouldAnswerEmptyForUnknownOrMissingCodes() {
        boolean unknownMission = reference.mission("KBRI-ATLANTIS").isPresent();
        boolean noCategory = reference.category(null).isPresent();

        assertThat(unknownMission).isFalse();
        assertThat(noCategory).isFalse();
    }

    @Test
    void shouldReadQuotedLineBreaksAndQuotesAsPartOfTheField() {
        String csv =
                "category_code,term_id,gloss_en,used_in,source_url,vital_interest_category,default_priority,routing\n"
                        + "A,\"Satu, dua\nbaris\",\"said \"\"two\"\" lines\",,,,LOW,HOME_PROTECTION\n"
                        + "B,Dua,two,x,https://example.invalid/b,DETENTION,CRITICAL,LEGAL_AID\n";

        List<CaseCategory> categories = ReferenceData.categoriesFrom(new StringReader(csv));

        assertThat(categories).hasSize(2);
        assertThat(categories.get(0).termId()).isEqualTo("Satu, dua\nbaris");
        assertThat(categories.get(0).glossEn()).isEqualTo("said \"two\" lines");
        assertThat(categories.get(0).usedIn()).isNull();
        assertThat(categories.get(1).code()).isEqualTo("B");
        assertThat(categories.get(1).vitalInterestCategory()).isEqualTo(CriticalCaseCategory.DETENTION);
    }

    @Test
    void shouldMarkOnlyTheCriticalCategoriesForVitalInterest() {
        List<String> critical = reference.categories().stream()
                .filter(c -> c.critical().isPresent())
                .map(CaseCategory::code)
                .toList();

        assertThat(critical)
                .containsExactlyInAnyOrder(
                        "MENINGGAL_DUNIA",
                        "PERDAGANGAN_ORANG",
                        "KEKERASAN_MAJIKAN",
                        "PELECEHAN_SEKSUAL",
                        "ANCAMAN_HUKUMAN_MATI",
                        "KEDARURATAN",
                        "EVAKUASI",
                        "ONLINE_SCAM",
                        "DITAHAN");
        assertThat(reference.category("PERDAGANGAN_ORANG").orElseThrow().vitalInterestCategory())
                .isEqualTo(CriticalCaseCategory.TRAFFICKING);
        assertThat(reference.category("GAJI_TIDAK_DIBAYAR").orElseThrow().critical())
                .isEmpty();
    }

    @Test
    void shouldRefuseAVitalInterestCategoryConsentServiceDoesNotKnow() {
        String csv = "category_code,term_id,gloss_en,vital_interest_category,default_priority,routing\n"
                + "A,Satu,one,DANGER,CRITICAL,LEGAL_AID\n";

        assertThatThrownBy(() -> ReferenceData.categoriesFrom(new StringReader(csv)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vital_interest_category");
    }

    @Test
    void shouldRefuseACriticalCategoryThatIsNotCriticalByDefault() {
        String csv = "category_code,term_id,gloss_en,vital_interest_category,default_priority,routing\n"
                + "A,Satu,one,DEATH,HIGH,MISSION_PROTECTION\n";

        assertThatThrownBy(() -> ReferenceData.categoriesFrom(new StringReader(csv)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be CRITICAL");
    }

    @Test
    void shouldRefuseAnUnknownPriorityOrDesk() {
        String priority = "category_code,term_id,gloss_en,vital_interest_category,default_priority,routing\n"
                + "A,Satu,one,,URGENT,MISSION_PROTECTION\n";
        String desk = "category_code,term_id,gloss_en,vital_interest_category,default_priority,routing\n"
                + "A,Satu,one,,LOW,EMBASSY\n";

        assertThatThrownBy(() -> ReferenceData.categoriesFrom(new StringReader(priority)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("default_priority");
        assertThatThrownBy(() -> ReferenceData.categoriesFrom(new StringReader(desk)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("routing");
    }

    @Test
    void shouldRefuseFileWithoutARequiredColumn() {
        String csv = "category_code,term_id\nA,Satu\n";

        assertThatThrownBy(() -> ReferenceData.categoriesFrom(new StringReader(csv)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gloss_en");
    }
}
