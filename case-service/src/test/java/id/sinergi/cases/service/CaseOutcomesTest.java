package id.sinergi.cases.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sinergi.cases.domain.CaseOutcome;
import id.sinergi.cases.domain.OutcomeKind;
import id.sinergi.cases.rest.OutcomeDtos.OutcomeRequest;
import id.sinergi.common.problem.ProblemException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class CaseOutcomesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @Test
    void shouldKeepWagesToTwoPlacesInTheCurrencysCode() {
        OutcomeRequest request =
                new OutcomeRequest(OutcomeKind.WAGES_RECOVERED, new BigDecimal("4500.5"), "SAR", null, null, null);

        CaseOutcome o = CaseOutcomes.outcome(request, TODAY);

        assertThat(o.amount).isEqualByComparingTo("4500.50");
        assertThat(o.amount.scale()).isEqualTo(2);
        assertThat(o.currency).isEqualTo("SAR");
        assertThat(o.occurredOn).isNull();
    }

    @Test
    void shouldAcceptTodayAndRefuseTomorrow() {
        OutcomeRequest today = new OutcomeRequest(OutcomeKind.REPATRIATED, null, null, TODAY, null, null);
        OutcomeRequest tomorrow =
                new OutcomeRequest(OutcomeKind.REPATRIATED, null, null, TODAY.plusDays(1), null, null);

        assertThat(CaseOutcomes.outcome(today, TODAY).occurredOn).isEqualTo(TODAY);
        assertThatThrownBy(() -> CaseOutcomes.outcome(tomorrow, TODAY))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().getType()).isEqualTo("urn:sinergi:problem:date-in-future"));
    }

    @Test
    void shouldRefuseADateBeforeTheCaseWasReportedAnywhereNamingTheField() {
        Instant reported = Instant.parse("2026-03-01T05:00:00Z");

        CaseOutcomes.checkNotBeforeReport(LocalDate.of(2026, 2, 28), reported);
        CaseOutcomes.checkNotBeforeReport(null, reported);
        assertThatThrownBy(() -> CaseOutcomes.checkNotBeforeReport(LocalDate.of(2026, 2, 27), reported))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().getType()).isEqualTo("urn:sinergi:problem:date-before-report");
                    assertThat(e.problem().getErrors()).singleElement().satisfies(error -> assertThat(error.field())
                            .isEqualTo("date"));
                });
        assertThatThrownBy(() -> CaseOutcomes.checkNotBeforeReport(LocalDate.of(1, 1, 1), reported))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void shouldTakeANoteOnEveryKind() {
        OutcomeRequest wages = new OutcomeRequest(
                OutcomeKind.WAGES_RECOVERED, new BigDecimal("10"), "SAR", null, null, "paid in two parts");
        OutcomeRequest home = new OutcomeRequest(OutcomeKind.REPATRIATED, null, null, TODAY, null, "by sea");

        assertThat(CaseOutcomes.outcome(wages, TODAY).note).isEqualTo("paid in two parts");
        assertThat(CaseOutcomes.outcome(home, TODAY).note).isEqualTo("by sea");
    }

    @Test
    void shouldRefuseCodesThatNameNoMoneyAndFractionsOfWholeCurrencies() {
        assertThatThrownBy(() -> CaseOutcomes.currency("XXX")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> CaseOutcomes.currency("ZZZ")).isInstanceOf(ProblemException.class);
        assertThat(CaseOutcomes.currency("HKD").getCurrencyCode()).isEqualTo("HKD");
        assertThatThrownBy(() -> CaseOutcomes.amountIn(new BigDecimal("1000.5"), Currency.getInstance("KRW")))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().getType()).isEqualTo("urn:sinergi:problem:amount-precision"));
        assertThat(CaseOutcomes.amountIn(new BigDecimal("1000.00"), Currency.getInstance("KRW")))
                .isEqualByComparingTo("1000");
    }
}
