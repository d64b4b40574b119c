package id.sinergi.cases.rest;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.cases.domain.Party;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CaseExportResourceTest {

    @Test
    void shouldNameEveryPartyInTheApiDescriptionAndNoOther() {
        String[] named = CaseExportResource.PARTIES.replace(" or ", ", ").split(", ");

        assertThat(named)
                .containsExactly(Arrays.stream(Party.values()).map(Party::name).toArray(String[]::new));
    }
}
